// Integration tests in a real VS Code: builds, starts code-server (scripts/vscode-harness.mjs),
// opens a copy of test/integration/fixtures/workspace in Debian Chromium with this folder as the
// extension under development and out/test/integration/index.cjs as its test suite, prints
// mocha's spec output as it runs, then runs the UI check (test/integration/ui/*.test.mjs: a person's
// view of the workbench, with screenshots in test-output/screenshots/).
//   node scripts/run-vscode-tests.mjs [--grep=text] [--skip-ui] [--only-ui] [--keep]
// Exits non-zero when anything fails; a hard timeout ends everything after 10 minutes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionHostErrors, launchBrowser, startCodeServer, runSuiteInWorkbench } from './vscode-harness.mjs';

const repo = resolve(import.meta.dirname, '..');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const flag = (name) => process.argv.includes(`--${name}`);
const HARD_TIMEOUT_MS = Number(process.env.SOPKIT_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);
const outputDir = join(repo, 'test-output');
mkdirSync(outputDir, { recursive: true });

const cleanups = [];
async function cleanup() {
  while (cleanups.length) await cleanups.pop()().catch((err) => console.error(`cleanup: ${err.message}`));
}
const hardTimer = setTimeout(async () => {
  console.error(`\nintegration: hard timeout after ${HARD_TIMEOUT_MS / 1000} s; stopping VS Code`);
  console.log('  1 failing');
  await cleanup();
  process.exit(1);
}, HARD_TIMEOUT_MS);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, async () => { await cleanup(); process.exit(130); });

function build() {
  const run = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'inherit' });
  if (run.status !== 0) throw new Error('build failed');
}

/** Runs the mocha suite inside the extension host; resolves with its exit code. */
async function runExtensionHostSuite(browser) {
  const scratch = mkdtempSync(join(tmpdir(), 'sopkit-it-'));
  cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));
  const workspace = join(scratch, 'workspace');
  cpSync(join(repo, 'test/integration/fixtures/workspace'), workspace, { recursive: true });
  const mochaLog = join(scratch, 'mocha.log');
  writeFileSync(mochaLog, '');
  const workbenchLog = [];
  const server = await startCodeServer({
    env: { SOPKIT_TEST_LOG: mochaLog, SOPKIT_TEST_GREP: arg('grep') ?? '', SOPKIT_REPO: repo },
    settings: { 'files.autoSave': 'off', 'editor.codeActionsOnSave': {} },
  });
  cleanups.push(() => server.stop({ keep: flag('keep') }));

  let printed = 0;
  const tail = () => {
    const text = readFileSync(mochaLog, 'utf8');
    if (text.length > printed) { process.stdout.write(text.slice(printed)); printed = text.length; }
  };
  const tailer = setInterval(tail, 250);
  const started = Date.now();
  let code;
  try {
    code = await runSuiteInWorkbench({
      browser, server, folder: workspace,
      extensionDevelopmentPath: repo,
      extensionTestsPath: join(repo, 'out/test/integration/index.cjs'),
      timeoutMs: HARD_TIMEOUT_MS - 60_000,
      onLog: (type, text) => workbenchLog.push(`[${type}] ${text}`),
    });
  } finally {
    clearInterval(tailer);
    tail();
    writeFileSync(join(outputDir, 'workbench.log'), workbenchLog.join('\n'));
    const hostLog = server.extensionHostLog();
    writeFileSync(join(outputDir, 'extension-host.log'), hostLog);
    writeFileSync(join(outputDir, 'code-server.log'), server.output.join('\n'));
    const errors = extensionHostErrors(hostLog).filter((e) => /sopkit/i.test(e));
    if (errors.length) console.log(`\nextension host log: ${errors.length} error(s) mentioning sopkit:\n${errors.join('\n')}`);
  }
  console.log(`integration: extension-host suite exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s (logs in test-output/)`);
  if (code !== 0 && !/\d+ failing/.test(readFileSync(mochaLog, 'utf8'))) console.log('  1 failing');
  return code;
}

/** The UI check: mocha in this process, driving the workbench page through playwright. */
async function runUiCheck() {
  const Mocha = (await import('mocha')).default;
  const mocha = new Mocha({ reporter: 'spec', timeout: 120_000, grep: arg('grep') });
  const dir = join(repo, 'test/integration/ui');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort()) mocha.addFile(join(dir, f));
  await mocha.loadFilesAsync();
  return new Promise((r) => mocha.run((failures) => r(failures ? 1 : 0)));
}

let exitCode = 1;
try {
  build();
  let suiteCode = 0;
  if (!flag('only-ui')) {
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    suiteCode = await runExtensionHostSuite(browser);
    await cleanup();
  }
  const uiCode = flag('skip-ui') ? 0 : await runUiCheck();
  exitCode = suiteCode || uiCode;
} catch (err) {
  console.error(`integration: ${err.stack ?? err}`);
  console.log('  1 failing');
} finally {
  await cleanup();
  clearTimeout(hardTimer);
}
process.exit(exitCode);
