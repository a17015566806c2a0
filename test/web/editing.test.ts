// Quick fixes and completion in the web workbench, through the same commands the editor uses.
import * as vscode from 'vscode';
import { equal, includesAll, ok } from './assert.js';
import { fixture, openInEditor, revertAndClose, ruleIds, waitForDiagnostics, waitForRuleIds } from './helpers.js';

const label = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

describe('quick fixes and completion', () => {
  it('inserts the missing section through its quick fix, and the diagnostic goes', async () => {
    const uri = fixture('sops/password-reset.sop.md');
    const editor = await openInEditor(uri);
    try {
      const [missing] = await waitForRuleIds(uri, ['required-section']);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      includesAll(titles, ["Insert 'Scope' section", 'Disable required-section for this line'], 'quick fixes offered');
      const insert = actions.find((a) => a.title === "Insert 'Scope' section")!;
      ok(insert.edit, 'the quick fix carries an edit');
      ok(await vscode.workspace.applyEdit(insert.edit), 'workspace.applyEdit');

      const text = editor.document.getText();
      const scope = text.search(/^## Scope[ \t]*$/m);
      ok(scope > text.indexOf('## Purpose') && scope < text.indexOf('## Process'), `a "## Scope" heading between Purpose and Process:\n${text}`);
      const after = await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('required-section'));
      equal(ruleIds(after).includes('required-section'), false, 'required-section after the fix');
    } finally {
      await revertAndClose(editor);
    }
  });

  it('completes front-matter values from the schema (status)', async () => {
    const uri = fixture('sops/password-reset.sop.md');
    const editor = await openInEditor(uri);
    try {
      const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('status:'));
      ok(line > 0, 'fixture has a status line');
      const position = editor.document.lineAt(line).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      const values = list.items.filter((i) => i.detail === 'status').map(label);
      includesAll(values, ['draft', 'review', 'approved', 'retired'], 'status values offered');
    } finally {
      await revertAndClose(editor);
    }
  });

  it('completes the sections an SOP still lacks on a heading line, required ones marked', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '---\ntitle: Opening the Shop\nformat: guide\n---\n\n# Opening the Shop\n\n## Purpose\n\nOpen on time.\n\n## \n',
    });
    const position = new vscode.Position(11, 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const sections = list.items.filter((i) => typeof i.label === 'object' && /required|optional/.test(i.label.description ?? ''));
    const scope = sections.find((i) => label(i) === 'Scope');
    ok(scope, `a Scope item among ${JSON.stringify(sections.map(label))}`);
    equal((scope.label as vscode.CompletionItemLabel).description, 'required (guide)', 'Scope is marked required');
    equal(sections.some((i) => label(i) === 'Purpose'), false, 'Purpose (already present) is not offered');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('outlines the SOP: sections with the part they satisfy, steps under the process', async () => {
    const uri = fixture('sops/password-reset.sop.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const all = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((s) => [s, ...all(s.children)]);
    // Markdown's own outline is merged in; sopkit's symbols are the ones with a detail.
    const process = all(symbols).find((s) => s.name === 'Process' && s.detail === 'process');
    ok(process, `a Process section symbol among ${JSON.stringify(all(symbols).map((s) => [s.name, s.detail]))}`);
    const steps = process.children.filter((c) => c.detail === 'step').map((c) => c.name);
    equal(steps.length, 3, `steps under Process: ${JSON.stringify(steps)}`);
    ok(steps[0].startsWith("1. Confirm the customer's identity"), `first step: ${steps[0]}`);
  });
});
