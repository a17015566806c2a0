// The preview panel's wiring in the extension host: the command opens a webview panel beside the
// SOP, "Reset checklist" unticks through an undoable WorkspaceEdit, the write-back setting keeps
// the document untouched, and a locked preview stays on its SOP. (Clicking inside the webview is
// covered by test/integration/ui/preview.test.mjs, which drives the real page in Chromium.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, workspaceRoot } from './helpers.js';

const CHECKLIST = [
  '---', 'title: Closing checklist', 'format: checklist', 'owner: Shift Lead', '---', '', '# Closing checklist', '',
  '## Purpose', 'Close the store safely.', '', '## Scope', 'Evening shift.', '',
  '## Checklist', '', '### Till', '- [x] Count the till', '- [X] Lock the safe', '- [ ] Print the Z report', '',
  '## References', '- Handbook', '', '## Revision History', '- 2026-01-01 — v1 — First version', '',
].join('\n');

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('sopkit.preview'));
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function writeSop(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'sops', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  return document;
}

describe('SOP preview panel', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.workspace.getConfiguration('sopkit.preview').update('checklistWriteBack', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('"Open Preview to the Side" opens one preview panel beside the SOP', async () => {
    const document = await writeSop('preview-open.sop.md', CHECKLIST);
    await vscode.commands.executeCommand('sopkit.preview.openToSide');
    const tab = await until('the preview tab', () => previewTabs()[0]);
    assert.equal(tab.label, 'Preview preview-open.sop.md');
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One);
    // Running it again reuses the panel.
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('sopkit.preview.openToSide');
    assert.equal(previewTabs().length, 1);
  });

  it('"Reset checklist" unticks every item through one undoable edit', async () => {
    const document = await writeSop('preview-reset.sop.md', CHECKLIST);
    await vscode.commands.executeCommand('sopkit.preview.openToSide');
    await until('the preview tab', () => previewTabs()[0]);
    await vscode.commands.executeCommand('sopkit.preview.resetChecklist');
    await until('the ticks to be removed', () => !/\[[xX]\]/.test(document.getText()));
    assert.match(document.getText(), /- \[ \] Count the till\n- \[ \] Lock the safe\n- \[ \] Print the Z report/);
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('undo');
    await until('undo to restore the ticks', () => document.getText() === CHECKLIST);
  });

  it('with sopkit.preview.checklistWriteBack off, resetting leaves the document alone', async () => {
    await vscode.workspace.getConfiguration('sopkit.preview').update('checklistWriteBack', false, vscode.ConfigurationTarget.Workspace);
    const document = await writeSop('preview-nowrite.sop.md', CHECKLIST);
    await vscode.commands.executeCommand('sopkit.preview.openToSide');
    await until('the preview tab', () => previewTabs()[0]);
    const version = document.version;
    await vscode.commands.executeCommand('sopkit.preview.resetChecklist');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(document.version, version);
    assert.equal(document.getText(), CHECKLIST);
  });

  it('follows the active SOP unless locked', async () => {
    await writeSop('preview-first.sop.md', CHECKLIST);
    await vscode.commands.executeCommand('sopkit.preview.openToSide');
    await until('the preview tab', () => previewTabs()[0]);
    await writeSop('preview-second.sop.md', CHECKLIST.replace('Closing', 'Opening'));
    await until('the preview to follow', () => previewTabs()[0]?.label === 'Preview preview-second.sop.md');
    // Focus the preview and lock it; switching editors no longer moves it.
    await vscode.commands.executeCommand('sopkit.preview.openToSide');
    await vscode.commands.executeCommand('sopkit.preview.toggleLock');
    await until('the locked title', () => previewTabs()[0]?.label === '[Preview] preview-second.sop.md');
    await writeSop('preview-third.sop.md', CHECKLIST);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(previewTabs()[0]?.label, '[Preview] preview-second.sop.md');
  });
});
