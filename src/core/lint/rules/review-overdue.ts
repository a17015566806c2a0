import { addInterval, formatInterval, type Interval } from '../../dates.js';
import { DEFAULT_REVIEW_INTERVAL, reviewIntervalOf, reviewSchedule } from '../../review.js';
import { afterFrontMatter, insertBlock } from '../edits.js';
import type { Fix, SopDocument } from '../../types.js';
import { revisionRowFix } from './revision-history.js';
import type { RuleDefinition } from './rule.js';

/** Set `last_reviewed: today` (replace the value or add the key); move a past `next_review` on by the interval. */
export function markReviewedFix(doc: SopDocument, today: string, interval: Interval = DEFAULT_REVIEW_INTERVAL): Fix | undefined {
  const title = `Mark as reviewed today (${today})`;
  const key = doc.frontMatter.keys.find((k) => k.key === 'last_reviewed');
  const next = doc.frontMatter.keys.find((k) => k.key === 'next_review');
  const nextEdit = next && next.valueRange !== next.keyRange
    ? [{ offset: next.valueRange.start.offset, length: next.valueRange.end.offset - next.valueRange.start.offset, text: addInterval(today, interval) }]
    : [];
  if (key) return { title, edits: [{ offset: key.valueRange.start.offset, length: key.valueRange.end.offset - key.valueRange.start.offset, text: today }, ...nextEdit] };
  if (doc.frontMatter.present && doc.frontMatter.range && doc.frontMatter.errors.length === 0) {
    const closing = doc.lineStarts[doc.frontMatter.range.end.line - 1];
    const nl = doc.text.includes('\r\n') ? '\r\n' : '\n';
    return { title, edits: [...nextEdit, { offset: closing, length: 0, text: `last_reviewed: ${today}${nl}` }] };
  }
  if (!doc.frontMatter.present) {
    return { title: `Add front matter with last_reviewed: ${today}`, edits: [insertBlock(doc.text, afterFrontMatter(doc), `---\nlast_reviewed: ${today}\n---\n`)] };
  }
  return undefined;
}

export const reviewOverdue: RuleDefinition = {
  id: 'review-overdue',
  description: 'The SOP was reviewed within its review interval (front matter next_review, or the last review or revision date plus review_interval, 12 months by default); retired SOPs are left alone.',
  defaultSeverity: 'warning',
  fixable: false,
  check(doc, context) {
    const interval = reviewIntervalOf(doc, context.lintOptions, context.options);
    const schedule = reviewSchedule(doc, interval);
    if (!schedule || schedule.due >= context.today) return;
    const suggestions = [markReviewedFix(doc, context.today, interval), revisionRowFix(doc, context.today, 'Reviewed; no changes')].filter((f): f is Fix => !!f);
    const message = schedule.from === 'next_review'
      ? `Review overdue: next_review was ${schedule.due}; today is ${context.today}`
      : `Review overdue: ${schedule.from === 'last_reviewed' ? 'last reviewed' : 'last revised'} ${schedule.basis}, due ${schedule.due} (every ${formatInterval(interval)}); today is ${context.today}`;
    context.report({ message, range: schedule.range, suggestions });
  },
};
