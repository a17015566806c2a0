/**
 * `sopkit lint --stdin [--stdin-filename docs/sops/x.md]`: lints text piped in by an editor or a
 * hook. The file name (which need not exist) picks the config, overrides and ignore rules, and is
 * the name shown in the output.
 */
import { formatConfigProblem } from '../../core/index.js';
import { cliConfigResolver } from '../config-resolver.js';
import { StdinTooLarge, type CliIo } from '../io.js';
import { lintText } from '../lint-text.js';
import { decodeText } from '../read-file.js';
import { withCounts, type LintRun } from '../results.js';
import { report, UsageError, type LintCommandOptions } from './lint-report.js';

export async function lintStdin(opts: LintCommandOptions, io: CliIo, today: string, maxWarnings: number): Promise<number> {
  const filePath = io.resolve(opts.stdinFilename ?? 'stdin.md');
  const resolver = cliConfigResolver(io, { config: opts.config, today });
  const config = await resolver.forFile(filePath);
  if (config.problems.length) {
    io.stderr(`sopkit: the configuration has problems; nothing was linted.\n${config.problems.map((p) => `  ${formatConfigProblem(p)}\n`).join('')}`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await io.readStdin();
  } catch (error) {
    if (error instanceof StdinTooLarge) throw new UsageError(error.message);
    throw error;
  }
  const read = decodeText(bytes);
  const run: LintRun = { results: [], skipped: [], cwd: io.cwd, fixedFiles: 0, quiet: !!opts.quiet };
  if ('reason' in read) run.skipped.push({ filePath, reason: `standard input: ${read.reason}` });
  else if (!config.ignored) run.results.push(withCounts(filePath, lintText(read.text, config.options, false)));
  return report(run, opts, io, maxWarnings, false);
}
