/**
 * `sopkit report [paths] --format markdown|json|html|csv [-o file]`: one row per SOP with its
 * front matter, review dates and lint counts, and a summary. The CLI finds, configures and reads
 * the files (as `lint` does) and writes the output; the rows, summary and formats are the core's.
 * Exit code 0 when the report is written, 2 for usage, config or file-reading problems (the
 * report of the readable files is still written, and each unreadable one gets a line).
 */
import { formatConfigProblem, needsLibrary, terminalText, type FileConfig, type LintOptions } from '../../core/index.js';
import { buildReport, isSopkitReport, renderReport, reportRow, REPORT_FORMATS, type ReportFormat, type ReportRow } from '../../core/heavy.js';
import { cliConfigResolver } from '../config-resolver.js';
import { expandFileArguments, type LintTarget } from '../files.js';
import { displayPath } from '../formatters/paths.js';
import type { CliIo } from '../io.js';
import { librariesFor, libraryRootOf } from '../library.js';
import { readLintableSync } from '../read-file.js';
import { readRegular, sameFile, writeOutputFile } from '../safe-fs.js';
import { UsageError } from './lint-report.js';
import { localIsoDate } from './lint.js';
import { checkDate } from './shared.js';

export interface ReportCommandOptions {
  format: string;
  output?: string;
  force?: boolean;
  config?: string;
  today?: string;
  gitignore: boolean;
}

/** True when the file at `path` is a report sopkit wrote earlier (so `-o` may replace it). */
function isEarlierReport(path: string): boolean {
  const read = readRegular(path, 64 * 1024 * 1024, '64 MB');
  return !('reason' in read) && isSopkitReport(read.bytes.subarray(0, 4096).toString('utf8'));
}

/** The files to report on: the output file is left out when it is an earlier report; refused when it is an SOP. */
async function targets(paths: string[], opts: ReportCommandOptions, output: string | undefined, io: CliIo): Promise<{ files: LintTarget[]; problems: number }> {
  const expansion = await expandFileArguments(paths, io.cwd, opts.gitignore);
  for (const pattern of expansion.unmatched) io.stderr(`sopkit: no files match '${terminalText(pattern)}'\n`);
  for (const u of expansion.unsearchable) io.stderr(`sopkit: ${terminalText(displayPath(u.folder, io.cwd))}: skipped, this folder cannot be searched (${terminalText(u.reason)})\n`);
  let files = expansion.files;
  if (output !== undefined) {
    const input = files.find((f) => f.path === output || sameFile(f.path, output));
    if (input && !isEarlierReport(output)) throw new UsageError(`'${opts.output}' is one of the files being reported on; write the report to another file`);
    files = files.filter((f) => f !== input);
  }
  if (files.length === 0 && expansion.unmatched.length === 0 && expansion.unsearchable.length === 0) {
    throw new UsageError(`no Markdown files to report on in ${paths.length ? paths.join(', ') : 'this folder'}${opts.gitignore ? ' (files that .gitignore lists are skipped; --no-gitignore includes them)' : ''}`);
  }
  return { files, problems: expansion.unmatched.length + expansion.unsearchable.length };
}

/** Configures, reads and lints each file into its row; unreadable files are reported on stderr. */
async function collectRows(files: LintTarget[], opts: ReportCommandOptions, today: string, io: CliIo): Promise<{ rows: ReportRow[]; skipped: number }> {
  // One resolver for the run: each folder's configs are read once.
  const resolver = cliConfigResolver(io, { config: opts.config, today });
  const configs: FileConfig[] = [];
  const problems = new Set<string>();
  for (const file of files) {
    const config = await resolver.forFile(file.path);
    for (const p of config.problems) problems.add(formatConfigProblem(p));
    configs.push(config);
  }
  if (problems.size) throw new UsageError(`the configuration has problems; no report was made:\n${[...problems].map((p) => `  ${p}`).join('\n')}`);
  // The library each SOP belongs to, as lint builds it, so unresolved references are counted.
  const roots = files.map((file, i) => (needsLibrary(configs[i].options) ? libraryRootOf(configs[i], io.cwd, file.path) : undefined));
  const { libraries, libraryOf } = await librariesFor(roots, resolver, io, opts.gitignore);
  const optionsOf = (i: number, path: string): LintOptions => {
    const library = libraryOf[i] === undefined ? undefined : libraries[libraryOf[i]!];
    return library ? { ...configs[i].options, library: { index: library.index, path } } : configs[i].options;
  };
  const rows: ReportRow[] = [];
  let skipped = 0;
  files.forEach((file, i) => {
    if (configs[i].ignored) return;
    const shown = displayPath(file.path, io.cwd);
    const read = readLintableSync(file.fsPath, file.root);
    if ('reason' in read) {
      skipped++;
      io.stderr(`sopkit: ${terminalText(shown)}: skipped, ${terminalText(read.reason)}\n`);
      return;
    }
    rows.push(reportRow(shown, read.text, optionsOf(i, file.path), today));
  });
  return { rows, skipped };
}

/** Writes through safe-fs: a new file, or one that is an earlier report; anything else only with --force. */
function writeReport(output: string, text: string, opts: ReportCommandOptions, io: CliIo): void {
  const written = writeOutputFile(output, Buffer.from(text, 'utf8'), io.cwd, () => (opts.force || isEarlierReport(output) ? null : 'it exists and is not a sopkit report; use --force to replace it'));
  if ('reason' in written) throw new UsageError(`cannot write '${opts.output}': ${written.reason}`);
  io.stderr(`sopkit: wrote ${terminalText(opts.output ?? '')}\n`);
}

export async function runReport(paths: string[], opts: ReportCommandOptions, io: CliIo): Promise<number> {
  checkDate('--today', opts.today);
  if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`Unknown format '${terminalText(opts.format)}'; use one of: ${REPORT_FORMATS.join(', ')}`);
  const today = opts.today ?? localIsoDate();
  const output = opts.output === undefined ? undefined : io.resolve(opts.output);
  const { files, problems } = await targets(paths, opts, output, io);
  const { rows, skipped } = await collectRows(files, opts, today, io);
  const text = renderReport(buildReport(rows, today, `sopkit ${io.version}`), opts.format as ReportFormat);
  if (output !== undefined) writeReport(output, text, opts, io);
  else io.stdout(text);
  return problems || skipped ? 2 : 0;
}
