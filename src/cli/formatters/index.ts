/** The output formats of `sopkit lint --format`. */
import type { LintRun } from '../results.js';
import type { FormatContext } from './context.js';
import { githubChunks } from './github.js';
import { jsonChunks } from './json.js';
import { sarifChunks } from './sarif.js';
import { stylishChunks } from './stylish.js';

export type { FormatContext } from './context.js';

/**
 * A formatter yields its output in pieces, a file's worth or so at a time, so a run over a large
 * library is written as it is formatted instead of first being built as one string (stdout is
 * synchronous for files and pipes, so nothing queues up behind the writes).
 */
export type Formatter = (run: LintRun, context: FormatContext) => Iterable<string>;

export const formatters: Record<string, Formatter> = {
  stylish: stylishChunks,
  json: jsonChunks,
  sarif: sarifChunks,
  github: githubChunks,
};

export const FORMAT_NAMES = Object.keys(formatters);
