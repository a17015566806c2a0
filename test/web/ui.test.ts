// What a person sees in the web workbench: hovers, the status bar and the Problems panel. The
// DOM checks are answered by the runner (ui.ts); screenshots land in test-output/web/.
import * as vscode from 'vscode';
import { match, ok } from './assert.js';
import { fixture, openInEditor, waitForRuleIds } from './helpers.js';
import { workbenchText } from './ui.js';

const STRICT = 'sops/password-reset.sop.md';

describe('the web workbench UI', () => {
  before(async () => {
    await openInEditor(fixture(STRICT));
    await waitForRuleIds(fixture(STRICT), ['required-section']);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovers a section heading with what the section is for and whether it is required', async () => {
    const uri = fixture(STRICT);
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.getText().split('\n').findIndex((l) => l === '## Purpose');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 4));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    match(text, /\*\*Purpose\*\* — required in a guide SOP/, 'hover text');
  });

  it('shows the SOP format and its problem count in the status bar', async () => {
    const shown = await workbenchText('.part.statusbar', ['SOP: guide', '1 problem']);
    ok(shown.found, `status bar shows "SOP: guide" and "1 problem"; it shows: ${JSON.stringify(shown.text)}`);
  });

  it('lists the diagnostic in the Problems panel', async () => {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const shown = await workbenchText('.markers-panel', ["Missing section 'Scope'", 'required-section', 'password-reset.sop.md'], 'problems');
    ok(shown.found, `Problems panel lists the missing Scope section; it shows: ${JSON.stringify(shown.text.slice(0, 500))}`);
  });
});
