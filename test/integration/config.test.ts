import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, lintNow, ruleIds, sleep, sopkitOutputChannelLog, waitForDiagnostics, workspaceRoot } from './helpers.js';

const configUri = () => vscode.Uri.joinPath(workspaceRoot(), 'sops', '.sopkit.yaml');
/** A team schema that extends the built-in one with a required Training section. */
const TEAM_SCHEMA = {
  $id: 'https://example.test/team.sop.schema.json',
  allOf: [{ $ref: 'https://sopkit.dev/schemas/sop.schema.json' }],
  properties: { sections: { required: ['training'] } },
  'x-sop-sections': [{ id: 'training', title: 'Training', order: 75, aliases: ['training requirements'], description: 'What an agent must learn first.', template: '- [INSERT course]\n' }],
};

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

describe('configuration', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.workspace.fs.delete(configUri()).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('sopkit').update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('re-lints open SOPs when .sopkit.yaml changes a rule severity', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, (d) => d.length === 2 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Error));
    await write(configUri(), 'rules:\n  required-section: warning\n');
    await waitForDiagnostics(uri, (d) => d.length === 2 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
    await write(configUri(), 'rules:\n  required-section: off\n');
    await waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('applies a team schema named in .sopkit.yaml (read through workspace.fs)', async () => {
    const schemaUri = vscode.Uri.joinPath(workspaceRoot(), 'sops', 'team.sop.schema.json');
    await write(schemaUri, JSON.stringify(TEAM_SCHEMA, null, 2));
    try {
      await write(configUri(), 'schema: ./team.sop.schema.json\n');
      const uri = fixtureUri('sops', 'complete.sop.md');
      await vscode.window.showTextDocument(uri);
      const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0);
      assert.deepEqual(diagnostics.map((d) => d.message), ["Missing section 'Training' for an article (expected after 'Procedure')"]);
      // Completion on a new heading offers the team's section too, right after typing.
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n## '));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(editor.document.lineCount - 1, 3));
      const training = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Training');
      assert.ok(training, 'the team section Training is not offered');
      assert.match(String((training.label as vscode.CompletionItemLabel).description), /required/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.workspace.fs.delete(schemaUri);
    }
  });

  it('keeps linting with the defaults when the config is broken', async () => {
    await write(configUri(), 'rules:\n  required-section: [not, a, severity\n');
    const uri = fixtureUri('sops', 'missing-sections.md');
    await vscode.window.showTextDocument(uri);
    // The file watcher reports the new config in its own time; wait for the re-lint it triggers.
    const diagnostics = await waitForDiagnostics(uri, (d) => ruleIds(d).join() === 'required-section,required-section');
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.deepEqual(ruleIds(await lintNow(uri)), ['required-section', 'required-section']);
    // Keep typing: every keystroke re-lints, but the broken config is reported only once.
    const editor = vscode.window.activeTextEditor!;
    for (let i = 0; i < 5; i++) {
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), 'x'));
      await lintNow(uri);
    }
    // Other tests leave their own config reports in the log; count this broken file's only. The
    // log channel writes to disk in batches, so give it a moment to show up.
    const ours = () => sopkitOutputChannelLog().split('\n').filter((l) => l.includes('sops/.sopkit.yaml:3:1: Not valid YAML'));
    for (let waited = 0; ours().length === 0 && waited < 5000; waited += 250) await sleep(250);
    await sleep(500);
    const reports = ours();
    assert.equal(reports.length, 1, `the config problem was reported ${reports.length} times:\n${reports.join('\n')}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('skips live linting of an SOP over sopkit.maxFileSizeKB', async () => {
    await vscode.workspace.getConfiguration('sopkit').update('maxFileSizeKB', 1, vscode.ConfigurationTarget.Workspace);
    const uri = fixtureUri('sops', 'large.sop.md');
    await write(uri, `# Large\n\n## Purpose\n\n${'A long paragraph about the purpose. '.repeat(100)}\n`); // about 3.5 KB
    const api = vscode.extensions.getExtension<{ lintDocument(uri: vscode.Uri): Promise<string[] | undefined> }>('sopkit.sopkit')!.exports;
    await vscode.window.showTextDocument(uri);
    assert.equal(await api.lintDocument(uri), undefined);
    await waitForDiagnostics(uri, (d) => d.length === 0);
  });
});
