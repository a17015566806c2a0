import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, lintNow } from './helpers.js';

function labels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('completion, hover, definitions and symbols', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('completes front-matter enum values (format, status)', async () => {
    const uri = fixtureUri('sops', 'workflow.md');
    const editor = await vscode.window.showTextDocument(uri);
    // Line 3 is "format: workflow": clear the value and ask for completions after "format: ".
    await editor.edit((b) => b.replace(new vscode.Range(2, 8, 2, 16), ''));
    const formats = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 8));
    for (const value of ['article', 'guide', 'workflow', 'faq', 'checklist']) assert.ok(labels(formats).includes(value), `format value ${value} not offered`);
    const statuses = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 8));
    for (const value of ['draft', 'review', 'approved', 'retired']) assert.ok(labels(statuses).includes(value), `status value ${value} not offered`);
  });

  it('completes policy ids and tones from the catalogues, in flow and block lists', async () => {
    const uri = fixtureUri('sops', 'workflow.md');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((b) => b.insert(new vscode.Position(4, 0), 'policies: [complaint-handling-process, \ntone:\n  - warm\n  - \n'));
    const policies = labels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 40)));
    assert.ok(policies.includes('response-time-standards'), `policies offered: ${policies.join(', ')}`);
    assert.ok(!policies.includes('complaint-handling-process'), 'a policy already listed was offered again');
    const tones = labels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(7, 4)));
    assert.ok(tones.includes('professional') && !tones.includes('warm'), `tones offered: ${tones.join(', ')}`);
  });

  it('completes front-matter keys that are not there yet', async () => {
    const uri = fixtureUri('sops', 'workflow.md');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((b) => b.insert(new vscode.Position(4, 0), 'ow\n'));
    const keys = labels(await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 2)));
    assert.ok(keys.includes('owner'));
    assert.ok(!keys.includes('title'), 'title is present already and must not be offered again');
  });

  it('offers the missing sections on a heading line, required ones first', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    const editor = await vscode.window.showTextDocument(uri);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n\n## '));
    const last = editor.document.lineCount - 1;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(last, 3));
    const offered = labels(list);
    assert.ok(offered.includes('References') && offered.includes('Revision History'), `offered: ${offered.join(', ')}`);
    assert.ok(!offered.includes('Purpose'), 'Purpose is present and must not be offered');
  });

  it('explains a section on hover', async () => {
    const uri = fixtureUri('sops', 'workflow.md');
    const document = (await vscode.window.showTextDocument(uri)).document;
    const line = document.getText().split(/\r?\n/).indexOf('## Escalation');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 4));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /\*\*Escalation\*\* — required in a workflow SOP/);
  });

  it('puts a code lens above content taken as a part, and explains it on hover', async () => {
    const content = '---\nformat: article\n---\n\n# Refund a damaged order\n\nThis SOP describes how agents refund orders that arrive damaged.\n\n## How we refund\n\n1. Check the photos.\n2. Refund the order.\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    await lintNow(document.uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const ours = lenses.filter((l) => l.command?.title.startsWith('sopkit:'));
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('This SOP describes'));
    assert.deepEqual(ours.map((l) => [l.range.start.line, l.command!.title]), [[line, 'sopkit: Purpose — recognised by its content, not a heading']]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Recognised as Purpose by its content, not its heading/);
  });

  it('explains a front-matter key and its allowed values on hover', async () => {
    const uri = fixtureUri('sops', 'workflow.md');
    await vscode.window.showTextDocument(uri);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /\*\*status\*\*/);
    assert.match(text, /Allowed values: `draft`, `review`, `approved`, `retired`/);
  });

  it('goes from "Proceed to Step 2" to step 2', async () => {
    const uri = fixtureUri('sops', 'workflow.md');
    const document = (await vscode.window.showTextDocument(uri)).document;
    const line = document.getText().split('\n').findIndex((l) => l.includes('Proceed to Step 2'));
    const column = document.lineAt(line).text.indexOf('Proceed to Step 2') + 3;
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, new vscode.Position(line, column));
    const ours = targets.map((t) => ('targetUri' in t ? t.targetSelectionRange ?? t.targetRange : t.range));
    assert.ok(ours.some((r) => document.lineAt(r.start.line).text.startsWith('### Step 2')), `targets: ${JSON.stringify(ours)}`);
  });

  it('lists sections and steps as document symbols', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    await vscode.window.showTextDocument(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const flat: vscode.DocumentSymbol[] = [];
    const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => { flat.push(s); walk(s.children ?? []); });
    walk(symbols);
    const names = flat.map((s) => s.name);
    assert.ok(names.includes('1. Greet the customer and confirm the order number.') || names.some((n) => /^1\. Greet the customer/.test(n)), `symbols: ${names.join(' | ')}`);
    const procedure = flat.find((s) => s.name === 'Procedure' && s.detail === 'process');
    assert.ok(procedure, `no Procedure section symbol among: ${names.join(' | ')}`);
    assert.equal(procedure.children.filter((c) => c.detail === 'step').length, 3);
  });
});
