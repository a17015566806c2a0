/** The front-matter fields the library reads, from parsed front matter (whatever its shape). */
import { parseDocument } from 'yaml';
import { parseDateValue } from '../dates.js';
import { frontMatterFence } from '../parse/front-matter-fence.js';
import type { LibraryEntry } from './types.js';

export type EntryFields = Pick<LibraryEntry, 'id' | 'idProblem' | 'title' | 'status' | 'version' | 'owner' | 'approvedBy' | 'approvedOn' | 'effective' | 'supersedes' | 'supersededBy'>;

/** Where the front matter ends: the offset just after its closing fence line, or 0. */
export function frontMatterEnd(text: string): number {
  const fence = frontMatterFence(text);
  if (!fence?.closingLine) return 0;
  let offset = 0;
  for (let line = 1; line <= fence.closingLine; line++) {
    const next = text.indexOf('\n', offset);
    offset = next < 0 ? text.length : next + 1;
  }
  return offset;
}

/** The keys the library reads; the quick reading below needs only these to be simple. */
const LIBRARY_KEYS = new Set(['id', 'title', 'status', 'version', 'owner', 'approved_by', 'approved_on', 'effective', 'supersedes', 'superseded_by']);
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t](.*))?$/;
const PLAIN = /^[^\s&*!|>'"%@`{[\]#,][^#]*?$|^$/;

/** A value without its trailing ` # comment` (found by search, not a backtracking pattern). */
function withoutComment(raw: string): string {
  for (let at = raw.indexOf('#'); at >= 0; at = raw.indexOf('#', at + 1)) {
    if (at === 0 || raw[at - 1] === ' ' || raw[at - 1] === '\t') return raw.slice(0, at).trim();
  }
  return raw.trim();
}

/** A simple scalar as YAML's core schema reads it, or undefined when it is not simple. */
function simpleScalar(raw: string): unknown {
  const value = withoutComment(raw);
  if (/^"[^"\\]*"$/.test(value) || /^'[^']*'$/.test(value)) return value.slice(1, -1);
  if (!PLAIN.test(value) || value.includes(': ') || /^[-?:](?:\s|$)/.test(value)) return undefined;
  if (value === '' || value === '~' || value === 'null') return null;
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^[-+]?(?:\d+|\d*\.\d+|\d+\.\d*)(?:[eE][-+]?\d+)?$/.test(value)) return Number(value);
  return value;
}

/** `[a, "b", 3]` with simple items, else undefined. */
function simpleList(raw: string): unknown[] | undefined {
  const value = withoutComment(raw);
  if (!/^\[[^[\]{}]*\]$/.test(value)) return undefined;
  const inner = value.slice(1, -1).trim();
  if (inner === '') return [];
  const items = inner.split(',').map((item) => simpleScalar(item.trim()));
  return items.some((item) => item === undefined) ? undefined : items;
}

/**
 * The library's keys read line by line, when the front matter is plain `key: value` lines (what
 * nearly every SOP has): the library reads every SOP before linting, and the YAML parser is most
 * of that. Anything else (a duplicate key, a block value for one of these keys, a line that is no
 * key) returns undefined, and the YAML parser decides.
 */
export function quickFrontMatter(lines: string[]): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  const seen = new Set<string>();
  let inOtherKey = false;
  for (const line of lines) {
    if (/^[ \t]*(?:#.*)?$/.test(line)) continue;
    if (line[0] === ' ') { if (inOtherKey) continue; return undefined; }
    const match = KEY_LINE.exec(line);
    if (!match || seen.has(match[1])) return undefined;
    seen.add(match[1]);
    const raw = match[2] ?? '';
    inOtherKey = !LIBRARY_KEYS.has(match[1]);
    if (inOtherKey) continue;
    const value = raw.startsWith('[') ? simpleList(raw) : simpleScalar(raw);
    if (value === undefined || (raw === '' && !inOtherKey)) return undefined;
    data[match[1]] = value;
  }
  return data;
}

/**
 * The front matter's mapping (at least the keys the library reads), or null when there is none or
 * it does not parse.
 */
export function readFrontMatterData(text: string): Record<string, unknown> | null {
  const end = frontMatterEnd(text);
  if (end === 0) return null;
  const first = text.indexOf('\n') + 1;
  const closing = text.lastIndexOf('\n', end - 2) + 1;
  const quick = quickFrontMatter(text.slice(first, closing).split(/\r\n|\r|\n/));
  if (quick) return quick;
  try {
    const doc = parseDocument(text.slice(first, closing).replace(/\r(?!\n)/g, '\n'), { uniqueKeys: true, logLevel: 'silent' } as never);
    if (doc.errors.length) return null;
    const data = doc.toJS({ maxAliasCount: 50 });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The ids a `supersedes:` / `superseded_by:` value names: one id or a list of them. */
export function idList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map(text).filter((v): v is string => !!v);
}

function describeBadId(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'empty';
  return `${typeof value}`;
}

/**
 * The fields of a front matter. A numeric id keeps the digits as written (`id: 014` is "014",
 * not 14), so `written` carries the source text of numeric values.
 */
export function fieldsOf(data: Record<string, unknown> | null, written: { id?: string; version?: string } = {}): EntryFields {
  const d = data ?? {};
  const id = 'id' in d ? (typeof d.id === 'number' && written.id ? written.id : text(d.id)) : undefined;
  return {
    id,
    idProblem: 'id' in d && id === undefined ? describeBadId(d.id) : undefined,
    title: text(d.title),
    status: typeof d.status === 'string' ? d.status.trim() : undefined,
    version: typeof d.version === 'number' && written.version ? written.version : text(d.version),
    owner: text(d.owner),
    approvedBy: text(d.approved_by),
    approvedOn: parseDateValue(d.approved_on),
    effective: parseDateValue(d.effective),
    supersedes: idList(d.supersedes),
    supersededBy: idList(d.superseded_by),
  };
}

/** A top-level scalar as written in the front matter (`id: 014` keeps its zero, `version: 1.0` its ".0"). */
export function writtenValue(text: string, key: string, end = frontMatterEnd(text)): string | undefined {
  const line = new RegExp(`^${key}:([^\\r\\n]*)`, 'm').exec(text.slice(0, end));
  if (!line) return undefined;
  const value = withoutComment(line[1]);
  const quoted = /^(["'])(.*)\1$/.exec(value);
  const written = quoted ? quoted[2] : value;
  return written && !/["'#]/.test(written) ? written : undefined;
}
