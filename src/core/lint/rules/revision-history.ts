import { insertBlock, withEol } from '../edits.js';
import { ambiguousSlashedDate } from '../../dates.js';
import { quoteWords } from '../../display.js';
import type { Fix, SopDocument } from '../../types.js';
import type { RuleDefinition } from './rule.js';

export function normaliseVersion(v: string): string {
  return v.trim().replace(/^v(?:ersion)?\s*/i, '').replace(/^["']|["']$/g, '').replace(/(\.0)+$/, '');
}

/** The front-matter version as written (YAML would read "1.0" as the number 1). */
export function writtenVersion(doc: SopDocument): { text: string; range: SopDocument['revisions'][number]['range'] } | undefined {
  const key = doc.frontMatter.keys.find((k) => k.key === 'version');
  const value = doc.frontMatter.data?.version;
  if (!key || key.valueRange === key.keyRange || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  const text = doc.text.slice(key.valueRange.start.offset, key.valueRange.end.offset).replace(/^["']|["']$/g, '').trim();
  return text ? { text, range: key.valueRange } : undefined;
}

/** Adds a row (table) or item (list) at the end of the revision history, dated today. */
export function revisionRowFix(doc: SopDocument, today: string, change: string, version?: string): Fix | undefined {
  if (doc.revisionSection < 0) return undefined;
  const section = doc.sections[doc.revisionSection];
  const table = section.body.find((n) => n.type === 'table');
  const list = section.body.find((n) => n.type === 'list');
  const title = `Add a revision-history entry dated ${today}`;
  if (table && table.position) {
    const header = doc.text.slice(table.position.start.offset, doc.lineStarts[table.position.start.line] ?? table.position.end.offset);
    const columns = header.split('|').map((c) => c.trim().toLowerCase()).filter((c, i, all) => !(c === '' && (i === 0 || i === all.length - 1)));
    const cells = columns.map((c) => (/date|when|reviewed/.test(c) ? today : /version|ver\b|rev\b|revision/.test(c) ? (version ?? '') : /change|description|summary|notes?|what|details|comment/.test(c) ? change : /author|by|owner|who|editor|reviewer/.test(c) ? '[INSERT name]' : ''));
    const end = table.position.end.offset ?? 0;
    return { title, edits: [{ offset: end, length: 0, text: withEol(doc.text, `\n| ${cells.join(' | ')} |`) }] };
  }
  if (list && list.position) {
    const end = list.position.end.offset ?? 0;
    const bullet = doc.text[list.position.start.offset ?? 0] === '*' ? '*' : '-';
    return { title, edits: [{ offset: end, length: 0, text: withEol(doc.text, `\n${bullet} ${today}${version ? ` — v${version}` : ''} — ${change}`) }] };
  }
  return { title, edits: [insertBlock(doc.text, section.range.end.offset, `| Date | Version | Change | Author |\n| --- | --- | --- | --- |\n| ${today} | ${version ?? ''} | ${change} | [INSERT name] |\n`)] };
}

export function compareVersions(a: string, b: string): number {
  const pa = normaliseVersion(a).split('.').map(Number);
  const pb = normaliseVersion(b).split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** True when a revision-history entry is for `version` (its version column, or the version named in its text). */
export function historyMentions(entries: SopDocument['revisions'], version: string): boolean {
  const wanted = normaliseVersion(version);
  const named = new RegExp(`(^|[^\\d.])v?${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.0)*($|[^\\d.])`, 'i');
  return entries.some((e) => (e.version && normaliseVersion(e.version) === wanted) || named.test(`${e.description} ${e.dateText}`));
}

/**
 * Newest-last and newest-first are both common. Versions decide when entries carry them (they
 * rarely go backwards); otherwise most neighbouring dates decide, and a tie means oldest first.
 */
function historyRunsOldestFirst(dated: SopDocument['revisions']): boolean {
  const versioned = dated.filter((e) => e.version && /^\d+(\.\d+)*$/.test(normaliseVersion(e.version)));
  if (versioned.length >= 2) {
    const d = compareVersions(versioned[versioned.length - 1].version!, versioned[0].version!);
    if (d !== 0) return d > 0;
  }
  let up = 0;
  let down = 0;
  for (let i = 1; i < dated.length; i++) {
    if (dated[i].date! > dated[i - 1].date!) up++;
    else if (dated[i].date! < dated[i - 1].date!) down++;
  }
  return up >= down;
}

export const revisionHistory: RuleDefinition = {
  id: 'revision-history',
  description: 'Revision-history entries have readable dates, are in chronological order, and mention the front-matter version.',
  defaultSeverity: 'warning',
  fixable: false,
  check(doc, context) {
    const entries = doc.revisions;
    for (const entry of entries) {
      const ambiguous = entry.date ? undefined : ambiguousSlashedDate(entry.dateText);
      if (ambiguous) {
        const [a, b, y] = ambiguous.split(/[/.]/);
        context.report({ message: `Revision date '${ambiguous}' is ambiguous (day ${+a} or day ${+b}?); write it as ${y}-${b.padStart(2, '0')}-${a.padStart(2, '0')} or ${y}-${a.padStart(2, '0')}-${b.padStart(2, '0')}`, range: entry.range });
      } else if (!entry.date) {
        context.report({ message: `Revision entry has no date sopkit can read ('${quoteWords(entry.dateText)}'); write it as 2026-01-15 or January 15, 2026`, range: entry.range });
      }
    }
    const dated = entries.filter((e) => e.date);
    if (dated.length >= 2) {
      const ascending = historyRunsOldestFirst(dated);
      for (let i = 1; i < dated.length; i++) {
        const prev = dated[i - 1].date!;
        const cur = dated[i].date!;
        if (ascending ? cur < prev : cur > prev) {
          context.report({ message: `Revision entry dated ${cur} is out of order: it follows ${prev} in a history that runs ${ascending ? 'oldest first' : 'newest first'}`, range: dated[i].range });
        }
      }
    }
    const version = writtenVersion(doc);
    if (version && doc.revisionSection >= 0 && entries.length > 0) {
      if (!historyMentions(entries, version.text)) {
        const fix = revisionRowFix(doc, context.today, `[INSERT what changed in ${version.text}]`, version.text);
        context.report({ message: `Front matter says version ${version.text}, but the revision history has no entry for it`, range: version.range, suggestions: fix ? [fix] : undefined });
      }
    }
  },
};
