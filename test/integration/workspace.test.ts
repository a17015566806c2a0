import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, ruleIds, sopkitDiagnostics } from './helpers.js';

describe('workspace lint', () => {
  before(async () => { await activateExtension(); await closeAllEditors(); });

  it('"sopkit: Lint workspace" fills Problems for every SOP and skips other Markdown', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; problems: number }>('sopkit.lintWorkspace');
    for (const name of ['a.md', 'b.md', 'c.md']) {
      const ids = ruleIds(sopkitDiagnostics(fixtureUri('sops', 'bulk', name)));
      assert.ok(ids.includes('required-section'), `sops/bulk/${name}: ${ids.join(', ')}`);
    }
    assert.ok(sopkitDiagnostics(fixtureUri('notes', 'marked.md')).length > 0, 'front-matter marked SOP was not linted');
    assert.deepEqual(sopkitDiagnostics(fixtureUri('notes', 'meeting-notes.md')), []);
    assert.deepEqual(sopkitDiagnostics(fixtureUri('sops', 'complete.sop.md')), []);
    // team/.sopkit.yaml ignores its templates folder: templates hold {{placeholders}} by design.
    assert.deepEqual(sopkitDiagnostics(fixtureUri('team', 'templates', 'store-opening.md')), []);
    assert.ok(summary.files >= 6, `linted ${summary.files} files`);
  });
});
