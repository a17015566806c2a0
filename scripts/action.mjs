// The GitHub Action (action.yml) as a script, so it can be tested: `sopkit lint --format github`
// over the paths (annotations on the pull request), then `sopkit report --format markdown`
// appended to the job summary. The exit code is lint's (0 clean, 1 problems, 2 usage); a report
// that cannot be made turns a clean run into 2, never a failing one into a passing one.
//
// Inputs arrive in the environment, as action.yml passes them:
//   SOPKIT_PATHS   files, folders or globs, one per line (default: the current folder)
//   SOPKIT_BASE    a git ref: lint only the files changed since it (--base <ref> --changed)
//   SOPKIT_REPORT  'false' leaves the job summary alone
//   SOPKIT_TODAY   YYYY-MM-DD for reproducible runs (--today)
//   SOPKIT_CLI     the CLI to run (default: bin/sopkit.cjs of this checkout)
//   GITHUB_STEP_SUMMARY  the job summary file GitHub provides
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The argument lists of the two runs, from the action's inputs. */
export function actionArgs(env) {
  const paths = (env.SOPKIT_PATHS ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const base = (env.SOPKIT_BASE ?? '').trim();
  const today = (env.SOPKIT_TODAY ?? '').trim();
  const shared = today ? ['--today', today] : [];
  const lint = ['lint', '--format', 'github', ...(base ? ['--base', base, '--changed'] : []), ...shared, ...(paths.length ? ['--', ...paths] : [])];
  const wantsReport = (env.SOPKIT_REPORT ?? 'true').trim().toLowerCase() !== 'false';
  const report = wantsReport ? ['report', '--format', 'markdown', ...shared, ...(paths.length ? ['--', ...paths] : [])] : undefined;
  return { lint, report };
}

function exitCodeOf(run) {
  return run.status ?? 2;
}

/** Runs lint, then the report into the job summary; returns the exit code. */
export function runAction(env = process.env, cwd = process.cwd()) {
  const cli = env.SOPKIT_CLI || resolve(import.meta.dirname, '../bin/sopkit.cjs');
  const { lint, report } = actionArgs(env);
  const linted = spawnSync(process.execPath, [cli, ...lint], { cwd, env, stdio: 'inherit' });
  let code = exitCodeOf(linted);
  if (!report) return code;
  if (!env.GITHUB_STEP_SUMMARY) {
    console.error('sopkit: GITHUB_STEP_SUMMARY is not set; no report was added to the job summary');
    return code;
  }
  const reported = spawnSync(process.execPath, [cli, ...report], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  // Unreadable files make the report's exit code 2 yet still give a report of the rest.
  if (reported.stdout) appendFileSync(env.GITHUB_STEP_SUMMARY, `${reported.stdout.endsWith('\n') ? reported.stdout : `${reported.stdout}\n`}\n`);
  if (code === 0 && exitCodeOf(reported) !== 0) code = 2;
  return code;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(runAction());
