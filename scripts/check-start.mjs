// Proves the README's first command the way CI can: runs `npm start` in its own process group,
// waits for the address it prints, fetches that address, then stops it by its process id and
// checks that nothing it started is left running. Exit 0 only if every step held.
//   node scripts/check-start.mjs            (SOPKIT_CACHE decides which install it uses)
//   SOPKIT_START_TIMEOUT_MS=900000 …        (default 15 min: a cold start installs code-server)
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const timeoutMs = Number(process.env.SOPKIT_START_TIMEOUT_MS ?? 15 * 60_000);
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

const child = spawn('npm', ['start'], { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
const output = [];
const remember = (chunk) => {
  const text = String(chunk);
  process.stdout.write(text);
  output.push(text);
};
child.stdout.on('data', remember);
child.stderr.on('data', remember);
let exited = null;
child.on('exit', (code, signal) => { exited = { code, signal }; });

const groupAlive = () => {
  try { process.kill(-child.pid, 0); return true; } catch { return false; }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stopGroup() {
  if (!groupAlive()) return true;
  process.kill(-child.pid, 'SIGTERM');
  for (let i = 0; i < 60 && groupAlive(); i++) await sleep(250);
  if (!groupAlive()) return true;
  process.kill(-child.pid, 'SIGKILL');
  return false;
}

async function fail(message) {
  console.error(`\ncheck-start: FAILED after ${seconds()} s: ${message}`);
  await stopGroup();
  process.exit(1);
}

let url;
while (!url) {
  const match = output.join('').match(/^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)\s*$/m);
  if (match) { url = match[1]; break; }
  if (exited) await fail(`npm start exited (${exited.code ?? exited.signal}) before printing an address`);
  if (Date.now() - started > timeoutMs) await fail(`no address within ${timeoutMs / 1000} s`);
  await sleep(250);
}
console.log(`\ncheck-start: address printed after ${seconds()} s: ${url}`);

const response = await fetch(url).catch((error) => fail(`fetching ${url}: ${error.message}`));
const body = await response.text();
if (response.status !== 200) await fail(`${url} answered ${response.status}`);
if (!/<html/i.test(body) || !/workbench/i.test(body)) await fail(`${url} answered 200 but not with the VS Code workbench page`);
console.log(`check-start: ${url} answered 200 with the workbench page (${body.length} bytes)`);

const clean = await stopGroup();
if (!clean) await fail('npm start did not stop within 15 s of SIGTERM (killed)');
console.log(`check-start: stopped by SIGTERM to process group ${child.pid}; nothing left running. ok in ${seconds()} s`);
