/**
 * `sopkit lint --stdin [--stdin-filename docs/sops/x.md]`: lints text piped in by an editor or a
 * hook. The file name (which need not exist) picks the config, overrides and ignore rules, and is
 * the name shown in the output.
 */
import { formatConfigProblem, needsLibrary, terminalText } from '../../core/index.js';
import { buildLibrary, libraryRootOf } from '../library.js';
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
  else if (!config.ignored) {
    // The text is checked against the library its name places it in, as a file there would be.
    const notes = new Set<string>();
    const library = needsLibrary(config.options) ? await buildLibrary(libraryRootOf(config, io.cwd, filePath), resolver, io.cwd, opts.gitignore, notes) : undefined;
    for (const note of notes) io.stderr(`sopkit: note: ${terminalText(note)}\n`);
    const options = library ? { ...config.options, library: { index: library.index, path: filePath } } : config.options;
    run.results.push(withCounts(filePath, lintText(read.text, options, false)));
  }
  return report(run, opts, io, maxWarnings, false);
}
