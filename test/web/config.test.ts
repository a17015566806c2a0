// Team configuration changing while SOPs are open, on a virtual file system: the extension must
// notice a .sopkit.yaml appearing, changing and going away (file events from the web workspace's
// file system provider) and re-lint.
import * as vscode from 'vscode';
import { equal } from './assert.js';
import { fixture, openInEditor, ruleIds, waitForDiagnostics, waitForRuleIds } from './helpers.js';

const STRICT = 'sops/password-reset.sop.md';
/** Waits for exactly one required-section diagnostic with this severity (the test's states differ only in it). */
async function waitForSeverity(uri: vscode.Uri, severity: vscode.DiagnosticSeverity): Promise<void> {
  const [diagnostic] = await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === severity);
  equal(ruleIds([diagnostic])[0], 'required-section', 'rule id');
}

const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

describe('configuration changes', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('re-lints an open SOP when a .sopkit.yaml appears, changes and is deleted', async () => {
    const uri = fixture(STRICT);
    const config = fixture('sops/.sopkit.yaml');
    await openInEditor(uri);
    await waitForRuleIds(uri, ['required-section']);
    try {
      await write(config, 'rules:\n  required-section: off\n');
      await waitForRuleIds(uri, []);
      await write(config, 'rules:\n  required-section: warning\n');
      await waitForSeverity(uri, vscode.DiagnosticSeverity.Warning);
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await waitForSeverity(uri, vscode.DiagnosticSeverity.Error);
  });
});
