/**
 * `sopkit lint [files|dirs|globs…]`: expand the arguments, resolve each file's config, read the
 * files (refusing binary and non-UTF-8 ones with one line each), reuse cached outcomes, lint the
 * rest on every core, write fixes, print in the chosen format and pick the exit code:
 * 0 no errors, 1 errors or too many warnings, 2 usage, config or file-reading problems.
 */
import { writeFile } from 'node:fs/promises';
import { ConfigResolver, formatConfigProblem, type FileConfig } from '../../core/index.js';
import type { LintOptions } from '../../core/index.js';
import { cacheFilePath, fileStamp, hashText, LintCache, settingsKey, type FileStamp } from '../cache.js';
import { expandFileArguments, findGitRoot } from '../files.js';
import { FORMAT_NAMES, formatters } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import type { CliIo } from '../io.js';
import { nodeConfigHost } from '../node-host.js';
import { lintAll, type LintJob } from '../pool.js';
import { lintStdin } from './lint-stdin.js';
import { printConfig } from './print-config.js';
import { readLintableSync, type ReadOutcome } from '../read-file.js';
import { withCounts, type FileResult, type LintOutcome, type LintRun, type SkippedFile } from '../results.js';

export interface LintCommandOptions {
  format: string;
  config?: string;
  today?: string;
  fix?: boolean;
  /** With --fix: give content taken as a part its canonical heading (core canonicalHeadingFixes). */
  canonicalHeadings?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  gitignore: boolean;
  concurrency?: string;
  stdin?: boolean;
  printConfig?: string;
  stdinFilename?: string;
}

export class UsageError extends Error {}

export function localIsoDate(date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function checkOptions(opts: LintCommandOptions): { maxWarnings: number; concurrency: number | 'auto' } {
  if (!formatters[opts.format]) throw new UsageError(`Unknown format '${opts.format}'; use one of: ${FORMAT_NAMES.join(', ')}`);
  if (opts.today !== undefined) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(opts.today) && !Number.isNaN(Date.parse(`${opts.today}T00:00:00Z`)) && new Date(`${opts.today}T00:00:00Z`).toISOString().startsWith(opts.today);
    if (!valid) throw new UsageError(`--today must be a real date written YYYY-MM-DD; got '${opts.today}'`);
  }
  let maxWarnings = -1;
  if (opts.maxWarnings !== undefined) {
    if (!/^-?\d+$/.test(opts.maxWarnings) || Number(opts.maxWarnings) < -1) throw new UsageError(`--max-warnings must be a whole number (or -1 for no limit); got '${opts.maxWarnings}'`);
    maxWarnings = Number(opts.maxWarnings);
  }
  let concurrency: number | 'auto' = 'auto';
  if (opts.concurrency !== undefined && opts.concurrency !== 'auto') {
    if (!/^\d+$/.test(opts.concurrency) || Number(opts.concurrency) < 1) throw new UsageError(`--concurrency must be 'auto' or a number of threads (1 = no worker threads); got '${opts.concurrency}'`);
    concurrency = Number(opts.concurrency);
  }
  return { maxWarnings, concurrency };
}

