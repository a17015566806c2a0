/**
 * "Give this content its canonical heading": for a part the document serves by its content alone
 * (an opening purpose statement, a "See …" line, a task list under another heading), a fix that
 * inserts the part's heading above it — `## Purpose` over "This SOP describes how…". Offered by
 * the editor as a code action and by the CLI (`sopkit lint --fix --canonical-headings`); never a
 * finding, because the part is present.
 */
import { sectionCatalogue } from '../schema.js';
import type { TeamSchema } from '../options.js';
import type { Fix, PartRecognition, Range, SopDocument } from '../types.js';
import { withEol } from './edits.js';

export interface CanonicalHeadingFix {
  part: string;
  /** Where the content that serves the part is. */
  range: Range;
  fix: Fix;
}

/** The heading level the document's sections use: one below the title heading, 2 by default. */
function sectionDepth(doc: SopDocument): number {
  const titled = doc.title?.source === 'heading' ? doc.sections.find((s) => s.heading.range.start.offset === doc.title!.range.start.offset) : undefined;
  if (titled) return Math.min(6, titled.heading.depth + 1);
  const depths = doc.sections.filter((s) => s.kind !== 'label').map((s) => s.heading.depth);
  return depths.length ? Math.max(2, Math.min(...depths)) : 2;
}

export function canonicalHeadingFixes(doc: SopDocument, team?: TeamSchema): CanonicalHeadingFix[] {
  const catalogue = sectionCatalogue(team);
  const depth = sectionDepth(doc);
  const out: CanonicalHeadingFix[] = [];
  const offsets = new Set<number>();
  for (const part of doc.parts) {
    if (!servedByContentAlone(part)) continue;
    const info = catalogue.find((s) => s.id === part.part);
    if (!info) continue;
    // Insert at the start of the line, so the heading stands on its own line above the content.
    const offset = doc.lineStarts[part.range.start.line - 1] ?? part.range.start.offset;
    if (offsets.has(offset)) continue;
    offsets.add(offset);
    const heading = `${'#'.repeat(depth)} ${info.title}\n\n`;
    out.push({ part: part.part, range: part.range, fix: { title: `Give this content its canonical heading '${info.title}'`, edits: [{ offset, length: 0, text: withEol(doc.text, heading) }] } });
  }
  return out;
}

/** Content in the body (not front matter, not a heading already): the parts a heading would make explicit. */
function servedByContentAlone(part: PartRecognition): boolean {
  return part.how === 'content' && part.section === undefined && part.part !== 'title';
}
