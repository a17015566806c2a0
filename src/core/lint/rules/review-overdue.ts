import { addInterval, formatInterval, parseDateValue, parseInterval, type Interval } from '../../dates.js';
import { afterFrontMatter, insertBlock } from '../edits.js';
import type { Fix, SopDocument } from '../../types.js';
import { revisionRowFix } from './revision-history.js';
import type { RuleDefinition } from './rule.js';

const DEFAULT_INTERVAL: Interval = { amount: 12, unit: 'month' };

/** Set `last_reviewed: today` (replace the value or add the key); move a past `next_review` on by the interval. */
export function markReviewedFix(doc: SopDocument, today: string, interval: Interval = DEFAULT_INTERVAL): Fix | undefined {
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
    const data = doc.frontMatter.data ?? {};
    // Nobody follows a retired SOP, so no review of it falls due.
    if (data.status === 'retired') return;
    const keyRange = (name: string) => doc.frontMatter.keys.find((k) => k.key === name)?.valueRange;
    const interval = parseInterval(data.review_interval) ?? parseInterval(context.lintOptions.reviewInterval) ?? parseInterval(context.options.interval) ?? DEFAULT_INTERVAL;
    const suggestions = (): Fix[] => [markReviewedFix(doc, context.today, interval), revisionRowFix(doc, context.today, 'Reviewed; no changes')].filter((f): f is Fix => !!f);

    const next = parseDateValue(data.next_review);
    if (next) {
      if (next < context.today) {
        context.report({ message: `Review overdue: next_review was ${next}; today is ${context.today}`, range: keyRange('next_review')!, suggestions: suggestions() });
      }
      return;
    }
    const candidates: { date: string; range: SopDocument['revisions'][number]['range']; what: string }[] = [];
    const lastReviewed = parseDateValue(data.last_reviewed);
    if (lastReviewed) candidates.push({ date: lastReviewed, range: keyRange('last_reviewed')!, what: 'last reviewed' });
    for (const entry of doc.revisions) if (entry.date) candidates.push({ date: entry.date, range: entry.range, what: 'last revised' });
    if (candidates.length === 0) return;
    const latest = candidates.reduce((a, b) => (b.date > a.date ? b : a));
    const due = addInterval(latest.date, interval);
    if (due < context.today) {
      context.report({
        message: `Review overdue: ${latest.what} ${latest.date}, due ${due} (every ${formatInterval(interval)}); today is ${context.today}`,
        range: latest.range,
        suggestions: suggestions(),
      });
    }
  },
};
