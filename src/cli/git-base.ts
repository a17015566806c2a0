/**
 * `--base <ref>`: what the files were at a git commit, read with the git command (argument arrays,
 * no shell). A ref the clone does not have stops the run with one line saying how to fetch it.
 */
import { spawnSync } from 'node:child_process';
import { relative, sep } from 'node:path';
import { clip, terminalText } from '../core/index.js';
import { UsageError } from './commands/lint-report.js';

const MAX_BASE_BYTES = 512 * 1024 * 1024;

function git(args: string[], cwd: string, input?: string): { status: number | null; stdout: Buffer; stderr: string; error?: Error } {
  const run = spawnSync('git', args, { cwd, input, maxBuffer: MAX_BASE_BYTES, windowsHide: true });
  return { status: run.status, stdout: run.stdout ?? Buffer.alloc(0), stderr: run.stderr?.toString('utf8') ?? '', error: run.error };
}

export interface GitBase {
  ref: string;
  commit: string;
  gitRoot: string;
  /** Absolute paths of files that differ from the base in the working tree (or are new and untracked). */
  changed: Set<string>;
}

function missingRef(ref: string, gitRoot: string): UsageError {
  const shallow = git(['rev-parse', '--is-shallow-repository'], gitRoot).stdout.toString('utf8').trim() === 'true';
  const shown = terminalText(clip(ref));
  const branch = shown.replace(/^origin\//, '');
  return new UsageError(shallow
    ? `--base '${shown}' is not in this shallow clone; fetch it first (git fetch --depth=50 origin ${branch}), or check out with fetch-depth: 0`
    : `--base '${shown}' is not a commit this repository has; fetch it first (git fetch origin ${branch}) or name a branch, tag or commit that exists`);
}

/** Resolves the ref and lists what changed since; throws a UsageError (exit 2) when it cannot. */
export function openGitBase(ref: string, gitRoot: string | undefined): GitBase {
  if (!ref || ref.startsWith('-')) throw new UsageError(`--base needs a git branch, tag or commit; got '${terminalText(clip(ref))}'`);
  if (!gitRoot) throw new UsageError('--base compares with a git commit, but this folder is not in a git repository');
  const resolved = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], gitRoot);
  if (resolved.error) throw new UsageError(`--base needs the git command, which could not be run (${terminalText(clip(resolved.error.message))})`);
  if (resolved.status !== 0) throw missingRef(ref, gitRoot);
  const commit = resolved.stdout.toString('utf8').trim();
  const listed = (args: string[]) => git(args, gitRoot).stdout.toString('utf8').split('\0').filter(Boolean).map((p) => `${gitRoot}${sep}${p.split('/').join(sep)}`);
  const changed = new Set([
    ...listed(['-c', 'core.quotepath=off', 'diff', '--name-only', '-z', '--no-renames', commit, '--']),
    ...listed(['-c', 'core.quotepath=off', 'ls-files', '--others', '--exclude-standard', '-z']),
  ]);
  return { ref, commit, gitRoot, changed };
}

/** Many files' texts at the commit in one `git cat-file --batch`; files absent there are left out. */
export function baseTexts(commit: string, gitRoot: string, paths: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  const wanted = paths.filter((p) => !/[\r\n]/.test(p));
  if (wanted.length === 0) return texts;
  const input = wanted.map((p) => `${commit}:${relative(gitRoot, p).split(sep).join('/')}\n`).join('');
  const out = git(['cat-file', '--batch'], gitRoot, input).stdout;
  let at = 0;
  for (const path of wanted) {
    const lineEnd = out.indexOf(10, at);
    if (lineEnd < 0) break;
    const header = out.subarray(at, lineEnd).toString('utf8');
    at = lineEnd + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) continue; // "<name> missing": not in the base
    const size = Number(match[2]);
    if (match[1] === 'blob') texts.set(path, out.subarray(at, at + size).toString('utf8').replace(/^\uFEFF/, ''));
    at += size + 1;
  }
  return texts;
}
