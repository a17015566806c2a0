/** ESLint's JSON result shape, plus the SOP format each file was linted as and why. */
import type { FileResult, LintRun, SkippedFile } from '../results.js';
import { wellFormed } from '../../core/index.js';
import type { FormatContext } from './context.js';

/** JSON.stringify replacer: consumers get well-formed Unicode (no lone surrogates). */
export const wellFormedStrings = (_key: string, value: unknown): unknown => (typeof value === 'string' ? wellFormed(value) : value);

function jsonResult(r: FileResult, quiet: boolean) {
  return {
    filePath: r.filePath,
    format: r.format,
    formatSource: r.formatSource,
    formatReason: r.formatReason,
    // What served each part (title, purpose, scope…): the heading or line, and how it was recognised.
    sections: r.sections ?? [],
    messages: (quiet ? r.messages.filter((m) => m.severity === 'error') : r.messages).map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity === 'error' ? 2 : 1,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      fixable: m.fixable,
      url: m.url,
    })),
    errorCount: r.errorCount,
    // --quiet reports errors only, and (as ESLint does) counts only what it reports.
    warningCount: quiet ? 0 : r.warningCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: quiet ? 0 : r.fixableWarningCount,
  };
}

/** A file that could not be read is a fatal message, as ESLint reports files it cannot parse. */
function jsonSkipped(s: SkippedFile) {
  return {
    filePath: s.filePath,
    format: null,
    formatSource: null,
    formatReason: null,
    sections: [],
    messages: [{ ruleId: null, fatal: true, severity: 2, message: `Skipped: ${s.reason}`, line: 1, column: 1 }],
    errorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

/** Every entry of the JSON array, linted files first, each converted only when it is written. */
function* jsonEntries(run: LintRun) {
  for (const r of run.results) yield jsonResult(r, run.quiet);
  for (const s of run.skipped) yield jsonSkipped(s);
}

/** The JSON array of all entries, written one entry at a time. */
export function* jsonChunks(run: LintRun, _context: FormatContext): Generator<string> {
  let separator = '[';
  for (const entry of jsonEntries(run)) {
    yield separator + JSON.stringify(entry, wellFormedStrings);
    separator = ',';
  }
  yield separator === '[' ? '[]\n' : ']\n';
}

export function formatJson(run: LintRun, context: FormatContext): string {
  return [...jsonChunks(run, context)].join('');
}
