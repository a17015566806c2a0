/**
 * "sopkit: Show Problems in This File" (also the status-bar item's click): the active SOP's own
 * findings in a quick pick, worst first then by line; choosing one puts the cursor on it. The
 * Problems panel lists every file, and its "active file only" filter is a toggle a click would
 * flip; this always shows the file in front of the reader.
 */
import * as vscode from 'vscode';
import { activeDocument } from '../activeDocument.js';
import { messageRange } from '../convert.js';
import type { DocumentStore } from '../documentStore.js';

export const SHOW_FILE_PROBLEMS_COMMAND = 'sopkit.showFileProblems';

const ICON = { error: '$(error)', warning: '$(warning)', info: '$(info)' } as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;

interface ProblemItem extends vscode.QuickPickItem { range: vscode.Range }

export function registerShowFileProblems(store: DocumentStore): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_FILE_PROBLEMS_COMMAND, async (): Promise<number> => {
    const document = activeDocument();
    // current(), not latest(): a document just opened may not have been linted yet.
    const snapshot = document && (await store.current(document));
    if (!document || !snapshot) {
      void vscode.window.showInformationMessage('sopkit: the active editor is not an SOP, so there are no sopkit problems to show.');
      return 0;
    }
    const messages = [...snapshot.result.messages].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.column - b.column);
    if (messages.length === 0) {
      void vscode.window.showInformationMessage(`sopkit: no problems in ${vscode.workspace.asRelativePath(document.uri)}.`);
      return 0;
    }
    const items: ProblemItem[] = messages.map((m) => ({
      label: `${ICON[m.severity]} ${m.message}`,
      description: `${m.ruleId} · line ${m.line}`,
      range: messageRange(m),
    }));
    const picked = await vscode.window.showQuickPick(items, { title: `sopkit: ${messages.length} problem${messages.length === 1 ? '' : 's'} in ${vscode.workspace.asRelativePath(document.uri)}`, matchOnDescription: true });
    if (picked) {
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
      editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return messages.length;
  });
}
