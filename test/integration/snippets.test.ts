import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, lintNow, workspaceRoot } from './helpers.js';

describe('snippets', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('inserts a whole SOP from the "SOP article" snippet, and the result has no errors', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'sops', 'from-snippet.md');
    await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    const editor = await vscode.window.showTextDocument(uri);
    assert.ok(await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'SOP article' }) !== false);
    const text = editor.document.getText();
    assert.match(text, /^---\r?\n[\s\S]*format: article/);
    for (const heading of ['## Purpose', '## Scope', '## References', '## Revision History']) assert.ok(text.includes(heading), `missing ${heading}`);
    const errors = (await lintNow(uri)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers the SOP snippets in completion by their sop- prefix', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'sops', 'snippet-prefix.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('sop-'));
    await vscode.window.showTextDocument(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 4));
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of ['sop-article', 'sop-workflow', 'sop-checklist', 'sop-faq', 'sop-guide']) assert.ok(snippets.includes(prefix), `${prefix} not offered; got ${snippets.slice(0, 20).join(', ')}`);
  });
});
