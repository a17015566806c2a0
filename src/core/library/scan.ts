/**
 * A light reading of Markdown for the library: headings, explicit anchors, relative links and
 * id-shaped tokens, each with its offsets. It runs over every SOP of a library before linting, so
 * it reads lines and a few inline forms instead of building a syntax tree. What it skips is what
 * would make a wrong finding: fenced and indented code, code spans, HTML comments and tags,
 * autolinks, bare URLs and link destinations never yield an id.
 */
import { trimEndWhere } from '../text.js';
import type { UserRegex } from '../user-regex.js';
import { headingPlainText, numberedSlugs } from './slug.js';
import type { HeadingEntry, IdToken, LinkReference } from './types.js';

export interface ScannedMarkdown {
  headings: HeadingEntry[];
  anchors: string[];
  links: LinkReference[];
  tokens: IdToken[];
}

interface Line { start: number; end: number; text: string; number: number }

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let number = 1;
  for (let i = 0; i < from; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) number++;
  lineBreak.lastIndex = from;
  let start = from;
  for (let m = lineBreak.exec(text); ; m = lineBreak.exec(text)) {
    const end = m ? m.index : text.length;
    lines.push({ start, end, text: text.slice(start, end), number: number++ });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return lines;
}

const FENCE = /^((?:[ \t]*>)*[ \t]*)(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*(<[^>\n]*>|\S+)/;

function indentOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns++;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

class Collector {
  readonly headingTexts: { raw: string; depth: number; line: number }[] = [];
  readonly result: ScannedMarkdown = { headings: [], anchors: [], links: [], tokens: [] };
  constructor(readonly text: string, readonly pattern?: UserRegex) {}
}

/** Walks the lines: code and comments are skipped, headings noted, paragraphs read inline. */
export function scanMarkdown(text: string, bodyStart: number, pattern?: UserRegex): ScannedMarkdown {
  const out = new Collector(text, pattern);
  let fence: { marker: string; length: number } | undefined;
  let inComment = false;
  let paragraph: Line[] = [];
  let previousBlank = true;
  let inList = false;
  let indentedCode = false;
  const flush = () => { if (paragraph.length) readInline(out, paragraph[0].start, paragraph[paragraph.length - 1].end); paragraph = []; };
  for (const line of splitLines(text, bodyStart)) {
    if (fence) {
      const close = FENCE.exec(line.text);
      if (close && close[2][0] === fence.marker && close[2].length >= fence.length && close[3].trim() === '') fence = undefined;
      continue;
    }
    if (inComment) {
      if (line.text.includes('-->')) inComment = false;
      continue;
    }
    const open = FENCE.exec(line.text);
    if (open && (indentOf(open[1]) < 4 || inList) && !(open[2][0] === '`' && open[3].includes('`'))) {
      flush();
      fence = { marker: open[2][0], length: open[2].length };
      continue;
    }
    if (line.text.trim() === '') { flush(); previousBlank = true; continue; }
    const wasBlank = previousBlank;
    previousBlank = false;
    indentedCode = indentOf(line.text) >= 4 && !inList && (wasBlank || indentedCode) && paragraph.length === 0;
    if (indentedCode) continue;
    if (/^[ \t]*<!--/.test(line.text) && !line.text.includes('-->')) { flush(); inComment = true; continue; }
    const atx = ATX.exec(line.text);
    if (atx) {
      flush();
      out.headingTexts.push({ raw: withoutClosingHashes(atx[2]), depth: atx[1].length, line: line.number });
      readInline(out, line.start, line.end);
      continue;
    }
    if (SETEXT.test(line.text) && paragraph.length && !LIST_ITEM.test(paragraph[0].text)) {
      out.headingTexts.push({ raw: paragraph.map((l) => l.text.trim()).join(' ').slice(0, 500), depth: line.text.includes('=') ? 1 : 2, line: paragraph[0].number });
      flush();
      continue;
    }
    if (LIST_ITEM.test(line.text)) inList = true;
    else if (wasBlank && indentOf(line.text) === 0) inList = false;
    const definition = LINK_DEFINITION.exec(line.text);
    if (definition) {
      flush();
      const at = line.start + line.text.indexOf(definition[1]);
      addLink(out, definition[1].replace(/^<|>$/g, ''), at, at + definition[1].length);
      continue;
    }
    paragraph.push(line);
  }
  flush();
  const slugs = numberedSlugs(out.headingTexts.map((h) => headingPlainText(h.raw)));
  out.result.headings = out.headingTexts.map((h, i) => ({ text: headingPlainText(h.raw), depth: h.depth, line: h.line, slug: slugs[i] }));
  return out.result;
}

/** `## Scope ##` → "Scope"; long headings are cut (their anchors are never linked by hand). */
function withoutClosingHashes(raw: string): string {
  let end = raw.length;
  while (end > 0 && (raw[end - 1] === ' ' || raw[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && raw[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === 0 || raw[hashes - 1] === ' ' || raw[hashes - 1] === '\t')) end = hashes;
  return raw.slice(0, Math.min(end, 500));
}

/** The text with each [from, to) range replaced by spaces: same length, so offsets still hold. */
function masked(text: string, ranges: [number, number][]): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of ranges) {
    if (to <= at) continue;
    const start = Math.max(from, at);
    out += text.slice(at, start) + ' '.repeat(to - start);
    at = to;
  }
  return out + text.slice(at);
}

/** Code spans: a run of n backticks up to the next run of exactly n. */
function codeSpans(text: string): [number, number][] {
  const runs: { at: number; length: number }[] = [];
  for (const m of text.matchAll(/`+/g)) runs.push({ at: m.index, length: m[0].length });
  // The next run of the same length after each run, found in one backward pass.
  const nextSame = new Array<number>(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    nextSame[i] = lastByLength.get(runs[i].length) ?? -1;
    lastByLength.set(runs[i].length, i);
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    if (open.at > 0 && text[open.at - 1] === '\\') continue;
    const close = nextSame[i];
    if (close < 0) continue;
    spans.push([open.at, runs[close].at + runs[close].length]);
    i = close;
  }
  return spans;
}

/** `<!-- … -->` within a paragraph; one that never closes is text. */
function comments(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf('<!--'); at >= 0; at = text.indexOf('<!--', at)) {
    const close = text.indexOf('-->', at + 4);
    if (close < 0) break;
    spans.push([at, close + 3]);
    at = close + 3;
  }
  return spans;
}

const MASKED_FORMS = [
  /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g, // autolinks
  /<[^\s<>@]+@[^\s<>@]+>/g, // e-mail autolinks
  /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, // HTML tags
];
const ANCHOR = /<a\s[^<>]*?\b(?:id|name)\s*=\s*["']?([^"'\s<>]+)/gi;
const BARE_URL = /\b(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:\/\/|www\.)[^\s<>]*/g;

function spansOf(text: string, pattern: RegExp): [number, number][] {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

/** One paragraph (or heading): code, comments, links, HTML and URLs are masked before tokens are read. */
function readInline(out: Collector, from: number, to: number): void {
  let text = out.text.slice(from, to);
  if (text.includes('`')) text = masked(text, codeSpans(text));
  if (text.includes('<')) {
    text = masked(text, comments(text));
    for (const m of text.matchAll(ANCHOR)) out.result.anchors.push(m[1].toLowerCase());
  }
  // Links before tags: `[x](<with space.md>)` would otherwise pass for an HTML tag.
  if (text.includes('](')) text = masked(text, readLinks(out, text, from));
  if (text.includes('<')) text = masked(text, MASKED_FORMS.flatMap((form) => spansOf(text, form)));
  if (text.includes('://') || text.includes('www.')) text = masked(text, spansOf(text, BARE_URL));
  readTokens(out, text, from);
}

/** `](destination "title")`: the destination is taken, and the whole parenthesis is masked. */
function readLinks(out: Collector, text: string, base: number): [number, number][] {
  const spans: [number, number][] = [];
  let nextParen = -2;
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 2)) {
    let i = at + 2;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const destStart = i;
    let destination: string;
    if (text[i] === '<') {
      const close = text.indexOf('>', i);
      if (close < 0) break;
      destination = text.slice(i + 1, close);
      i = close + 1;
    } else {
      let depth = 0;
      while (i < text.length && !/\s/.test(text[i]) && !(text[i] === ')' && depth === 0)) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')') depth--;
        i++;
      }
      destination = text.slice(destStart, i);
    }
    // The next ')' is looked up again only once passed, so many '](' cost one walk of the text.
    if (nextParen !== -1 && nextParen < i) nextParen = text.indexOf(')', i);
    const end = nextParen < 0 ? i : nextParen + 1;
    if (destination) addLink(out, destination, base + destStart, base + destStart + destination.length);
    spans.push([at + 1, end]);
  }
  return spans;
}

