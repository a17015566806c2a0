/**
 * The library report's data: one row per SOP (what its front matter says, when it is next due for
 * review, how many problems lint finds) and a summary over the rows. Pure: the shells read the
 * files and hand over each text with its display path and lint options.
 */
import { daysBetween, parseDateValue } from '../dates.js';
import { lintWithModel } from '../lint/lint.js';
import type { LintOptions } from '../options.js';
import { reviewIntervalOf, reviewSchedule, type ReviewSchedule } from '../review.js';
import type { LintMessage, SopDocument, SopFormat } from '../types.js';

/** Findings of this rule are the report's "unresolved references" (the rule may be absent or off). */
export const REFERENCE_RULE_ID = 'sop-reference';

export interface ReportRow {
  /** As the shell displays it (the CLI: relative to the folder it runs in, with `/`). */
  file: string;
  id: string | null;
  title: string | null;
  format: SopFormat;
  owner: string | null;
  status: string | null;
  version: string | null;
  /** Dates are YYYY-MM-DD, or null when absent or not a date. */
  effective: string | null;
  lastReviewed: string | null;
  nextReview: string | null;
  /** What the next review date comes from: next_review, last_reviewed + interval, or the newest revision + interval. */
  nextReviewFrom: ReviewSchedule['from'] | null;
  /** Days from today to the next review: negative when overdue. */
  daysUntilReview: number | null;
  overdue: boolean;
  errors: number;
  warnings: number;
  unresolvedReferences: number;
}

/** A front-matter value as one line of text; null for what is not a plain value (a list, a mapping). */
function plainValue(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim().replace(/\s+/g, ' ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return null;
}

function reviewFacts(doc: SopDocument | undefined, options: LintOptions, today: string): Pick<ReportRow, 'nextReview' | 'nextReviewFrom' | 'daysUntilReview' | 'overdue'> {
  const schedule = doc ? reviewSchedule(doc, reviewIntervalOf(doc, options)) : undefined;
  if (!schedule) return { nextReview: null, nextReviewFrom: null, daysUntilReview: null, overdue: false };
  const days = daysBetween(today, schedule.due);
  return { nextReview: schedule.due, nextReviewFrom: schedule.from, daysUntilReview: days, overdue: days < 0 };
}

function counts(messages: LintMessage[]): Pick<ReportRow, 'errors' | 'warnings' | 'unresolvedReferences'> {
  let errors = 0;
  let warnings = 0;
  let unresolvedReferences = 0;
  for (const m of messages) {
    if (m.severity === 'error') errors++;
    else if (m.severity === 'warning') warnings++;
    if (m.ruleId === REFERENCE_RULE_ID) unresolvedReferences++;
  }
  return { errors, warnings, unresolvedReferences };
}

/** Lints `text` once and reads its row off the model. Never throws (lintWithModel does not). */
export function reportRow(file: string, text: string, options: LintOptions, today: string): ReportRow {
  const { result, doc } = lintWithModel(text, { ...options, today });
  const data = doc?.frontMatter.data ?? {};
  return {
    file,
    id: plainValue(data.id),
    title: doc?.title ? plainValue(doc.title.text) : null,
    format: result.format,
    owner: plainValue(data.owner),
    status: plainValue(data.status),
    version: plainValue(data.version),
    effective: parseDateValue(data.effective) ?? null,
    lastReviewed: parseDateValue(data.last_reviewed) ?? null,
    ...reviewFacts(doc, options, today),
    ...counts(result.messages),
  };
}

export interface StatusCount { status: string | null; sops: number }

export interface OwnerSummary {
  owner: string | null;
  sops: number;
  overdue: number;
  /** Due today or within the next 30 (90) days; not counting overdue ones. Within 90 includes within 30. */
  dueWithin30Days: number;
  dueWithin90Days: number;
}

export interface ReportSummary {
  sops: number;
  byStatus: StatusCount[];
  overdue: number;
  dueWithin30Days: number;
  dueWithin90Days: number;
  /** SOPs with no date to count a review from. */
  noReviewDate: number;
  errors: number;
  warnings: number;
  unresolvedReferences: number;
  byOwner: OwnerSummary[];
  /** Reviews due in each of the 12 months from today's month on (overdue ones are not in it). */
  reviewsByMonth: { month: string; sops: number }[];
  /** Reviews due after those 12 months. */
  reviewsLater: number;
}

export interface LibraryReport {
  today: string;
  /** The tool and version that wrote it ("sopkit 0.1.0"). */
  generator: string;
  summary: ReportSummary;
  /** Sorted by file. */
  rows: ReportRow[];
}
