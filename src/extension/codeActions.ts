/**
 * Quick fixes: every fix and suggestion the core attaches to a message, "Disable <rule> for this
 * line", and `source.fixAll.sopkit` (all safe fixes, for "fix on save"). Edits are computed from
 * the lint of the exact document version on screen, so they never land on shifted text.
 */
import * as vscode from 'vscode';
import { canonicalHeadingFixes, fixText, type LintOptions, type LintMessage } from '../core/index.js';
import { sopModel } from './language/model.js';
import { diagnosticRuleId, fixToWorkspaceEdit, minimalReplacement, sameMessage } from './convert.js';
import type { DiagnosticsController } from './diagnostics.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('sopkit');

/**
 * "Fix all" is offered on every light-bulb request but computed only when chosen (or on save):
 * fixText lints up to ten times, too much to do on each cursor move.
 */
class FixAllAction extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly version: number, readonly text: string, readonly options: LintOptions, kind: vscode.CodeActionKind) {
    super('Fix all auto-fixable sopkit problems', kind);
  }
}

export class SopCodeActionProvider implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsController) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const wantsFixAll = context.only?.contains(FIX_ALL_KIND) || (context.only && FIX_ALL_KIND.contains(context.only));
    const ours = context.diagnostics.filter((d) => diagnosticRuleId(d) !== undefined);
    if (!wantsFixAll && ours.length === 0) return this.headingActions(document, range);
    const snapshot = await this.diagnostics.current(document);
    if (!snapshot || token.isCancellationRequested || snapshot.version !== document.version) return [];
    const actions: vscode.CodeAction[] = [];

    const fixable = snapshot.result.messages.some((m) => m.fix);
    if (wantsFixAll) {
      if (fixable) actions.push(new FixAllAction(document, snapshot.version, snapshot.text, snapshot.options, FIX_ALL_KIND));
      return actions;
    }

    const disabledForFile = new Set<string>();
    for (const diagnostic of ours) {
      const message = snapshot.result.messages.find((m) => sameMessage(diagnostic, m));
      if (!message) continue;
      const fixes = [...(message.fix ? [message.fix] : []), ...(message.suggestions ?? [])];
      fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = fixToWorkspaceEdit(document, fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0 && message.fix !== undefined;
        actions.push(action);
      });
      const disable = disableForLineAction(document, diagnostic, message);
      if (disable) actions.push(disable);
      const disableFile = disableForFileAction(document, diagnostic, message, disabledForFile);
      if (disableFile) actions.push(disableFile);
    }
    if (fixable) actions.push(new FixAllAction(document, snapshot.version, snapshot.text, snapshot.options, vscode.CodeActionKind.QuickFix));
    return actions;
  }

  /** "Give this content its canonical heading" where the cursor is on content taken as a part (core canonicalHeadingFixes). */
  private headingActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    if (!this.diagnostics.lastOptions(document)) return [];
    const model = sopModel(document, this.diagnostics);
    const line = range.start.line + 1;
    return canonicalHeadingFixes(model, this.diagnostics.lastOptions(document)?.teamSchema)
      .filter((f) => f.range.start.line <= line && line <= f.range.end.line)
      .map((f) => {
        const action = new vscode.CodeAction(f.fix.title, vscode.CodeActionKind.RefactorRewrite);
        action.edit = fixToWorkspaceEdit(document, f.fix);
        return action;
      });
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (!(action instanceof FixAllAction) || action.document.version !== action.version) return action;
    const fixed = fixText(action.text, action.options);
    const edit = minimalReplacement(action.document, action.text, fixed.text);
    if (edit) {
      action.edit = new vscode.WorkspaceEdit();
      action.edit.set(action.document.uri, [edit]);
    }
    return action;
  }
}

/**
 * Inserts `<!-- sopkit-disable-next-line rule -->` above the line, or, where a line above would
 * split a list or paragraph, `<!-- sopkit-disable-line rule -->` at its end. Not offered inside
 * front matter (a comment there would break the YAML) or in tables (it would break the table).
 */
function disableForLineAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, message: LintMessage): vscode.CodeAction | undefined {
  const lineNumber = diagnostic.range.start.line;
  if (insideFrontMatter(document, lineNumber)) return undefined;
  const line = document.lineAt(lineNumber);
  if (/^\s*\|/.test(line.text)) return undefined;
  const previous = lineNumber > 0 ? document.lineAt(lineNumber - 1).text : '';
  // A comment line above a heading, or above a block that follows a blank line, splits nothing.
  // List items always take the trailing form: a comment between loose items would end the list.
  const isListItem = /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(line.text);
  const startsBlock = /^\s*#{1,6}\s/.test(line.text) || (!isListItem && (lineNumber === 0 || previous.trim() === '' || /^(?:---|\.\.\.)\s*$/.test(previous)));
  const action = new vscode.CodeAction(`Disable ${message.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  if (startsBlock) {
    const indent = /^\s*/.exec(line.text)![0];
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    action.edit.insert(document.uri, line.range.start, `${indent}<!-- sopkit-disable-next-line ${message.ruleId} -->${eol}`);
  } else {
    action.edit.insert(document.uri, line.range.end, ` <!-- sopkit-disable-line ${message.ruleId} -->`);
  }
  return action;
}

/**
 * `<!-- sopkit-disable rule -->` right after the front matter (or at the top): the rule is off
 * for the rest of the file. Front-matter lines come before the comment, so it is not offered there.
 */
function disableForFileAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, message: LintMessage, offered: Set<string>): vscode.CodeAction | undefined {
  if (offered.has(message.ruleId) || insideFrontMatter(document, diagnostic.range.start.line)) return undefined;
  offered.add(message.ruleId);
  let line = 0;
  if (document.lineCount > 0 && /^---\s*$/.test(document.lineAt(0).text)) {
    for (let i = 1; i < Math.min(document.lineCount, 2000); i++) {
      if (/^(?:---|\.\.\.)\s*$/.test(document.lineAt(i).text)) { line = i + 1; break; }
    }
  }
  // One blank line on each side of the comment, reusing blank lines already there.
  if (line > 0 && line < document.lineCount && document.lineAt(line).isEmptyOrWhitespace) line++;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const before = line > 0 && (line >= document.lineCount || !document.lineAt(line - 1).isEmptyOrWhitespace) ? eol : '';
  const after = line >= document.lineCount || !document.lineAt(line).isEmptyOrWhitespace ? eol : '';
  const at = line < document.lineCount ? new vscode.Position(line, 0) : document.lineAt(document.lineCount - 1).range.end;
  const action = new vscode.CodeAction(`Disable ${message.ruleId} for this file`, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(document.uri, at, `${line >= document.lineCount ? eol : ''}${before}<!-- sopkit-disable ${message.ruleId} -->${eol}${after}`);
  return action;
}

function insideFrontMatter(document: vscode.TextDocument, line: number): boolean {
  if (document.lineCount === 0 || !/^---\s*$/.test(document.lineAt(0).text)) return false;
  for (let i = 1; i < Math.min(document.lineCount, 2000); i++) {
    if (/^(?:---|\.\.\.)\s*$/.test(document.lineAt(i).text)) return line <= i;
  }
  return true;
}
