/** "sopkit: Fix all": applies every safe fix to the active SOP (the same fixes as `sopkit lint --fix`). */
import * as vscode from 'vscode';
import { fixText } from '../../core/index.js';
import { activeDocument } from '../activeDocument.js';
import { minimalReplacement } from '../convert.js';
import type { DocumentStore } from '../documentStore.js';
import { markWalkthrough } from '../walkthrough.js';

export const FIX_ALL_COMMAND = 'sopkit.fixAll';

export function registerFixAll(store: DocumentStore): vscode.Disposable {
  return vscode.commands.registerCommand(FIX_ALL_COMMAND, async (target?: vscode.Uri) => {
    const document = target
      ? await vscode.workspace.openTextDocument(target)
      : activeDocument();
    if (!document) {
      void vscode.window.showInformationMessage('sopkit: open an SOP first; Fix all works on the active editor.');
      return 0;
    }
    const snapshot = await store.current(document);
    if (!snapshot) {
      void vscode.window.showInformationMessage(`sopkit: ${vscode.workspace.asRelativePath(document.uri)} is not an SOP (see the sopkit.files setting), so there is nothing to fix.`);
      return 0;
    }
    const fixed = fixText(snapshot.text, snapshot.options);
    const edit = minimalReplacement(document, snapshot.text, fixed.text);
    if (!edit || document.version !== snapshot.version) {
      if (!edit) void vscode.window.setStatusBarMessage('sopkit: nothing to fix automatically', 3000);
      return 0;
    }
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(document.uri, [edit]);
    const applied = await vscode.workspace.applyEdit(workspaceEdit);
    if (applied) {
      void vscode.window.setStatusBarMessage(`sopkit: applied ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}`, 3000);
      if (fixed.applied > 0) markWalkthrough('problemsFixed');
    }
    return applied ? fixed.applied : 0;
  });
}
