// The preview in the web workbench: a webview panel beside the SOP. It is left open on purpose:
// scripts/run-web-tests.mjs then looks into the webview's frame for the rendered SOP.
import * as vscode from 'vscode';
import { ok } from './assert.js';
import { fixture, openInEditor } from './helpers.js';

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
  it('opens the SOP preview to the side: a sopkit webview panel titled after the SOP', async () => {
    const uri = fixture('sops/password-reset.sop.md');
    await openInEditor(uri);
    await vscode.commands.executeCommand('sopkit.preview.openToSide', uri);
    const tab = await waitForTab(() => namedPreviewTab(/password-reset/));
    ok(tab, `a sopkit preview tab naming password-reset; tabs: ${JSON.stringify(allTabs().map((t) => t.label))}`);
    ok(tab.group.viewColumn !== vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()))?.viewColumn, 'the preview is beside the editor');
  });
});
