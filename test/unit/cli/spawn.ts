/** Runs the CLI from its sources in a child process: for kills, resource limits and other users. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve('.');
const tsx = pathToFileURL(resolve(root, 'node_modules/tsx/dist/esm/index.mjs')).href;
export const cliArgs = ['--import', tsx, resolve(root, 'src/cli/main.ts')];

/** Permission tests need an unprivileged user: root ignores file modes. */
export const asUnprivileged: { uid?: number; gid?: number } = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

export interface SpawnedRun { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export function runCliSync(cwd: string, args: string[], options: { unprivileged?: boolean; fileSizeLimitKb?: number; timeout?: number } = {}): SpawnedRun {
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
