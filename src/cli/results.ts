/** What the lint command hands to formatters: ESLint's result shape plus the SOP format. */
import type { LintMessage, RecognisedSection, Severity, SopFormat } from '../core/index.js';

/** A core message without its edits (they stay in the worker), plus whether --fix can fix it. */
export type CliMessage = Omit<LintMessage, 'fix' | 'suggestions'> & {
  /** True when `--fix` can fix it. */
  fixable: boolean;
};

/** The outcome of linting one text: what a worker sends back and what the cache stores. */
export interface LintOutcome {
  format: SopFormat;
  formatSource: 'frontmatter' | 'inferred';
  formatReason: string;
  messages: CliMessage[];
  /** What served each part of the document, and how it was recognised (core `RecognisedSection`). */
  sections?: RecognisedSection[];
  /** The fixed text, when `--fix` changed something. */
  fixedText?: string;
  fixesApplied?: number;
  /** With `fixedText`: the outcome of the text before fixing (reported when the fix is not written). */
  unfixed?: LintOutcome;
}

export interface FileResult extends LintOutcome {
  /** Absolute path. */
  filePath: string;
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** A file that could not be linted (unreadable, binary, not UTF-8): one clear line each. */
export interface SkippedFile {
  filePath: string;
  reason: string;
}

export interface LintRun {
  results: FileResult[];
  skipped: SkippedFile[];
  /** Folder that displayed paths are relative to. */
  cwd: string;
  fixedFiles: number;
  /** Hidden by --quiet (still counted for --max-warnings). */
  quiet: boolean;
}

export function withCounts(filePath: string, outcome: LintOutcome): FileResult {
  const count = (severity: Severity, fixable?: boolean) => outcome.messages.filter((m) => m.severity === severity && (!fixable || m.fixable)).length;
  return {
    filePath,
    ...outcome,
    errorCount: count('error'),
    warningCount: count('warning'),
    infoCount: count('info'),
    fixableErrorCount: count('error', true),
    fixableWarningCount: count('warning', true),
  };
}
