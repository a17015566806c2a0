import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, ruleIds, waitForDiagnostics, workspaceRoot } from './helpers.js';

/** Code actions at a range, resolved (so lazily computed edits such as fix-all are filled in). */
async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind, 100)) ?? [];
}

/** The fixture as saved: exactly its two missing sections (earlier tests' edits are reverted). */
const pristine = (d: vscode.Diagnostic[]) => ruleIds(d).join() === 'required-section,required-section';

describe('quick fixes', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('inserts a missing section at its canonical place and its diagnostic disappears', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, pristine);
    const references = diagnostics.find((d) => d.message.startsWith("Missing section 'References'"))!;
    const actions = await codeActionsAt(uri, references.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title === "Insert 'References' section");
    assert.ok(insert?.edit, `no "Insert 'References' section" action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Disable required-section for this line'));
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    const after = await waitForDiagnostics(uri, (d) => !d.some((x) => x.message.startsWith("Missing section 'References'")));
    assert.ok(after.some((d) => d.message.startsWith("Missing section 'Revision History'")), 'the other missing section is still reported');
    const text = editor.document.getText();
    const procedure = text.indexOf('## Procedure');
    const inserted = text.indexOf('## References');
    assert.ok(inserted > procedure, 'References was not inserted after the Procedure section');
  });

  it('a ": " inside a front-matter value: plain words on the value, and a quick fix that quotes it', async () => {
    const content = '---\nformat: article\nowner: Ann: lead\n---\n\n# Refunds\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => ruleIds(d).includes('frontmatter-yaml'));
    const yaml = diagnostics.find((d) => d.code && String(typeof d.code === 'object' ? d.code.value : d.code) === 'frontmatter-yaml')!;
    assert.match(yaml.message, /the value of 'owner' contains ': '/);
    assert.equal(document.getText(yaml.range), 'Ann: lead');
    const actions = await codeActionsAt(document.uri, yaml.range, vscode.CodeActionKind.QuickFix.value);
    const quote = actions.find((a) => a.title === "Put the value of 'owner' in quotes");
    assert.ok(quote?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(quote.edit));
    assert.match(document.getText(), /^owner: "Ann: lead"$/m);
    await waitForDiagnostics(document.uri, (d) => !ruleIds(d).includes('frontmatter-yaml'));
  });

  it('"sopkit: Fix all" applies every safe fix', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, pristine);
    const applied = await vscode.commands.executeCommand<number>('sopkit.fixAll');
    assert.ok(applied >= 2, `expected at least 2 fixes, got ${applied}`);
    await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('required-section'));
    assert.match(editor.document.getText(), /## References[\s\S]*## Revision History/);
  });

  it('offers source.fixAll.sopkit for fix-on-save', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, pristine);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await codeActionsAt(uri, whole, 'source.fixAll.sopkit');
    assert.equal(actions.length, 1, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(actions[0].kind?.value, 'source.fixAll.sopkit');
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('required-section'));
  });

  it('fixes on save with "editor.codeActionsOnSave": { "source.fixAll.sopkit": "explicit" }', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'sops', 'fix-on-save.md');
    await vscode.workspace.fs.copy(fixtureUri('sops', 'missing-sections.md'), uri, { overwrite: true });
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await settings.update('codeActionsOnSave', { 'source.fixAll.sopkit': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await waitForDiagnostics(uri, pristine);
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(saved, /## References[\s\S]*## Revision History/);
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  it('offers suggestions (non-automatic fixes) as quick fixes, e.g. "Mark as reviewed today"', async () => {
    const uri = fixtureUri('sops', 'overdue-review.md');
    const editor = await vscode.window.showTextDocument(uri);
    const [overdue] = await waitForDiagnostics(uri, (d) => ruleIds(d).includes('review-overdue'));
    const actions = await codeActionsAt(uri, overdue.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const mark = actions.find((a) => a.title.startsWith('Mark as reviewed today'));
    assert.ok(mark?.edit, `titles: ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => t.startsWith('Add a revision-history entry dated')), `titles: ${titles.join(' | ')}`);
    assert.ok(!titles.some((t) => t.startsWith('Fix all')), 'suggestions are not safe fixes, so Fix all must not be offered for them');
    assert.ok(await vscode.workspace.applyEdit(mark.edit));
    assert.match(editor.document.lineAt(overdue.range.start.line).text, /^last_reviewed: \d{4}-\d\d-\d\d$/);
    await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('review-overdue'));
  });

  it('"Disable … for this file" turns a rule off below the front matter', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, pristine);
    const actions = await codeActionsAt(uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    assert.equal(actions.filter((a) => a.title === 'Disable required-section for this file').length, 1, 'offered once, not once per diagnostic');
    const disable = actions.find((a) => a.title === 'Disable required-section for this file')!;
    assert.ok(await vscode.workspace.applyEdit(disable.edit!));
    assert.match(editor.document.getText(), /^---\r?\n[\s\S]*?\r?\n---\r?\n\r?\n<!-- sopkit-disable required-section -->\r?\n\r?\n# Handling Refund Requests/);
    await waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('"Disable … for this line" silences that rule on that line only', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, pristine);
    const actions = await codeActionsAt(uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable required-section for this line')!;
    assert.ok(await vscode.workspace.applyEdit(disable.edit!));
    assert.match(editor.document.getText(), /<!-- sopkit-disable-next-line required-section -->\r?\n## Procedure/);
    await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('required-section'));
  });
});
