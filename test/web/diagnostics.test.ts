// Linting on vscode.dev: SOPs and .sopkit.yaml are read from a virtual file system
// (vscode-test-web://), so everything goes through vscode.workspace.fs.
import * as vscode from 'vscode';
import type { SopkitApi } from '../../src/extension/extension.js';
import { deepEqual, equal, match, ok } from './assert.js';
import { activateSopkit, fixture, openInEditor, revertAndClose, ruleIds, sopkitDiagnostics, waitForRuleIds } from './helpers.js';

const STRICT = 'sops/password-reset.sop.md';
const RELAXED = 'sops/relaxed/password-reset.sop.md';

describe('diagnostics on a virtual file system', () => {
  let api: SopkitApi;
  before(async () => {
    api = await activateSopkit();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports the missing Scope section with rule id, severity, range and docs link', async () => {
    const uri = fixture(STRICT);
    await openInEditor(uri);
    const [missing, ...others] = await waitForRuleIds(uri, ['required-section']);
    equal(others.length, 0, 'one diagnostic');
    match(missing.message, /Missing section 'Scope'/, 'message');
    equal(missing.severity, vscode.DiagnosticSeverity.Error, 'severity');
    // Reported at the "## Purpose" heading (line 11), the section Scope belongs after.
    equal(missing.range.start.line, 10, 'range start line');
    ok(typeof missing.code === 'object' && missing.code.target.toString().endsWith('/docs/rules/required-section.md'), 'code links to the rule docs');
  });

  it('applies the .sopkit.yaml next to an SOP (read through workspace.fs): the rule it turns off stays silent', async () => {
    const strict = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(STRICT)));
    const relaxed = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(RELAXED)));
    // The twins differ only in their id, so the config is the only reason for a different result.
    equal(relaxed.replace('IT-015', 'IT-014'), strict, 'the relaxed fixture is the strict one with another id');
    const config = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('sops/relaxed/.sopkit.yaml')));
    match(config, /required-section: off/, 'fixture config');

    const uri = fixture(RELAXED);
    await openInEditor(uri);
    deepEqual(await api.lintDocument(uri), [], 'rule ids for the SOP under sops/relaxed');
    deepEqual(ruleIds(sopkitDiagnostics(uri)), [], 'published diagnostics for the SOP under sops/relaxed');
    deepEqual(await api.lintDocument(fixture(STRICT)), ['required-section'], 'rule ids for its twin outside sops/relaxed');
  });
});

describe('a team schema named by .sopkit.yaml', () => {
  const TEAM = 'sops/team/password-reset.sop.md';
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is loaded through workspace.fs: the section it adds is required', async () => {
    const uri = fixture(TEAM);
    await openInEditor(uri);
    const [training] = await waitForRuleIds(uri, ['required-section']);
    match(training.message, /Missing section 'Training'/, 'message');
  });

  // Completion fires as the heading is typed, before the debounced lint of that text has run; the
  // team schema (from the last lint's options) must already shape the offer.
  it('adds its section to heading completion, marked required', async () => {
    const uri = fixture(TEAM);
    const editor = await openInEditor(uri);
    try {
      await waitForRuleIds(uri, ['required-section']);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      ok(await editor.edit((b) => b.insert(end, '\n## ')), 'typing a heading');
      const position = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      const training = list.items.find((i) => typeof i.label === 'object' && i.label.label === 'Training');
      ok(training, `a Training item among ${JSON.stringify(list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)))}`);
      equal((training.label as vscode.CompletionItemLabel).description, 'required (guide)', 'Training is marked required');
    } finally {
      await revertAndClose(editor);
    }
  });
});

describe('diagnostics across closing and reopening', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('clears an SOP\'s diagnostics when its last tab closes and brings them back when it is opened again', async () => {
    const uri = fixture(STRICT);
    await openInEditor(uri);
    await waitForRuleIds(uri, ['required-section']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForRuleIds(uri, []);
    await openInEditor(uri);
    await waitForRuleIds(uri, ['required-section']);
  });

  it('leaves no stale diagnostics when an edited SOP is reverted and closed at once', async () => {
    const uri = fixture(STRICT);
    await openInEditor(uri);
    await waitForRuleIds(uri, ['required-section']);
    // Fix all inserts the Scope template, whose placeholders are then reported...
    await vscode.commands.executeCommand('sopkit.fixAll');
    // ...and the edit is thrown away straight after, before any debounced lint has run.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForRuleIds(uri, []);
    await openInEditor(uri);
    await waitForRuleIds(uri, ['required-section']);
  });
});
