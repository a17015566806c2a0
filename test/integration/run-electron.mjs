// The same integration suite on desktop VS Code (Electron), for contributors whose machine can
// download VS Code: @vscode/test-electron fetches a build from Microsoft at run time. That download
// is impossible on the project's CI machines (they reach only npm and Debian), so `npm test` uses
// scripts/run-vscode-tests.mjs (code-server + Chromium) instead; this file is not run there.
//   node scripts/build.mjs && node test/integration/run-electron.mjs [--vscode=/path/to/code]
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

const repo = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'sopkit-electron-'));
const workspace = join(scratch, 'workspace');
const userData = join(scratch, 'user-data');
cpSync(join(repo, 'test/integration/fixtures/workspace'), workspace, { recursive: true });
const vscodeExecutablePath = process.argv.find((a) => a.startsWith('--vscode='))?.slice('--vscode='.length);

try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'out/test/integration/index.cjs'),
    extensionTestsEnv: { SOPKIT_VSCODE_USER_DATA: userData },
    launchArgs: [workspace, '--user-data-dir', userData, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (err) {
  console.error(`integration (electron): ${err.message ?? err}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
