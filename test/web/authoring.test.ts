// Creating SOPs on vscode.dev: the New SOP wizard and the template gallery write into the
// workspace through workspace.fs (here test-web's in-memory layer over the mounted folder) and
// open the result; what they produce lints without errors.
import * as vscode from 'vscode';
import type { SopkitApi } from '../../src/extension/extension.js';
import { deepEqual, equal, match, ok } from './assert.js';
import { activateSopkit, fixture, sopkitDiagnostics } from './helpers.js';
import { LATE_DELIVERIES_ANSWERS } from '../fixtures/wizard-answers.js';

const DRAFTS = 'drafts';

async function errorsOf(api: SopkitApi, uri: vscode.Uri): Promise<string[]> {
  await api.lintDocument(uri);
  return sopkitDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message);
}

describe('creating SOPs', () => {
  let api: SopkitApi;
  before(async () => {
    api = await activateSopkit();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixture(DRAFTS), { recursive: true });
  });

  it('"New SOP" (the wizard, given its answers) writes a draft into the workspace and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('sopkit.newSop', {
      folder: fixture(DRAFTS),
      today: '2026-11-23',
      answers: LATE_DELIVERIES_ANSWERS,
    });
    ok(uri, 'the command returned the new file');
    equal(uri.toString(), fixture(`${DRAFTS}/handling-late-deliveries.md`).toString(), 'where the draft was written');
    equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the draft is open in the editor');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    match(text, /^format: workflow$/m, 'front matter');
    match(text, /Northwind Outfitters/, 'business name');
    deepEqual(await errorsOf(api, uri), [], 'errors in the new draft');
  });

  it('"New SOP from Template…" (given a template and answers) writes a filled-in SOP', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('sopkit.newSopFromTemplate', {
      folder: fixture(DRAFTS),
      today: '2026-11-23',
      templateId: 'inquiry-handling',
      answers: { business_name: 'Northwind Outfitters', channels: ['e-mail', 'chat'] },
    });
    ok(uri, 'the command returned the new file');
    equal(uri.scheme, 'vscode-test-web', 'written to the virtual file system');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    match(text, /Northwind Outfitters/, 'business name');
    ok(!/\{\{\s*business_name\s*\}\}/.test(text), 'no unfilled {{business_name}}');
    deepEqual(await errorsOf(api, uri), [], 'errors in the new SOP');
  });
});
