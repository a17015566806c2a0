/**
 * `sopkit lint [files|dirs|globs…]`: expand the arguments, resolve each file's config, read the
 * files (refusing binary and non-UTF-8 ones with one line each), reuse cached outcomes, lint the
 * rest on every core, write fixes, print in the chosen format and pick the exit code:
 * 0 no errors, 1 errors or too many warnings, 2 usage, config or file-reading problems.
 */
import { clip, formatConfigProblem, isIsoDate, needsLibrary, terminalText, type LintOptions } from '../../core/index.js';
import { cacheFilePath, cacheKey, hashText, LintCache, settingsKey } from '../cache.js';
import { cliConfigResolver } from '../config-resolver.js';
import { expandFileArguments, type LintTarget } from '../files.js';
import { FORMAT_NAMES, formatters } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import type { CliIo } from '../io.js';
import { lintStream, type LintJob } from '../pool.js';
import { lintStdin } from './lint-stdin.js';
import { printConfig } from './print-config.js';
import { report, UsageError, type LintCommandOptions } from './lint-report.js';
import { readLintableSync } from '../read-file.js';
import { lstatOrUndefined, replaceIfUnchanged, type Snapshot } from '../safe-fs.js';
import { withCounts, type FileResult, type LintOutcome, type LintRun, type SkippedFile } from '../results.js';
import { baseTexts, openGitBase, type GitBase } from '../git-base.js';
import { librariesFor, libraryRootOf, type CliLibrary } from '../library.js';
import { findGitRoot } from '../files.js';

export { UsageError };

