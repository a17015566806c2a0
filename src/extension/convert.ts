/** Between the core's shapes (1-based lines, offset edits) and VS Code's. */
import * as vscode from 'vscode';
import type { LintMessage, Severity, TextEdit } from '../core/index.js';

export const DIAGNOSTIC_SOURCE = 'sopkit';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function messageRange(message: LintMessage): vscode.Range {
  const start = new vscode.Position(Math.max(0, message.line - 1), Math.max(0, message.column - 1));
  const end = new vscode.Position(Math.max(0, message.endLine - 1), Math.max(0, message.endColumn - 1));
  return new vscode.Range(start, end.isBefore(start) ? start : end);
}

export function toDiagnostic(message: LintMessage): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(messageRange(message), message.message, SEVERITY[message.severity] ?? vscode.DiagnosticSeverity.Warning);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: message.ruleId, target: vscode.Uri.parse(message.url) };
  return diagnostic;
}

export function diagnosticRuleId(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** The lint message a diagnostic was made from: same rule, same range, same text. */
export function sameMessage(diagnostic: vscode.Diagnostic, message: LintMessage): boolean {
  return diagnosticRuleId(diagnostic) === message.ruleId && diagnostic.message === message.message && diagnostic.range.isEqual(messageRange(message));
}

/** The core's offset edits as a WorkspaceEdit; offsets are read against `document` as it is now. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    const range = new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length));
    edit.replace(document.uri, range, e.text);
  }
  return edit;
}

/**
 * The smallest single replacement that turns `before` into `after` (common prefix and suffix
 * kept), so fix-all does not move the cursor or fold state of untouched text.
 */
export function minimalReplacement(document: vscode.TextDocument, before: string, after: string): vscode.TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) { endBefore--; endAfter--; }
  return vscode.TextEdit.replace(new vscode.Range(document.positionAt(start), document.positionAt(endBefore)), after.slice(start, endAfter));
}
