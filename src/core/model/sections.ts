/**
 * Matching headings to canonical sections the way people really write them: any case, numbering
 * prefixes ("1.", "11.2", "Step 3:"), bold markers, emoji, trailing colons, combined headings
 * ("Purpose and Scope") and the aliases annotated in the schema.
 */
import type { SectionInfo } from '../schema.js';
import { trimEndWhere } from '../text.js';

/** "Step 3", "Step 3:", "STEP 12 -" at the start of a heading or paragraph. */
export const STEP_PREFIX = /^\s*step\s+(\d{1,4})\b\s*[:.)\-–—]?\s*/i;
/** "1.", "1.0", "11.2", "2)", "IV." numbering in front of a heading. */
const NUMBER_PREFIX = /^\s*(?:(?:section|part|chapter)\s+)?(?:\d{1,4}(?:\.\d{1,4}){0,4}\.?|[ivxlc]{1,6}\.|[a-h][.)])\s*[:)\-–—]?\s+/i;
const LEADING_SYMBOLS = /^[^\p{L}\p{N}]+/u;
const isTrailingPunctuation = (ch: string) => /[\s:.\-–—]/.test(ch);

/** Drops a final "(…)" remark: "Scope (draft)" → "Scope". */
function withoutTrailingParenthetical(text: string): string {
  const trimmed = text.trimEnd();
  const open = trimmed.lastIndexOf('(');
  if (!trimmed.endsWith(')') || open < 0 || trimmed.indexOf(')', open) !== trimmed.length - 1) return text;
  return trimmed.slice(0, open).trimEnd();
}

/** Lower-case heading text without numbering, markup leftovers or trailing punctuation. */
export function normalizeTitle(text: string): string {
  let t = text.replace(/[*_`]/g, '').trim();
  t = t.replace(LEADING_SYMBOLS, '');
  t = t.replace(STEP_PREFIX, '');
  t = t.replace(NUMBER_PREFIX, '');
  t = withoutTrailingParenthetical(t);
  t = trimEndWhere(t, isTrailingPunctuation);
  return t.toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();
}

/** The heading as a person would read it: numbering and markers gone, case kept. */
export function displayTitle(text: string): string {
  let t = text.replace(/[*_`]/g, '').trim();
  t = trimEndWhere(t.replace(LEADING_SYMBOLS, '').replace(STEP_PREFIX, '').replace(NUMBER_PREFIX, ''), isTrailingPunctuation);
  return t.trim() || text.trim();
}

export function isStepHeading(text: string): boolean {
  return STEP_PREFIX.test(text.replace(/[*_`]/g, ''));
}

export class SectionMatcher {
  private readonly exact = new Map<string, string>();
  /**
   * Lengths of the aliases a loose heading may start with (4 characters or more), longest first.
   * A heading starts with at most one alias of each length, so one lookup per length finds them
   * all: over 50,000 headings, trying every alias in turn was most of the model's time.
   */
  private readonly prefixLengths: number[] = [];

  constructor(catalogue: SectionInfo[]) {
    for (const section of catalogue) {
      for (const name of [section.title, section.id, ...section.aliases]) {
        const key = normalizeTitle(name);
        if (key && !this.exact.has(key)) this.exact.set(key, section.id);
      }
    }
    this.exact.set('title', 'title');
    this.exact.set('sop title', 'title');
    this.exact.set('document title', 'title');
    // Longest alias first, so "revision history" wins over "history".
    const lengths = new Set([...this.exact.keys()].map((alias) => alias.length).filter((length) => length >= 4));
    this.prefixLengths = [...lengths].sort((a, b) => b - a);
  }

  /**
   * Canonical ids a heading satisfies. `loose` allows "Escalation procedures for fraud"-style
   * headings that start with an alias; it is off for headings nested inside a recognised section.
   */
  match(headingText: string, loose: boolean): string[] {
    if (isStepHeading(headingText)) return [];
    const title = normalizeTitle(headingText);
    if (!title) return [];
    const exact = this.exact.get(title);
    if (exact) return [exact];
    const parts = title.split(/ ?(?:,|\/|\band\b|\+) ?/).map((p) => p.trim()).filter(Boolean);
    if (parts.length > 1) {
      const ids = parts.map((p) => this.exact.get(p));
      if (ids.every((id): id is string => !!id)) return [...new Set(ids)];
    }
    if (loose) {
      for (const length of this.prefixLengths) {
        if (length > title.length) continue;
        const id = this.exact.get(title.slice(0, length));
        if (id && /^[\s:\-–—(]/.test(title.slice(length) || ' ')) {
          if (title.length === length || /^\s*(?:for|of|to|and|:|-|–|—|\()/.test(title.slice(length))) return [id];
        }
      }
    }
    return [];
  }
}
