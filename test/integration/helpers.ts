// Shared helpers for the integration tests: they run in a real extension host, so they wait on
// real events (diagnostics changing) rather than sleeping a fixed time.
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sopkit.sopkit';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder open');
  return folder.uri;
}

export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
}

export function sopkitDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sopkit');
}

/** Resolves once `predicate` holds for the document's sopkit diagnostics (checked on every change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = sopkitDiagnostics(uri);
      if (!predicate(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const current = sopkitDiagnostics(uri).map((d) => `${String((d.code as { value?: unknown })?.value ?? d.code)}@${d.range.start.line + 1}: ${d.message}`);
      reject(new Error(`diagnostics of ${uri.path} did not reach the expected state in ${timeoutMs} ms; now: ${JSON.stringify(current)}`));
    }, timeoutMs);
    const cleanup = () => { clearTimeout(timer); subscription.dispose(); };
    check();
  });
}

/** Lints the document now through the extension's API and returns its published diagnostics. */
export async function lintNow(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const api = vscode.extensions.getExtension<{ lintDocument(uri: vscode.Uri): Promise<string[] | undefined> }>(EXTENSION_ID)!.exports;
  const ids = await api.lintDocument(uri);
  if (ids === undefined) throw new Error(`${uri.path} was not linted: sopkit does not treat it as an SOP`);
  return sopkitDiagnostics(uri);
}

/** A line for the test output (mocha's log file when the runner tails one, else the console). */
export function report(line: string): void {
  console.log(line);
  if (process.env.SOPKIT_TEST_LOG) appendFileSync(process.env.SOPKIT_TEST_LOG, `${line}\n`);
}

export function ruleIds(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => String((d.code as { value?: unknown } | undefined)?.value ?? d.code));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * What sopkit left in the extension host logs: every error entry that mentions sopkit (including
 * its own output channel, where unexpected failures are logged), and the host's warnings about
 * sopkit's API use (`[sopkit.sopkit] …`). The runner passes the user-data folder in
 * SOPKIT_VSCODE_USER_DATA (run-vscode-tests.mjs and run-electron.mjs both do).
 */
export function sopkitProblemsInExtensionHostLog(): string[] {
  const userData = process.env.SOPKIT_VSCODE_USER_DATA;
  if (!userData) throw new Error('SOPKIT_VSCODE_USER_DATA is not set; run the suite through scripts/run-vscode-tests.mjs');
  const logs = join(userData, 'logs');
  if (!existsSync(logs)) return [];
  const problems: string[] = [];
  for (const file of readdirSync(logs, { recursive: true }).map(String)) {
    if (!/exthost/i.test(file) || !file.endsWith('.log')) continue;
    const lines = readFileSync(join(logs, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const isError = /\[error\]/.test(lines[i]);
      const isHostWarning = /\[warning\] \[sopkit\.sopkit\]/.test(lines[i]);
      if (!isError && !isHostWarning) continue;
      let entry = lines[i];
      while (i + 1 < lines.length && !/^\d{4}-\d\d-\d\d /.test(lines[i + 1])) entry += `\n${lines[++i]}`;
      if (isHostWarning || /sopkit/i.test(entry) || /sopkit\.sopkit/.test(file)) problems.push(`${file}: ${entry}`);
    }
  }
  return problems;
}

/** The text of sopkit's own "sopkit" output channel (a log channel, written under the logs folder). */
export function sopkitOutputChannelLog(): string {
  const userData = process.env.SOPKIT_VSCODE_USER_DATA;
  if (!userData) throw new Error('SOPKIT_VSCODE_USER_DATA is not set; run the suite through scripts/run-vscode-tests.mjs');
  const logs = join(userData, 'logs');
  return readdirSync(logs, { recursive: true }).map(String)
    .filter((f) => /sopkit\.sopkit[\\/]sopkit\.log$/.test(f))
    .map((f) => readFileSync(join(logs, f), 'utf8')).join('\n');
}
