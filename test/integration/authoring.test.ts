import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, lintNow, ruleIds, workspaceRoot } from './helpers.js';
import { LATE_DELIVERIES_ANSWERS } from '../fixtures/wizard-answers.js';

describe('New SOP commands', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('"New SOP…" driven with test answers writes a draft that lints without errors', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'sops', 'generated');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('sopkit.newSop', {
      folder,
      today: '2026-11-23',
      answers: LATE_DELIVERIES_ANSWERS,
    });
    assert.ok(uri, 'the command returned no file');
    assert.equal(uri.path, vscode.Uri.joinPath(folder, 'handling-late-deliveries.md').path);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^---\n[\s\S]*format: workflow/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new SOP is not the active editor');
    const diagnostics = await lintNow(uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => `${ruleIds([d])[0]}@${d.range.start.line + 1}: ${d.message}`), []);
  });

  it('"New SOP…" never overwrites: a second draft with the same title gets a new name', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'sops', 'generated');
    const answers = {
      format: 'checklist', title: 'Handling Late Deliveries', businessName: 'Northwind', description: 'x',
      sector: 'E-commerce', offers: 'gear', tone: ['Warm', 'Concise'], policies: ['response-time-standards', 'escalation-procedures'],
    };
    const uri = await vscode.commands.executeCommand<vscode.Uri>('sopkit.newSop', { folder, answers });
    assert.match(uri.path, /handling-late-deliveries-\d+\.md$/);
  });

  it('"New SOP from Template…" driven with test answers creates a filled-in SOP', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'sops', 'from-template');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('sopkit.newSopFromTemplate', {
      folder,
      today: '2026-11-23',
      templateId: 'inquiry-handling',
      answers: { business_name: 'Northwind Outfitters', channels: ['e-mail', 'chat'] },
    });
    assert.ok(uri, 'the command returned no file');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /Northwind Outfitters/);
    assert.doesNotMatch(text, /\{\{\s*business_name\s*\}\}/);
    const diagnostics = await lintNow(uri);
    assert.deepEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
  });

  it('"New SOP from Template…" offers the team templates named in .sopkit.yaml', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'team', 'procedures');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('sopkit.newSopFromTemplate', {
      folder, today: '2026-11-23', templateId: 'team-store-opening', answers: { business_name: 'Bramble Home' },
    });
    assert.ok(uri, 'the team template was not found');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /Open every Bramble Home store the same way/);
    assert.match(text, /effective: 2026-11-23/);
    assert.deepEqual((await lintNow(uri)).map((d) => d.message), []);
  });

  it('cancelling the wizard at its first step creates nothing', async () => {
    const before = await vscode.workspace.findFiles('**/*.md');
    const pending = vscode.commands.executeCommand<vscode.Uri | undefined>('sopkit.newSop');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined);
    assert.equal((await vscode.workspace.findFiles('**/*.md')).length, before.length);
  });
});
