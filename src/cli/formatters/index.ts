/** The output formats of `sopkit lint --format`. */
import type { LintRun } from '../results.js';
import type { FormatContext } from './context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { FormatContext } from './context.js';

export type Formatter = (run: LintRun, context: FormatContext) => string;

export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export const FORMAT_NAMES = Object.keys(formatters);