export function localIsoDate(date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function checkOptions(opts: LintCommandOptions): { maxWarnings: number; concurrency: number | 'auto' } {
  if (!formatters[opts.format]) throw new UsageError(`Unknown format '${opts.format}'; use one of: ${FORMAT_NAMES.join(', ')}`);
  if (opts.today !== undefined) {
    if (!isIsoDate(opts.today)) throw new UsageError(`--today must be a real date written YYYY-MM-DD; got '${terminalText(clip(opts.today))}'`);
  }
  let maxWarnings = -1;
  if (opts.maxWarnings !== undefined) {
    if (!/^-?\d+$/.test(opts.maxWarnings) || Number(opts.maxWarnings) < -1) throw new UsageError(`--max-warnings must be a whole number (or -1 for no limit); got '${terminalText(clip(opts.maxWarnings))}'`);
    maxWarnings = Number(opts.maxWarnings);
  }
  let concurrency: number | 'auto' = 'auto';
  if (opts.concurrency !== undefined && opts.concurrency !== 'auto') {
    if (!/^\d+$/.test(opts.concurrency) || Number(opts.concurrency) < 1) throw new UsageError(`--concurrency must be 'auto' or a number of threads (1 = no worker threads); got '${terminalText(clip(opts.concurrency))}'`);
    concurrency = Number(opts.concurrency);
  }
  return { maxWarnings, concurrency };
}

/** The --cache, or none (with one line saying why) when no signing key can be kept for this user. */
function openCache(opts: LintCommandOptions, io: CliIo): LintCache | undefined {
  const key = cacheKey();
  if ('reason' in key) {
    io.stderr(`sopkit: --cache is off for this run: ${terminalText(key.reason)}\n`);
    return undefined;
  }
  const cache = new LintCache(cacheFilePath(opts.cacheLocation, io.cwd), io.version, io.cwd, key);
  if (!cache.trusted) io.stderr(`sopkit: ${terminalText(displayPath(cache.path, io.cwd))} was not written by sopkit on this machine (its signature does not match); it is rebuilt\n`);
  return cache;
}

export async function runLint(patterns: string[], opts: LintCommandOptions, io: CliIo): Promise<number> {
  const { maxWarnings, concurrency } = checkOptions(opts);
  const today = opts.today ?? localIsoDate();
  if (opts.printConfig !== undefined) return printConfig(opts.printConfig, opts, io, today);
  if (opts.stdin) {
    if (patterns.length) throw new UsageError('--stdin lints standard input; leave out the file arguments (name it with --stdin-filename)');
    if (opts.fix) throw new UsageError('--fix writes files; it cannot be used with --stdin');
    if (opts.canonicalHeadings) throw new UsageError('--canonical-headings writes files; it cannot be used with --stdin');
    if (opts.base !== undefined || opts.changed) throw new UsageError('--base and --changed compare files with a git commit; they cannot be used with --stdin');
    return lintStdin(opts, io, today, maxWarnings);
  }
  if (opts.canonicalHeadings && !opts.fix) throw new UsageError('--canonical-headings works with --fix (it writes the headings into the files)');
  if (opts.changed && opts.base === undefined) throw new UsageError('--changed lints the files changed since --base; name the base too (e.g. --base origin/main)');
  const gitBase = opts.base === undefined ? undefined : openGitBase(opts.base, findGitRoot(io.cwd));
  const expansion = await expandFileArguments(patterns, io.cwd, opts.gitignore);
  for (const pattern of expansion.unmatched) io.stderr(`sopkit: no files match '${terminalText(pattern)}'\n`);

  // Configs first: a broken config stops the run before anything is linted. Per file only the id
  // of its options is kept (one options object per distinct configuration, shared with the
  // workers), so memory does not grow with what each config holds.
  const resolver = cliConfigResolver(io, { config: opts.config, today });
  const optionsTable: LintOptions[] = [];
  const settingsKeys: string[] = [];
  const idBySettings = new Map<string, number>();
  const problems = new Set<string>();
  const files: LintTarget[] = [];
  const optionsIds: number[] = [];
  const libraryRoots: (string | undefined)[] = [];
  for (const file of expansion.files) {
    const config = await resolver.forFile(file.path);
    for (const p of config.problems) problems.add(formatConfigProblem(p));
    if (config.ignored || problems.size) continue;
    const key = settingsKey(config.options, config.sources, !!opts.fix);
    let id = idBySettings.get(key);
    if (id === undefined) {
      id = optionsTable.push(config.options) - 1;
      settingsKeys.push(key);
      idBySettings.set(key, id);
    }
    if (gitBase && opts.changed && !gitBase.changed.has(file.path)) continue;
    files.push(file);
    optionsIds.push(id);
    libraryRoots.push(needsLibrary(config.options) ? libraryRootOf(config, io.cwd, file.path) : undefined);
  }
  if (problems.size) {
    io.stderr(`sopkit: the configuration has ${problems.size === 1 ? 'a problem' : `${problems.size} problems`}; nothing was linted.\n${[...problems].map((p) => `  ${p}\n`).join('')}`);
    return 2;
  }
  const skipped: SkippedFile[] = expansion.unsearchable.map((u) => ({ filePath: u.folder, reason: `this folder cannot be searched (${u.reason}); the files in it are not linted` }));
  if (files.length === 0 && expansion.unmatched.length === 0 && skipped.length === 0 && !opts.changed) {
    io.stderr(`sopkit: no Markdown files to lint in ${patterns.length ? terminalText(patterns.join(', ')) : 'this folder'}${opts.gitignore ? ' (files that .gitignore lists are skipped; --no-gitignore lints them)' : ''}\n`);
    return 2;
  }

  const { libraries, libraryOf } = await librariesFor(libraryRoots, resolver, io, opts.gitignore);
  const baseOf = gitBase ? baseTexts(gitBase.commit, gitBase.gitRoot, files.map((f) => f.path).filter((p) => gitBase.changed.has(p))) : new Map<string, string>();
  const fileSettings = (i: number) => fileSettingsKey(settingsKeys[optionsIds[i]], libraryOf[i] === undefined ? undefined : libraries[libraryOf[i]!], gitBase, baseOf.get(files[i].path));

  // One pass, file by file: read, reuse a cached outcome or lint, write the fix, keep the result.
  // Only the files in flight are held in memory; what is kept per file is what the report needs.
  const cache = opts.cache ? openCache(opts, io) : undefined;
  const lintedInodes = new Set<string>();
  // Kept until the end for the report: only what the format prints (JSON alone lists sections).
  const forReport = (outcome: LintOutcome): LintOutcome => (opts.format === 'json' || !outcome.sections ? outcome : { ...outcome, sections: undefined });
  const results: (FileResult | undefined)[] = new Array(files.length);
  const inFlight = new Map<number, { file: number; bom: boolean; snapshot: Snapshot; hash?: string }>();
  let nextFile = 0;
  let jobCount = 0;
  let fixedFiles = 0;
  const nextJob = (): LintJob | undefined => {
    while (nextFile < files.length) {
      const i = nextFile++;
      const file = files[i];
      const read = readLintableSync(file.fsPath, file.root);
      if ('reason' in read) { skipped.push({ filePath: file.path, reason: read.reason }); continue; }
      if (cache) lintedInodes.add(`${read.snapshot.dev}:${read.snapshot.ino}`);
      const settings = fileSettings(i);
      const library = libraryOf[i] === undefined ? undefined : libraries[libraryOf[i]!];
      const textHash = cache || library ? hashText(read.text) : undefined;
      const hash = cache ? textHash : undefined;
      const cached = cache?.get(file.path, hash!, settings);
      // A cached outcome says nothing about content that could get its canonical heading: lint again.
      if (cached && !opts.canonicalHeadings && !(opts.fix && cached.messages.some((m) => m.fixable))) {
        results[i] = withCounts(file.path, forReport(cached));
        continue;
      }
      const entry = library && library.hashes.get(file.path) === textHash ? library.index.entry(file.path) : undefined;
      const job: LintJob = { index: jobCount++, text: read.text, optionsId: optionsIds[i], library: libraryOf[i], path: file.path, baseText: baseOf.get(file.path), entry };
      inFlight.set(job.index, { file: i, bom: read.bom, snapshot: read.snapshot, hash });
      return job;
    }
    return undefined;
  };
  const finish = (job: LintJob, outcome: LintOutcome) => {
    const { file: i, bom, snapshot } = inFlight.get(job.index)!;
    let { hash } = inFlight.get(job.index)!;
    inFlight.delete(job.index);
    const file = files[i];
    let kept: LintOutcome | undefined = outcome;
    if (outcome.fixedText !== undefined) {
      const written = replaceIfUnchanged(snapshot, Buffer.from((bom ? '\ufeff' : '') + outcome.fixedText, 'utf8'));
      if ('ok' in written) {
        fixedFiles++;
        if (hash !== undefined) hash = hashText(outcome.fixedText);
      } else {
        skipped.push({ filePath: file.path, reason: written.reason });
        // Report what is on disk: the text as read when the write failed, nothing when it changed.
        kept = written.kind === 'failed' ? outcome.unfixed : undefined;
      }
    }
    if (kept) {
      const { fixedText: _text, fixesApplied: _applied, unfixed: _unfixed, ...stored } = kept;
      if (cache && hash !== undefined) cache.set(file.path, hash, fileSettings(i), stored);
      results[i] = withCounts(file.path, forReport(stored));
    }
  };
  const { threads } = await lintStream(nextJob, finish, { optionsTable, fix: !!opts.fix, headings: !!opts.canonicalHeadings, libraries: libraries.map((l) => l.snapshot) }, concurrency, files.length);
  if (io.verbose) io.stderr(`sopkit: linted ${jobCount} file(s) ${threads > 1 ? `on ${threads} threads (the main thread and ${threads - 1} worker${threads > 2 ? 's' : ''})` : 'in the main thread'}\n`);
  if (cache) {
    const refused = cache.save((path) => {
      const at = lstatOrUndefined(path);
      return !!at && lintedInodes.has(`${at.dev}:${at.ino}`);
    });
    if (refused) io.stderr(`sopkit: the cache was not written to ${terminalText(`${cache.path}: ${refused}`)}\n`);
  }

  const run: LintRun = { results: results.filter((r): r is FileResult => r !== undefined), skipped: skipped.sort((a, b) => a.filePath.localeCompare(b.filePath)), cwd: io.cwd, fixedFiles, quiet: !!opts.quiet };
  if (cache && io.verbose) io.stderr(`sopkit: cache ${cache.hits} hit(s), ${cache.misses} miss(es)\n`);
  return report(run, opts, io, maxWarnings, expansion.unmatched.length > 0);
}

/** One library per distinct root among the files, and which one each file belongs to; oddities as one line each on stderr. */

/** A file's cache key beyond its own text: its configuration, its library and its base. */
function fileSettingsKey(settings: string, library: CliLibrary | undefined, base: GitBase | undefined, baseText: string | undefined): string {
  return hashText(`${settings}\0${library?.fingerprint ?? ''}\0${base ? hashText(baseText ?? '') : ''}`);
}

/** Prints a run in the chosen format and returns the exit code. */
