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

/** Drops a trailing `{#anchor}`; found from the last `{#`, as a `\{#[^}]*\}\s*$` regex retried at every `{#` is quadratic. */
function withoutAnchor(text: string): string {
  const at = text.lastIndexOf('{#');
  if (at < 0) return text;
  const close = text.indexOf('}', at);
  return close >= 0 && text.slice(close + 1).trim() === '' ? text.slice(0, at).trim() : text;
}

/** Lower-case heading text without numbering, markup leftovers or trailing punctuation. */
export function normalizeTitle(text: string): string {
  let t = text.replace(/<[^>]{0,200}>/g, '').replace(/[*_`]/g, '').trim();
  t = withoutAnchor(t);
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

/** What a heading was recognised by: the part's own name, or an alias, word or heading cue. */
/** `word`: a part's word among other words, or a heading cue — evidence enough that the part is there, not a claim to be its section. */
export interface HeadingMatch { ids: string[]; how: 'heading' | 'alias' | 'word' }

/** Safe compilation of a schema's regular-expression source: a bad pattern is skipped, never thrown. */
export function compileCue(source: string): RegExp | undefined {
  try { return new RegExp(source, 'iu'); } catch { return undefined; }
}

const WORD_SPLIT = /[^\p{L}\p{N}'’-]+/u;
/** Where an alias may end inside a longer heading (see the prefix test in matchHow). */
const PREFIX_BOUNDARY = /[\s:\-–—(]/;

/** The text before the first prefix boundary: a heading that starts with an alias shares it. */
function firstWord(text: string): string {
  const at = text.search(PREFIX_BOUNDARY);
  return at < 0 ? text : text.slice(0, at);
}

export interface MatcherOptions {
  /** Languages whose section words count besides English (ISO 639-1). */
  languages?: string[];
  /** A team's own aliases from `.sopkit.yaml` (`sections: { purpose: { aliases: [...] } }`). */
  extraAliases?: Record<string, string[]>;
}

export class SectionMatcher {
  private readonly exact = new Map<string, string>();
  private readonly own = new Set<string>();
  /** Aliases by their first word, longest first within each: a heading is tried only against those sharing its first word. */
  private readonly prefixes = new Map<string, { alias: string; id: string }[]>();
  /** Single words and multi-word phrases (as token lists) that serve a part from inside a longer heading. */
  private readonly words = new Map<string, string>();
  private readonly phrases: { tokens: string[]; id: string }[] = [];
  private readonly headingCues: { re: RegExp; id: string }[] = [];
  private readonly order = new Map<string, number>();

  constructor(catalogue: SectionInfo[], options: MatcherOptions = {}) {
    const languages = ['en', ...(options.languages ?? []).filter((l) => l !== 'en')];
    const addExact = (name: string, id: string) => {
      const key = normalizeTitle(name);
      if (key && !this.exact.has(key)) this.exact.set(key, id);
    };
    const addWord = (word: string, id: string) => {
      const tokens = normalizeTitle(word).split(WORD_SPLIT).filter(Boolean);
      if (tokens.length === 1) { if (!this.words.has(tokens[0])) this.words.set(tokens[0], id); }
      else if (tokens.length > 1) this.phrases.push({ tokens, id });
    };
    for (const section of catalogue) {
      this.order.set(section.id, section.order);
      for (const name of [section.title, section.id]) { const key = normalizeTitle(name); if (key) this.own.add(key); }
      const names = [section.title, section.id, ...section.aliases, ...(options.extraAliases?.[section.id] ?? [])];
      const words = [...section.words];
      const cues = [...section.headingCues];
      for (const lang of languages) {
        const entry = section.languages[lang];
        if (!entry) continue;
        names.push(...entry.aliases);
        words.push(...entry.words);
        cues.push(...entry.headingCues);
      }
      for (const name of names) addExact(name, section.id);
      for (const word of words) addWord(word, section.id);
      for (const cue of cues) { const re = compileCue(cue); if (re) this.headingCues.push({ re, id: section.id }); }
    }
    this.exact.set('title', 'title');
    for (const [alias, id] of this.exact) {
      const first = firstWord(alias);
      const list = this.prefixes.get(first) ?? [];
      list.push({ alias, id });
      this.prefixes.set(first, list);
    }
    // Longest alias first, so "revision history log" wins over "revision history".
    for (const list of this.prefixes.values()) list.sort((a, b) => b.alias.length - a.alias.length);
  }

  /**
   * Canonical ids a heading satisfies. `loose` also allows a part's word among other words
   * ("Customer Complaint Handling Procedure", "3.0 REFERENCES, TERMS AND ACRONYMS") and the
   * heading cues ("Why …?", "When to …"); it is off for headings nested inside a recognised
   * section and for labels, where only names count.
   */
  match(headingText: string, loose: boolean): string[] {
    return this.matchHow(headingText, loose)?.ids ?? [];
  }

  matchHow(headingText: string, loose: boolean): HeadingMatch | undefined {
    if (isStepHeading(headingText)) return undefined;
    const title = normalizeTitle(headingText);
    if (!title) return undefined;
    const exact = this.exact.get(title);
    if (exact) return { ids: [exact], how: this.own.has(title) ? 'heading' : 'alias' };
    const parts = title.split(/ ?(?:,|;|\/|\band\b|\+|\bund\b|\bet\b|\by\b|\be\b|\ben\b) ?/).map((p) => p.trim()).filter(Boolean);
    if (parts.length > 1) {
      const ids = parts.map((p) => this.exact.get(p));
      if (ids.every((id): id is string => !!id)) return { ids: [...new Set(ids)], how: parts.every((p) => this.own.has(p)) ? 'heading' : 'alias' };
    }
    if (!loose) return undefined;
    for (const { alias, id } of this.prefixes.get(firstWord(title)) ?? []) {
      if (alias.length >= 4 && title.startsWith(alias) && /^[\s:\-–—(]/.test(title.slice(alias.length) || ' ')) {
        if (title.length === alias.length || /^\s*(?:for|of|to|and|:|-|–|—|\()/.test(title.slice(alias.length))) return { ids: [id], how: 'alias' };
      }
    }
    const found = new Set<string>();
    const tokens = title.split(WORD_SPLIT).filter(Boolean);
    for (const token of tokens) { const id = this.words.get(token); if (id) found.add(id); }
    for (const { tokens: phrase, id } of this.phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phrase.every((t, k) => tokens[i + k] === t)) { found.add(id); break; }
      }
    }
    for (const { re, id } of this.headingCues) if (re.test(title)) found.add(id);
    if (!found.size) return undefined;
    // A title word in a heading ("Title of the form") is not the document's title.
    found.delete('title');
    const ids = [...found].sort((a, b) => (this.order.get(a) ?? 1000) - (this.order.get(b) ?? 1000));
    return ids.length ? { ids, how: 'word' } : undefined;
  }
}
