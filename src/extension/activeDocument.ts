import * as vscode from 'vscode';

/**
 * The document of the active editor. After a modal editor (Workspace Trust, Running Extensions)
 * closes, activeTextEditor stays undefined until the editor is focused again, although a text
 * editor is plainly the active tab; the tab model says which one.
 */
export function activeDocument(): vscode.TextDocument | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (!(input instanceof vscode.TabInputText)) return undefined;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri.toString());
}
