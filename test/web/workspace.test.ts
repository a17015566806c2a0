// Workspace-wide commands on vscode.dev: files found with workspace.findFiles and read with
// workspace.fs from the virtual file system; edits applied to the open editor.
import * as vscode from 'vscode';
import { deepEqual, equal, match } from './assert.js';
import { fixture, openInEditor, revertAndClose, ruleIds, sopkitDiagnostics, waitForDiagnostics, waitForRuleIds } from './helpers.js';

interface WorkspaceLintSummary { files: number; problems: number; skipped: number }

describe('workspace commands', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Lint workspace" lints the SOPs it finds without opening them and leaves other Markdown alone', async () => {
    const summary = await vscode.commands.executeCommand<WorkspaceLintSummary>('sopkit.lintWorkspace');
    const found = Object.fromEntries(['sops/password-reset.sop.md', 'sops/relaxed/password-reset.sop.md', 'sops/team/password-reset.sop.md', 'notes/standup.md']
      .map((path) => [path, ruleIds(sopkitDiagnostics(fixture(path)))]));
    deepEqual(found, {
      'sops/password-reset.sop.md': ['required-section'],
      'sops/relaxed/password-reset.sop.md': [], // its .sopkit.yaml turns the rule off
      'sops/team/password-reset.sop.md': ['required-section'], // its team schema wants Training
      'notes/standup.md': [], // not an SOP
    }, 'diagnostics per file');
    deepEqual(summary, { files: 3, problems: 2, errors: 2, warnings: 0, filesWithProblems: 2, skipped: 0, message: 'sopkit: 3 SOPs linted: 2 errors, 0 warnings in 2 files.' }, 'summary');
  });

  it('"Fix all" applies the safe fixes to the open SOP', async () => {
    const uri = fixture('sops/password-reset.sop.md');
    const editor = await openInEditor(uri);
    try {
      await waitForRuleIds(uri, ['required-section']);
      const applied = await vscode.commands.executeCommand<number>('sopkit.fixAll');
      equal(applied, 1, 'fixes applied');
      match(editor.document.getText(), /^## Scope[ \t]*$/m, 'the document has a Scope section');
      // The inserted section is the schema's template: its placeholders are now the only problems.
      const after = await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('required-section'));
      deepEqual([...new Set(ruleIds(after))], ['placeholder'], 'rule ids after Fix all');
    } finally {
      await revertAndClose(editor);
    }
  });
});