export async function runLint(patterns: string[], opts: LintCommandOptions, io: CliIo): Promise<number> {
  const { maxWarnings, concurrency } = checkOptions(opts);
  const today = opts.today ?? localIsoDate();
  if (opts.printConfig !== undefined) return printConfig(opts.printConfig, opts, io, today);
  if (opts.stdin) {
    if (patterns.length) throw new UsageError('--stdin lints standard input; leave out the file arguments (name it with --stdin-filename)');
    if (opts.fix) throw new UsageError('--fix writes files; it cannot be used with --stdin');
    if (opts.canonicalHeadings) throw new UsageError('--canonical-headings writes files; it cannot be used with --stdin');
    return lintStdin(opts, io, today, maxWarnings);
  }
  if (opts.canonicalHeadings && !opts.fix) throw new UsageError('--canonical-headings works with --fix (it writes the headings into the files)');
  const expansion = await expandFileArguments(patterns, io.cwd, opts.gitignore);
  for (const pattern of expansion.unmatched) io.stderr(`sopkit: no files match '${pattern}'\n`);

  // Configs first: a broken config stops the run before anything is linted.
  const resolver = new ConfigResolver(nodeConfigHost, {
    configFile: opts.config ? io.resolve(opts.config) : undefined,
    boundary: (configFolder) => findGitRoot(configFolder),
    today,
  });
  const configs: FileConfig[] = [];
  for (const file of expansion.files) configs.push(await resolver.forFile(file));
  const problems = [...new Set(configs.flatMap((c) => c.problems.map(formatConfigProblem)))];
  if (problems.length) {
    io.stderr(`sopkit: the configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was linted.\n${problems.map((p) => `  ${p}\n`).join('')}`);
    return 2;
  }
  const files = expansion.files.filter((_, i) => !configs[i].ignored);
  const fileConfigs = configs.filter((c) => !c.ignored);
  if (files.length === 0 && expansion.unmatched.length === 0) {
    io.stderr(`sopkit: no Markdown files to lint in ${patterns.length ? patterns.join(', ') : 'this folder'}${opts.gitignore ? ' (files that .gitignore lists are skipped; --no-gitignore lints them)' : ''}\n`);
    return 2;
  }

  // One options object (and settings key) per distinct configuration, shared with the workers.
  const optionsTable: LintOptions[] = [];
  const settingsKeys: string[] = [];
  const idBySettings = new Map<string, number>();
  const optionsIds = fileConfigs.map((config) => {
    const key = settingsKey(config.options, config.sources, !!opts.fix);
    let id = idBySettings.get(key);
    if (id === undefined) {
      id = optionsTable.push(config.options) - 1;
      settingsKeys.push(key);
      idBySettings.set(key, id);
    }
    return id;
  });

  const cache = opts.cache ? new LintCache(cacheFilePath(opts.cacheLocation, io.cwd), io.version) : undefined;
  const skipped: SkippedFile[] = [];
  const outcomes: (LintOutcome | undefined)[] = new Array(files.length);
  const reads: ReadOutcome[] = new Array(files.length);
  const stamps: (FileStamp | undefined)[] = new Array(files.length);
  const contentHashes: string[] = [];
  const jobs: LintJob[] = [];
  const jobFile: number[] = [];
  // Synchronous reads: for thousands of small files they beat the promise and thread-pool round trips.
  files.forEach((file, i) => {
    const settings = settingsKeys[optionsIds[i]];
    // A cached outcome says nothing about content that could get its canonical heading: lint again.
    const reusable = (cached: LintOutcome | undefined) => cached && !opts.canonicalHeadings && !(opts.fix && cached.messages.some((m) => m.fixable));
    if (cache) {
      // Same size and modification time as when cached: trust it without reading (ESLint's metadata strategy).
      stamps[i] = fileStamp(file);
      const cached = stamps[i] && cache.getByStamp(file, stamps[i]!, settings);
      if (reusable(cached)) { outcomes[i] = cached; return; }
    }
    const read = readLintableSync(file);
    reads[i] = read;
    if ('reason' in read) { skipped.push({ filePath: file, reason: read.reason }); return; }
    if (cache) {
      contentHashes[i] = hashText(read.text);
      const cached = cache.get(file, contentHashes[i], settings);
      if (reusable(cached)) { outcomes[i] = cached; cache.set(file, contentHashes[i], stamps[i], settings, cached!); return; }
    }
    jobFile.push(i);
    jobs.push({ index: jobs.length, text: read.text, optionsId: optionsIds[i] });
  });

  const { outcomes: linted, threads } = await lintAll(jobs, { optionsTable, fix: !!opts.fix, headings: !!opts.canonicalHeadings }, concurrency);
  if (io.verbose) io.stderr(`sopkit: linted ${jobs.length} file(s) ${threads > 1 ? `on ${threads} threads (the main thread and ${threads - 1} worker${threads > 2 ? 's' : ''})` : 'in the main thread'}\n`);
  let fixedFiles = 0;
  await Promise.all(linted.map(async (outcome, j) => {
    const i = jobFile[j];
    outcomes[i] = outcome;
    const read = reads[i];
    if (outcome.fixedText !== undefined && read && !('reason' in read)) {
      try {
        await writeFile(files[i], (read.bom ? '\ufeff' : '') + outcome.fixedText, 'utf8');
        fixedFiles++;
        if (cache) { contentHashes[i] = hashText(outcome.fixedText); stamps[i] = fileStamp(files[i]); }
      } catch (error) {
        skipped.push({ filePath: files[i], reason: `could not be fixed: ${(error as Error).message}` });
      }
    }
    if (cache) cache.set(files[i], contentHashes[i], stamps[i], settingsKeys[optionsIds[i]], outcome);
  }));
  if (cache) {
    try { cache.save(); } catch (error) { io.stderr(`sopkit: the cache could not be written to ${cache.path}: ${(error as Error).message}\n`); }
  }

  const results: FileResult[] = files.flatMap((file, i) => (outcomes[i] ? [withCounts(file, outcomes[i]!)] : []));
  skipped.sort((a, b) => a.filePath.localeCompare(b.filePath));
  const run: LintRun = { results, skipped, cwd: io.cwd, fixedFiles, quiet: !!opts.quiet };
  if (cache && io.verbose) io.stderr(`sopkit: cache ${cache.hits} hit(s), ${cache.misses} miss(es)\n`);
  return report(run, opts, io, maxWarnings, expansion.unmatched.length > 0);
}

/** Prints a run in the chosen format and returns the exit code. */
export function report(run: LintRun, opts: LintCommandOptions, io: CliIo, maxWarnings: number, usageProblem: boolean): number {
  // The clear line per unreadable file goes to stderr in every format, so stdout stays parseable.
  for (const s of run.skipped) io.stderr(`sopkit: ${displayPath(s.filePath, io.cwd)}: skipped, ${s.reason}\n`);
  io.stdout(formatters[opts.format](run, { color: io.color, version: io.version }));
  if (run.skipped.length || usageProblem) return 2;
  const errors = run.results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = run.results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`sopkit: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
