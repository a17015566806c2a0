/**
 * What every view shows first: the title, a card with the document's control data (owner,
 * version, status, next review) and the lint summary, each message linking to its line.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { LintMessage, SopDocument } from '../types.js';
import { addInterval, parseDateValue, parseInterval } from '../dates.js';

export const FORMAT_LABELS: Record<SopDocument['format'], string> = {
  article: 'Article',
  guide: 'Step-by-step guide',
  workflow: 'Workflow',
  faq: 'FAQ',
  checklist: 'Checklist',
};

export interface ReviewStatus {
  nextReview: string;
  overdue: boolean;
  /** Why the date is what it is, e.g. "last reviewed 2025-01-10 + 12 months". */
  basis: string;
}

/** The next review date from `next_review`, or `last_reviewed`/`effective` plus `review_interval` (12 months when unset). */
export function reviewStatus(data: Record<string, unknown> | null, today: string): ReviewStatus | undefined {
  if (!data) return undefined;
  const explicit = parseDateValue(data.next_review);
  if (explicit) return { nextReview: explicit, overdue: explicit < today, basis: 'next_review in front matter' };
  const lastReviewed = parseDateValue(data.last_reviewed);
  const base = lastReviewed ?? parseDateValue(data.effective);
  if (!base) return undefined;
  const interval = parseInterval(data.review_interval) ?? { amount: 12, unit: 'month' as const };
  const next = addInterval(base, interval);
  const label = `${interval.amount} ${interval.unit}${interval.amount === 1 ? '' : 's'}`;
  return { nextReview: next, overdue: next < today, basis: `${lastReviewed ? 'last reviewed' : 'effective'} ${base} + ${label}` };
}

function scalar(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return undefined;
}

/** A front matter value as written (so `version: 1.0` stays "1.0"), or its parsed form for lists and dates. */
function frontMatterText(doc: SopDocument, key: string): string | undefined {
  const data = doc.frontMatter.data;
  if (!data || data[key] === undefined || data[key] === null) return undefined;
  const found = doc.frontMatter.keys.find((k) => k.key === key);
  if (found && typeof data[key] !== 'object') {
    const raw = doc.text.slice(found.valueRange.start.offset, found.valueRange.end.offset).trim();
    if (raw && !raw.includes('\n')) return raw.replace(/^(['"])(.*)\1$/, '$2');
  }
  return scalar(data[key]);
}

export function headerCard(doc: SopDocument, today: string): Element {
  const data = doc.frontMatter.data;
  const titleLine = doc.title?.range.start.line ?? 1;
  const rows: Element[] = [];
  const row = (label: string, value: string | undefined, extra?: Element): void => {
    if (value === undefined || value === '') return;
    rows.push(h('div.sop-meta-row', [h('dt', label), h('dd', extra ? [value, ' ', extra] : [value])]));
  };
  if (data) {
    row('ID', frontMatterText(doc, 'id'));
    row('Owner', frontMatterText(doc, 'owner'));
    row('Version', frontMatterText(doc, 'version'));
    const status = frontMatterText(doc, 'status');
    if (status) rows.push(h('div.sop-meta-row', [h('dt', 'Status'), h('dd', [h(`span.sop-status.sop-status-${status.toLowerCase().replace(/[^a-z]/g, '')}`, status)])]));
    row('Effective', frontMatterText(doc, 'effective'));
    const review = reviewStatus(data, today);
    if (review) {
      row('Next review', review.nextReview, review.overdue
        ? h('span.sop-badge.sop-badge-error', { title: `${review.basis}; today is ${today}` }, 'Overdue')
        : h('span.sop-badge.sop-badge-ok', { title: review.basis }, 'Current'));
    }
    row('Tags', frontMatterText(doc, 'tags'));
  }
  return h('header.sop-header', { dataLine: titleLine }, [
    h('p.sop-format', [FORMAT_LABELS[doc.format]]),
    h('h1.sop-title', { dataLine: titleLine }, doc.title?.text ?? 'Untitled SOP'),
    rows.length ? h('dl.sop-meta', rows) : h('p.sop-meta-empty', 'No front matter: owner, version and review dates are not recorded.'),
  ]);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The summary lists this many problems. A document with thousands of them (a generated or pasted
 * file) would otherwise spend most of its render on a list nobody reads, and the full list is in
 * the Problems panel and the CLI anyway.
 */
export const LINT_SUMMARY_MAX = 200;

export function lintSummary(messages: LintMessage[] | undefined): Element | undefined {
  if (!messages) return undefined;
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.filter((m) => m.severity === 'warning').length;
  const infos = messages.length - errors - warnings;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (messages.length === 0) {
    return h('section.sop-lint.sop-lint-clean', { ariaLabel: 'Problems' }, [h('p', 'No problems found.')]);
  }
  const sorted = [...messages].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line);
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(infos ? [plural(infos, 'note')] : [])];
  return h('section.sop-lint', { ariaLabel: 'Problems' }, [
    h('details.sop-lint-details', { open: errors > 0 }, [
      h('summary', [
        h(`span.sop-badge.${errors ? 'sop-badge-error' : 'sop-badge-none'}`, plural(errors, 'error')),
        ' ',
        h(`span.sop-badge.${warnings ? 'sop-badge-warning' : 'sop-badge-none'}`, plural(warnings, 'warning')),
        infos ? h('span.sop-badge.sop-badge-info', plural(infos, 'note')) : '',
        h('span.sop-visually-hidden', ` (${counts.join(', ')})`),
      ]),
      h('ul.sop-lint-list', sorted.slice(0, LINT_SUMMARY_MAX).map((m) =>
        h(`li.sop-lint-item.sop-lint-${m.severity}`, [
          h('a.sop-jump', { href: `#L${m.line}`, dataJumpLine: m.line }, [
            h('span.sop-lint-line', `Line ${m.line}`),
            ' ',
            m.message,
          ]),
          ' ',
          h('span.sop-lint-rule', m.ruleId),
        ]))),
      sorted.length > LINT_SUMMARY_MAX
        ? h('p.sop-lint-more', `…and ${sorted.length - LINT_SUMMARY_MAX} more, errors first: see the Problems panel or \`sopkit lint\` for all of them.`)
        : '',
    ]),
  ]);
}
