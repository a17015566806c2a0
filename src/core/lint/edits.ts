/** Building blocks for fixes: which sections are missing, where a section goes, and text that fits the document's line endings. */
import { requiredSections, sectionCatalogue, type SectionInfo } from '../schema.js';
import { todayIso } from '../dates.js';
import type { TeamSchema } from '../options.js';
import type { Section, SopDocument, TextEdit } from '../types.js';
import { trailingLineBreaks } from '../text.js';

/** The document's line ending: CRLF, a lone CR (old Mac files) or LF, judged by its first line break. */
export function eol(text: string): string {
  const at = text.search(/[\r\n]/);
  if (at < 0 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}

export function withEol(text: string, snippet: string): string {
  return snippet.replace(/\r\n|\r|\n/g, eol(text));
}

/** Sections that name canonical parts, excluding a document-wide h1 (which contains everything). */
function recognised(doc: SopDocument): Section[] {
  return doc.sections.filter((s) => s.canonical.length > 0 && !s.canonical.includes('title') && s.heading.depth > 1);
}

export interface Placement {
  offset: number;
  depth: number;
  /** Title of the section the new one follows, or undefined when it goes first. */
  after?: string;
  /** Title of the section it goes before, when it does not follow one. */
  before?: string;
}

/** Where a missing canonical section belongs: after the last present section that precedes it in canonical order. */
export function placementFor(doc: SopDocument, sectionId: string, team?: TeamSchema): Placement {
  const catalogue = sectionCatalogue(team);
  const orderOf = (id: string) => catalogue.find((s) => s.id === id)?.order ?? 1000;
  const target = orderOf(sectionId);
  const present = recognised(doc);
  const headings = present.filter((s) => s.kind !== 'label');
  const depth = headings.length ? mostCommon(headings.map((s) => s.heading.depth)) : 2;
  const peers = present.filter((s) => s.heading.depth <= depth || (s.kind === 'label' && headings.length === 0));
  const before = peers.filter((s) => Math.min(...s.canonical.map(orderOf)) < target);
  const after = peers.filter((s) => Math.min(...s.canonical.map(orderOf)) > target);
  if (before.length) {
    const last = before.reduce((a, b) => (b.range.end.offset > a.range.end.offset ? b : a));
    // Never insert inside a later section that starts before `last` ends (out-of-order documents).
    return { offset: last.range.end.offset, depth, after: last.title };
  }
  if (after.length) {
    const first = after.reduce((a, b) => (b.range.start.offset < a.range.start.offset ? b : a));
    return { offset: first.range.start.offset, depth, before: first.title };
  }
  return { offset: doc.text.length, depth };
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

/** A schema section template (x-sop-sections[].template) with `{{today}}` filled in. */
export function fillSectionTemplate(template: string, today: string): string {
  return template.replace(/\{\{today\}\}/g, today);
}

export interface SectionToAdd {
  info: SectionInfo;
  /** Whether the schema requires it for the document's format. */
  required: boolean;
  /** The schema's starting content for it, `{{today}}` filled in, trimmed ('' when it has none). */
  body: string;
}

/** Every catalogue section the SOP has none of yet (the title aside), in catalogue order: what completion offers on a heading line. */
export function sectionsToAdd(doc: SopDocument, team?: TeamSchema, today = todayIso()): SectionToAdd[] {
  const present = new Set(doc.sections.flatMap((s) => s.canonical));
  if (doc.title) present.add('title');
  const required = new Set(requiredSections(doc.format, team));
  return sectionCatalogue(team)
    .filter((info) => info.id !== 'title' && !present.has(info.id))
    .map((info) => ({ info, required: required.has(info.id), body: fillSectionTemplate(info.template, today).trim() }));
}

/** An insertion of `block` at `offset` with exactly one blank line on each side. */
export function insertBlock(text: string, offset: number, block: string): TextEdit {
  // Never split a line: spaces that end the line at `offset` (a Markdown hard break) stay on it.
  let lineEnd = offset;
  while (text[lineEnd] === ' ' || text[lineEnd] === '\t') lineEnd++;
  if (lineEnd === text.length || text[lineEnd] === '\n' || text[lineEnd] === '\r') offset = lineEnd;
  const nl = eol(text);
  const before = text.slice(0, offset);
  const after = text.slice(offset);
  const trailing = trailingLineBreaks(before);
  const leading = /^(?:\r\n|\r|\n)*/.exec(after)![0].match(/\r\n|\r|\n/g)?.length ?? 0;
  const prefix = before.trim().length === 0 ? '' : nl.repeat(Math.max(0, 2 - trailing));
  const suffix = after.length === 0 ? (leading === 0 ? nl : '') : nl.repeat(Math.max(0, 2 - leading));
  return { offset, length: 0, text: prefix + withEol(text, block.trimEnd()) + suffix };
}

export function sectionInsertion(doc: SopDocument, info: SectionInfo, today: string, team?: TeamSchema): { edit: TextEdit; placement: Placement } {
  const placement = placementFor(doc, info.id, team);
  const heading = `${'#'.repeat(Math.min(6, Math.max(2, placement.depth)))} ${info.title}`;
  const template = fillSectionTemplate(info.template, today).trim();
  const block = template ? `${heading}\n\n${template}\n` : `${heading}\n`;
  return { edit: insertBlock(doc.text, placement.offset, block), placement };
}

/** Offset just after the front matter (or 0). */
export function afterFrontMatter(doc: SopDocument): number {
  if (!doc.frontMatter.present || !doc.frontMatter.range) return 0;
  const endLine = doc.frontMatter.range.end.line;
  return doc.lineStarts[endLine] ?? doc.text.length;
}
