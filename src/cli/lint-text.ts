/** Lints (and with `fix`, fixes) one text: the same code runs in worker threads and inline. */
import { applyEdits, buildSopDocument, canonicalHeadingFixes, fixText } from '../core/index.js';
import { lint } from '../core/index.js';
import { LibraryIndex, type LibrarySnapshot, type LintOptions } from '../core/index.js';
import type { LintJob, WorkerInit } from './lint-job.js';
import type { LintResult } from '../core/index.js';
import type { LintOutcome } from './results.js';

function outcomeOf(result: LintResult): LintOutcome {
  return {
    format: result.format,
    formatSource: result.formatSource,
    formatReason: result.formatReason,
    sections: result.sections,
    messages: result.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      url: m.url,
      fixable: !!m.fix,
    })),
  };
}

export function lintText(text: string, given: LintOptions, fix: boolean, headings = false): LintOutcome {
  const first = lint(text, given);
  if (!fix || (!headings && !first.messages.some((m) => m.fix))) return outcomeOf(first);
  // The library entry handed in was read from `text`; fixed texts are read afresh.
  const options: LintOptions = given.library?.entry ? { ...given, library: { index: given.library.index, path: given.library.path } } : given;
  const fixed = first.messages.some((m) => m.fix) ? fixText(text, options) : { text, applied: 0 };
  if (headings) {
    // All at once: the insertions are at distinct line starts, so they never overlap.
    const doc = buildSopDocument(fixed.text, { format: options.format, teamSchema: options.teamSchema, sectionAliases: options.sectionAliases });
    const inserts = canonicalHeadingFixes(doc, options.teamSchema);
    if (inserts.length) {
      fixed.text = applyEdits(fixed.text, inserts.flatMap((f) => f.fix.edits));
      fixed.applied += inserts.length;
    }
  }
  if (fixed.text === text) return outcomeOf(first);
  // The unfixed outcome comes along: when the fix cannot be written, the report is about the text on disk.
  return { ...outcomeOf(lint(fixed.text, options)), fixedText: fixed.text, fixesApplied: fixed.applied, unfixed: outcomeOf(first) };
}

/** Each thread rebuilds a library once from its snapshot. */
const indexes = new WeakMap<LibrarySnapshot, LibraryIndex>();

function indexOf(snapshot: LibrarySnapshot): LibraryIndex {
  let index = indexes.get(snapshot);
  if (!index) indexes.set(snapshot, (index = LibraryIndex.fromSnapshot(snapshot)));
  return index;
}

/** One job of a lint run: its options, with its library and base text when it has them. */
export function lintJobText(job: LintJob, init: WorkerInit): LintOutcome {
  const snapshot = job.library === undefined ? undefined : init.libraries?.[job.library];
  const base = init.optionsTable[job.optionsId];
  const options: LintOptions = snapshot || job.baseText !== undefined
    ? { ...base, ...(snapshot ? { library: { index: indexOf(snapshot), path: job.path!, ...(job.entry ? { entry: job.entry } : {}) } } : {}), ...(job.baseText !== undefined ? { baseText: job.baseText } : {}) }
    : base;
  return lintText(job.text, options, init.fix, init.headings);
}
