import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixtureUri, ruleIds, sleep, sopkitDiagnostics, waitForDiagnostics } from './helpers.js';

const DOCS = 'https://github.com/sopkit/sopkit/blob/main/docs/rules/';

describe('diagnostics', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('reports missing sections with the rule id, docs link, severity and range', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length >= 2);
    const required = diagnostics.filter((d) => ruleIds([d])[0] === 'required-section');
    assert.deepEqual(required.map((d) => d.message).sort(), [
      "Missing section 'References' (expected after 'Procedure')",
      "Missing section 'Revision History' (expected after 'Procedure')",
    ]);
    for (const d of required) {
      assert.equal(d.source, 'sopkit');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(code.value, 'required-section');
      assert.equal(code.target.toString(true), `${DOCS}required-section.md`);
      // The "## Procedure" heading the missing sections should follow: line 18, columns 1-13.
      assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [17, 0, 17, 12]);
    }
  });

  it('leaves a clean SOP without problems', async () => {
    const uri = fixtureUri('sops', 'complete.sop.md');
    const api = vscode.extensions.getExtension<{ lintDocument(uri: vscode.Uri): Promise<string[] | undefined> }>('sopkit.sopkit')!.exports;
    await vscode.window.showTextDocument(uri);
    assert.deepEqual(await api.lintDocument(uri), []);
    assert.deepEqual(sopkitDiagnostics(uri), []);
  });

  it('treats Markdown with `sop: true` front matter as an SOP outside the sops folders', async () => {
    const uri = fixtureUri('notes', 'marked.md');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(ruleIds(diagnostics).includes('required-section'));
  });

  it('gives ordinary Markdown no diagnostics', async () => {
    const notes = fixtureUri('notes', 'meeting-notes.md');
    const api = vscode.extensions.getExtension<{ lintDocument(uri: vscode.Uri): Promise<string[] | undefined> }>('sopkit.sopkit')!.exports;
    await vscode.window.showTextDocument(notes);
    assert.equal(await api.lintDocument(notes), undefined, 'meeting notes were linted as an SOP');
    // Open an SOP after it and wait for that one: lints run in order, so the notes had their turn.
    const sop = fixtureUri('sops', 'missing-sections.md');
    await vscode.window.showTextDocument(sop);
    await waitForDiagnostics(sop, (d) => d.length > 0);
    assert.deepEqual(sopkitDiagnostics(notes), []);
  });

  it('updates as you type and leaves no stale diagnostics after rapid edits', async () => {
    const uri = fixtureUri('sops', 'missing-sections.md');
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, (d) => d.length >= 2);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const addition = '\n\n## References\n\n- Refund policy\n\n## Revision History\n\n- 2026-01-15 — v1.0 — First version\n';
    // Type the two sections character by character, as fast as the editor accepts edits.
    let position = end;
    for (const char of addition) {
      await editor.edit((b) => b.insert(position, char), { undoStopBefore: false, undoStopAfter: false });
      position = char === '\n' ? new vscode.Position(position.line + 1, 0) : position.translate(0, 1);
    }
    await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('required-section'));
    // Any lint of an older version that was still under way would land now; none may.
    await sleep(1200);
    assert.ok(!ruleIds(sopkitDiagnostics(uri)).includes('required-section'), 'a stale lint brought back a fixed problem');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, (d) => ruleIds(d).filter((r) => r === 'required-section').length === 2);
  });

  it('clears diagnostics when its editor closes, even with a lint pending', async () => {
    const uri = fixtureUri('notes', 'marked.md');
    const editor = await vscode.window.showTextDocument(uri);
    await waitForDiagnostics(uri, (d) => d.length > 0);
    // An edit schedules a debounced lint; the editor closes before it runs.
    await editor.edit((b) => b.insert(new vscode.Position(8, 0), 'More purpose text.\n'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(uri, (d) => d.length === 0);
    await sleep(1000);
    assert.deepEqual(sopkitDiagnostics(uri), [], 'a pending lint published diagnostics for a closed document');
  });
});