function decode(text: string): string {
  try { return decodeURIComponent(text); } catch { return text; }
}

/** Keeps relative links only: no scheme, no `//host`, no site-absolute `/path`. */
function addLink(out: Collector, destination: string, start: number, end: number): void {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(destination) || destination.startsWith('/') || destination.startsWith('\\')) return;
  const hash = destination.indexOf('#');
  const beforeHash = hash < 0 ? destination : destination.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const pathPart = query < 0 ? beforeHash : beforeHash.slice(0, query);
  const fragment = hash < 0 ? undefined : decode(destination.slice(hash + 1));
  out.result.links.push({ destination, path: decode(pathPart), ...(fragment !== undefined ? { fragment } : {}), start, end });
}

const WORD = /[A-Za-z][A-Za-z0-9._-]*/g;
/** Characters that, just before a token, make it part of something else (a path, a handle, a number). */
const GLUED_BEFORE = /[0-9_.\-@#$%&\\\p{L}]/u;

function readTokens(out: Collector, masked: string, base: number): void {
  const first = out.result.tokens.length;
  for (const m of masked.matchAll(WORD)) {
    const last = m[0].charCodeAt(m[0].length - 1);
    // Most words end in a letter: no id. Trailing punctuation ("SOP-014.") is dropped first.
    if (!(last >= 48 && last <= 57) && last !== 46 && last !== 45 && last !== 95) continue;
    const word = trimEndWhere(m[0], (ch) => ch === '.' || ch === '-' || ch === '_');
    const end = word.charCodeAt(word.length - 1);
    if (!(end >= 48 && end <= 57)) continue;
    if (m.index > 0 && GLUED_BEFORE.test(masked[m.index - 1])) continue;
    const after = masked[m.index + word.length];
    if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue;
    let cut = word.length;
    while (cut > 0 && word.charCodeAt(cut - 1) >= 48 && word.charCodeAt(cut - 1) <= 57) cut--;
    const digits = word.slice(cut);
    out.result.tokens.push({ text: word, prefix: word.slice(0, -digits.length), digits, start: base + m.index, end: base + m.index + word.length });
  }
  if (!out.pattern) return;
  const byStart = new Map(out.result.tokens.slice(first).map((t) => [t.start, t]));
  for (const m of out.pattern.matches(masked)) {
    if (!m.text.trim()) continue;
    const existing = byStart.get(base + m.index);
    if (existing && existing.text === m.text) existing.configured = true;
    else if (!existing) out.result.tokens.push({ text: m.text, configured: true, start: base + m.index, end: base + m.index + m.text.length });
  }
}
