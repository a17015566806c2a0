/**
 * Quick fixes: every fix and suggestion the core attaches to a message, "Disable <rule> for this
 * line", and `source.fixAll.sopkit` (all safe fixes, for "fix on save"). Edits are computed from
 * the lint of the exact document version on screen, so they never land on shifted text.
 */
import * as vscode from 'vscode';
import { canonicalHeadingFixes, disableForFileEdit, disableForLineEdit, fixText, type LintOptions, type LintMessage, type TextEdit } from '../core/index.js';
import { diagnosticRuleId, minimalReplacement, sameMessage, toWorkspaceEdit } from './convert.js';
import type { DocumentStore } from './documentStore.js';

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

  constructor(private readonly store: DocumentStore) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const wantsFixAll = context.only?.contains(FIX_ALL_KIND) || (context.only && FIX_ALL_KIND.contains(context.only));
    const ours = context.diagnostics.filter((d) => diagnosticRuleId(d) !== undefined);
    if (!wantsFixAll && ours.length === 0) return this.headingActions(document, range);
    const snapshot = await this.store.current(document);
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
        action.edit = toWorkspaceEdit(document, fix.edits);
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
    const options = this.store.lastOptions(document);
    if (!options) return [];
    const model = this.store.model(document, options);
    const line = range.start.line + 1;
    return canonicalHeadingFixes(model, options.teamSchema)
      .filter((f) => f.range.start.line <= line && line <= f.range.end.line)
      .map((f) => {
        const action = new vscode.CodeAction(f.fix.title, vscode.CodeActionKind.RefactorRewrite);
        action.edit = toWorkspaceEdit(document, f.fix.edits);
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

/** "Disable <rule> for this line", where the core says a comment can go (never in front matter or a table). */
function disableForLineAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, message: LintMessage): vscode.CodeAction | undefined {
  const edit = disableForLineEdit(document.getText(), diagnostic.range.start.line + 1, message.ruleId);
  return edit && insertAction(`Disable ${message.ruleId} for this line`, document, diagnostic, edit);
}

/** "Disable <rule> for this file", offered once per rule; the core places the comment after the front matter. */
function disableForFileAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, message: LintMessage, offered: Set<string>): vscode.CodeAction | undefined {
  if (offered.has(message.ruleId)) return undefined;
  const edit = disableForFileEdit(document.getText(), diagnostic.range.start.line + 1, message.ruleId);
  if (!edit) return undefined;
  offered.add(message.ruleId);
  return insertAction(`Disable ${message.ruleId} for this file`, document, diagnostic, edit);
}

function insertAction(title: string, document: vscode.TextDocument, diagnostic: vscode.Diagnostic, edit: TextEdit): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.edit = toWorkspaceEdit(document, [edit]);
  return action;
}
