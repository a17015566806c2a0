/** Runs the CLI from its sources in a child process: for kills, resource limits and other users. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve('.');
const tsx = pathToFileURL(resolve(root, 'node_modules/tsx/dist/esm/index.mjs')).href;
export const cliArgs = ['--import', tsx, resolve(root, 'src/cli/main.ts')];

/** Permission tests need an unprivileged user: root ignores file modes. */
export const asUnprivileged: { uid?: number; gid?: number } = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/**
 * The unprivileged user must reach the CLI's sources: every folder above the checkout needs the
 * others' x bit (a checkout made under `mktemp -d`, mode 0700, fails here). Said in one line
 * rather than as a module-not-found error from inside the child.
 */
function checkoutReachableByOthers(): void {
  for (let dir = root; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o777;
    if ((mode & 0o001) === 0) {
      throw new Error(`the permission tests run the CLI as uid ${asUnprivileged.uid}, which cannot enter ${dir} (mode ${mode.toString(8)}): run them from a checkout others can read (chmod o+x ${dir})`);
    }
    if (dirname(dir) === dir) return;
  }
}

export interface SpawnedRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export function runCliSync(cwd: string, args: string[], options: { unprivileged?: boolean; fileSizeLimitKb?: number; timeout?: number } = {}): SpawnedRun {
  if (options.unprivileged && asUnprivileged.uid !== undefined) checkoutReachableByOthers();
  const env = { ...process.env, NO_COLOR: '1', SOPKIT_DEBUG: '' };
  const common = { cwd, encoding: 'utf8' as const, env, timeout: options.timeout ?? 60000, ...(options.unprivileged ? asUnprivileged : {}) };
  const run = options.fileSizeLimitKb !== undefined
    ? spawnSync('/bin/sh', ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, ...cliArgs, ...args], common)
    : spawnSync(process.execPath, [...cliArgs, ...args], common);
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

export function spawnCli(cwd: string, args: string[]): ChildProcess {
  return spawn(process.execPath, [...cliArgs, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Lets another user into a test folder (mkdtemp makes it private). */
export function openToAll(dir: string): void {
  chmodSync(dir, 0o777);
}
