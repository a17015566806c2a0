// The extension in the web workbench: loaded from package.json "browser" into a web worker
// extension host (no Node.js there, so the Node entry could not have run).
import * as vscode from 'vscode';
import type { SopkitApi } from '../../src/extension/extension.js';
import { equal, includesAll, ok } from './assert.js';
import { EXTENSION_ID, note } from './helpers.js';

describe('sopkit in the web workbench', () => {
  it('runs in a browser extension host: web UI, no Node.js, the fixture folder mounted', () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    const nodeVersion = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    equal(nodeVersion, undefined, 'process.versions.node in the extension host');
    equal(vscode.workspace.workspaceFolders?.[0]?.uri.toString(), 'vscode-test-web://mount/', 'workspace folder');
  });

  it('activates from its browser entry and registers its commands', async () => {
    const extension = vscode.extensions.getExtension<SopkitApi>(EXTENSION_ID);
    ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    equal(extension.packageJSON.browser, './dist/web/extension.cjs', 'package.json "browser"');
    const api = await extension.activate();
    ok(extension.isActive, 'extension.isActive after activate()');
    equal(typeof api.activationMs, 'number', 'activate() returns the sopkit API');
    note(`activate() took ${api.activationMs.toFixed(1)} ms in the web worker extension host`);
    const commands = await vscode.commands.getCommands(true);
    includesAll(commands, ['sopkit.fixAll', 'sopkit.lintWorkspace', 'sopkit.newSop', 'sopkit.preview.openToSide'], 'sopkit commands');
  });
});
