// Shared steps of the web suite: the mounted fixture folder, waiting for sopkit's diagnostics.
import * as vscode from 'vscode';
import type { SopkitApi } from '../../src/extension/extension.js';

export const EXTENSION_ID = 'sopkit.sopkit';

/** Activates sopkit (if it is not already) and returns its API. */
export async function activateSopkit(): Promise<SopkitApi> {
  return vscode.extensions.getExtension<SopkitApi>(EXTENSION_ID)!.activate();
}

/** A line in the runner's output next to the test results (a measured figure, not an assertion). */
export function note(text: string): void {
  console.log(`[sopkit-web]       ${text}`);
}

/** test/web/fixtures/workspace, mounted by @vscode/test-web as vscode-test-web://mount/. */
export function fixture(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: the runner mounts test/web/fixtures/workspace');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export function sopkitDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sopkit');
}

export function ruleIds(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code))).sort();
}

/**
 * Resolves with sopkit's diagnostics for `uri` once `accept` holds for them; rejects with the last
 * ones seen when it never does. Diagnostics arrive asynchronously (debounced lint), so tests wait
 * for the state they expect instead of sleeping.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = sopkitDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`sopkit diagnostics for ${uri.path} never reached the expected state; last seen: ${JSON.stringify(ruleIds(sopkitDiagnostics(uri)))}`));
    }, timeoutMs);
    function cleanup(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Waits until sopkit's diagnostics for `uri` carry exactly these rule ids (sorted; stale ones do not count). */
export function waitForRuleIds(uri: vscode.Uri, expected: readonly string[], timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  const want = JSON.stringify([...expected].sort());
  return waitForDiagnostics(uri, (d) => JSON.stringify(ruleIds(d)) === want, timeoutMs);
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Drops a test's unsaved edits, so the tests that follow see the fixture as it is on disk. */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
