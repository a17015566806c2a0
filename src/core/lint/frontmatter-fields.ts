/**
 * "Add missing front-matter fields": the fields a reviewer needs to trust an SOP (owner,
 * version, status, review dates), added with sensible starting values. Offered as a quick fix.
 */
import { addInterval, parseInterval } from '../dates.js';
import { afterFrontMatter, eol } from './edits.js';
import type { Fix, SopDocument } from '../types.js';

export const RECOMMENDED_FIELDS = ['title', 'format', 'owner', 'version', 'status', 'effective', 'last_reviewed', 'review_interval'] as const;

function starterValue(field: (typeof RECOMMENDED_FIELDS)[number], doc: SopDocument, today: string): string {
  switch (field) {
    case 'title': return JSON.stringify(doc.title?.text ?? '[INSERT title]');
    case 'format': return doc.format;
    case 'owner': return '"[INSERT owner role]"';
    case 'version': return '"1.0"';
    case 'status': return 'draft';
    case 'effective': return today;
    case 'last_reviewed': return today;
    case 'review_interval': return '12 months';
  }
}

export function missingFrontMatterFields(doc: SopDocument): string[] {
  if (doc.frontMatter.errors.length > 0) return [];
  const present = new Set(doc.frontMatter.keys.map((k) => k.key));
  return RECOMMENDED_FIELDS.filter((f) => !present.has(f)) as string[];
}

/** Adds the missing recommended fields, creating the front matter when there is none. */
export function addMissingFrontMatterFix(doc: SopDocument, today: string): Fix | undefined {
  const missing = missingFrontMatterFields(doc);
  if (missing.length === 0 || doc.frontMatter.errors.length > 0) return undefined;
  const nl = eol(doc.text);
  const lines = (missing as (typeof RECOMMENDED_FIELDS)[number][]).map((f) => `${f}: ${starterValue(f, doc, today)}`).join(nl) + nl;
  const title = `Add missing front-matter fields (${missing.join(', ')})`;
  if (doc.frontMatter.present && doc.frontMatter.range) {
    const closingLineStart = doc.lineStarts[doc.frontMatter.range.end.line - 1];
    return { title, edits: [{ offset: closingLineStart, length: 0, text: lines }] };
  }
  const offset = afterFrontMatter(doc);
  return { title, edits: [{ offset, length: 0, text: `---${nl}${lines}---${nl}${doc.text.length > 0 && !/^\r?\n/.test(doc.text) ? nl : ''}` }] };
}

/** When the next review falls, for hover and the preview's header card. */
export function nextReviewDate(doc: SopDocument, fallbackInterval?: string): string | undefined {
  const data = doc.frontMatter.data ?? {};
  if (typeof data.next_review === 'string') return data.next_review;
  const dates = [typeof data.last_reviewed === 'string' ? data.last_reviewed : undefined, ...doc.revisions.map((r) => r.date)].filter((d): d is string => !!d).sort();
  const latest = dates[dates.length - 1];
  if (!latest) return undefined;
  const interval = parseInterval(data.review_interval) ?? parseInterval(fallbackInterval) ?? { amount: 12, unit: 'month' as const };
  return addInterval(latest, interval);
}
