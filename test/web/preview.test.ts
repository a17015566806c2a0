// The preview in the web workbench: a webview panel beside the SOP, rendered by the webview
// script from dist/webview (loaded through the webview service worker on vscode.dev).
import * as vscode from 'vscode';
import { ok } from './assert.js';
import { fixture, openInEditor, waitForRuleIds } from './helpers.js';
import { webviewText } from './ui.js';

const allTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

/** The sopkit preview tab once it names its SOP (the panel's title is set after it renders). */
function namedPreviewTab(name: RegExp): vscode.Tab | undefined {
  return allTabs().find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('sopkit.preview') && name.test(t.label));
}

function waitForTab(find: () => vscode.Tab | undefined, timeoutMs = 10_000): Promise<vscode.Tab | undefined> {
  return new Promise((resolve) => {
    const done = (tab: vscode.Tab | undefined): void => { clearTimeout(timer); subscription.dispose(); resolve(tab); };
    const timer = setTimeout(() => done(find()), timeoutMs);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => { const tab = find(); if (tab) done(tab); });
    const tab = find();
    if (tab) done(tab);
  });
}

describe('preview', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the SOP preview to the side: a sopkit webview panel titled after the SOP', async () => {
    const uri = fixture('sops/password-reset.sop.md');
    await openInEditor(uri);
    // Earlier tests edited, reverted and closed this SOP; its diagnostics must be back.
    await waitForRuleIds(uri, ['required-section']);
    await vscode.commands.executeCommand('sopkit.preview.openToSide', uri);
    const tab = await waitForTab(() => namedPreviewTab(/password-reset/));
    ok(tab, `a sopkit preview tab naming password-reset; tabs: ${JSON.stringify(allTabs().map((t) => t.label))}`);
    const editorColumn = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()))?.viewColumn;
    ok(tab.group.viewColumn !== editorColumn, 'the preview is beside the editor');
  });

  it('renders the SOP in the webview: title, steps and the lint summary', async () => {
    const expected = ['Resetting a Customer Password', "Confirm the customer's identity", "Missing section 'Scope'"];
    const shown = await webviewText(expected, 'preview');
    ok(shown.found, `the preview webview shows ${JSON.stringify(expected)}; it shows: ${JSON.stringify(shown.text.slice(0, 500))}`);
  });
});
