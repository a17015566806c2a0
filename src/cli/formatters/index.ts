/** The output formats of `sopkit lint --format`. */
import type { LintRun } from '../results.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export interface FormatContext {
  /** ANSI colours (stylish only): on for a terminal, off for pipes, files and NO_COLOR. */
  color: boolean;
  version: string;
}

export type Formatter = (run: LintRun, context: FormatContext) => string;

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export const FORMAT_NAMES = Object.keys(formatters);
