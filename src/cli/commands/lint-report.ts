/**
 * The options of `sopkit lint`, and how a lint run is reported (output and exit code): shared by
 * the file run (lint.ts), --stdin (lint-stdin.ts) and --print-config (print-config.ts).
 */
import { terminalText } from '../../core/index.js';
import { formatters } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import type { CliIo } from '../io.js';
import type { LintRun } from '../results.js';

/** A mistake in how sopkit was called: one line and exit code 2. */
export class UsageError extends Error {}

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
  /** A git ref: change-control compares each file with its text there. */
  base?: string;
  /** With `base`: lint only the files changed since. */
  changed?: boolean;
}

/** Joins small pieces into writes of about 64 KB: one write per line would be slow, one per run large. */
export function* batched(chunks: Iterable<string>, size = 64 * 1024): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) { yield pending.join(''); pending = []; length = 0; }
  }
  if (length) yield pending.join('');
}

/** Prints a run in the chosen format and returns the exit code. */
export function report(run: LintRun, opts: LintCommandOptions, io: CliIo, maxWarnings: number, usageProblem: boolean): number {
  // The clear line per unreadable file goes to stderr in every format, so stdout stays parseable.
  for (const s of run.skipped) io.stderr(`sopkit: ${terminalText(displayPath(s.filePath, io.cwd))}: skipped, ${terminalText(s.reason)}\n`);
  for (const chunk of batched(formatters[opts.format](run, { color: io.color, version: io.version }))) io.stdout(chunk);
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
