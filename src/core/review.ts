/**
 * When an SOP is next due for review: the one notion the review-overdue rule reports on and the
 * library report lists. `next_review` in the front matter wins; otherwise the later of
 * `last_reviewed` and the newest revision-history date, plus the review interval.
 */
import { addInterval, parseDateValue, parseInterval, type Interval } from './dates.js';
import type { LintOptions, RuleSetting } from './options.js';
import type { Range, SopDocument } from './types.js';

export const DEFAULT_REVIEW_INTERVAL: Interval = { amount: 12, unit: 'month' };

export interface ReviewSchedule {
  /** YYYY-MM-DD the SOP is due for review. */
  due: string;
  /** Where the due date comes from. */
  from: 'next_review' | 'last_reviewed' | 'revision';
  /** The date counted from (for `next_review`, the due date itself). */
  basis: string;
  /** Where that date is written in the document. */
  range: Range;
}

const START: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** The options of a rule as configured (`rules: { review-overdue: { options: … } }`), or none. */
function ruleOptionsOf(setting: RuleSetting | undefined): Record<string, unknown> {
  return setting !== undefined && typeof setting === 'object' ? setting.options ?? {} : {};
}

/**
 * The interval that applies to `doc`: its own `review_interval`, then the config's
 * `reviewInterval`, then the rule's `interval` option, then 12 months. `ruleOptions` defaults to
 * the review-overdue rule's options in `lintOptions`.
 */
export function reviewIntervalOf(doc: SopDocument, lintOptions: LintOptions, ruleOptions = ruleOptionsOf(lintOptions.rules?.['review-overdue'])): Interval {
  const data = doc.frontMatter.data ?? {};
  return parseInterval(data.review_interval) ?? parseInterval(lintOptions.reviewInterval) ?? parseInterval(ruleOptions.interval) ?? DEFAULT_REVIEW_INTERVAL;
}

/** The SOP's review due date and what it rests on; undefined when nothing dates it. */
export function reviewSchedule(doc: SopDocument, interval: Interval): ReviewSchedule | undefined {
  const data = doc.frontMatter.data ?? {};
  // Nobody follows a retired SOP, so no review of it falls due.
  if (data.status === 'retired') return undefined;
  const keyRange = (name: string): Range => doc.frontMatter.keys.find((k) => k.key === name)?.valueRange ?? doc.frontMatter.range ?? START;
  const next = parseDateValue(data.next_review);
  if (next) return { due: next, from: 'next_review', basis: next, range: keyRange('next_review') };
  const candidates: { date: string; range: Range; from: ReviewSchedule['from'] }[] = [];
  const lastReviewed = parseDateValue(data.last_reviewed);
  if (lastReviewed) candidates.push({ date: lastReviewed, range: keyRange('last_reviewed'), from: 'last_reviewed' });
  for (const entry of doc.revisions) if (entry.date) candidates.push({ date: entry.date, range: entry.range, from: 'revision' });
  if (candidates.length === 0) return undefined;
  const latest = candidates.reduce((a, b) => (b.date > a.date ? b : a));
  return { due: addInterval(latest.date, interval), from: latest.from, basis: latest.date, range: latest.range };
}
