import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, ruleIds, sopkitDiagnostics } from './helpers.js';

describe('workspace lint', () => {
  before(async () => { await activateExtension(); await closeAllEditors(); });

  it('"sopkit: Lint workspace" fills Problems for every SOP and skips other Markdown', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; problems: number; errors: number; filesWithProblems: number; message: string }>('sopkit.lintWorkspace');
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
    // The notification at the end gives the counts (with a Show Problems button).
    assert.match(summary.message, /^sopkit: \d+ SOPs linted: \d+ errors?, \d+ warnings?(?:, \d+ notes?)? in \d+ files?\.$/);
    assert.ok(summary.message.startsWith(`sopkit: ${summary.files} SOPs linted: ${summary.errors} error`), summary.message);
  });

  it('the status-bar item lists the active file\'s own problems; choosing one moves the cursor there', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const expected = sopkitDiagnostics(uri);
    assert.ok(expected.length > 0);
    const shown = vscode.commands.executeCommand<number>('sopkit.showFileProblems');
    // Accept the first entry of the quick pick, as a reader pressing Enter would (once it is open).
    let settled = false;
    void shown.then(() => { settled = true; }, () => { settled = true; });
    for (let i = 0; i < 40 && !settled; i++) {
      await new Promise((r) => setTimeout(r, 250));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    assert.equal(await shown, expected.length, 'one entry per sopkit problem of this file');
    const first = [...expected].sort((a, b) => a.severity - b.severity || a.range.start.line - b.range.start.line)[0];
    assert.deepEqual([vscode.window.activeTextEditor!.selection.start.line, vscode.window.activeTextEditor!.selection.start.character], [first.range.start.line, first.range.start.character]);
  });
});
