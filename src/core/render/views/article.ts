/**
 * The revision history as a table (date, version, change, author), whatever way the author
 * wrote it: a list of dated lines becomes the same table a written table would.
 */
import { h } from 'hastscript';
import type { SopDocument } from '../../types.js';
import { overlaps, type Block, type Piece } from '../blocks.js';

export function revisionTablePieces(doc: SopDocument, blocks: Block[], pieces: Piece[]): Piece[] {
  const section = doc.sections[doc.revisionSection];
  if (!section || doc.revisions.length === 0) return pieces;
  const { start, end } = { start: section.bodyRange.start.offset, end: section.bodyRange.end.offset };
  const inside = new Set(blocks.filter((b) => overlaps(b, start, end) && b.node.type !== 'heading').map((b) => b.node));
  if ([...inside].some((node) => node.type === 'table')) return pieces;
  const hasVersion = doc.revisions.some((r) => r.version);
  const hasAuthor = doc.revisions.some((r) => r.author);
  const table = h('table.sop-revisions', { dataLine: doc.revisions[0].range.start.line }, [
    h('thead', [h('tr', [h('th', 'Date'), hasVersion ? h('th', 'Version') : '', h('th', 'Change'), hasAuthor ? h('th', 'Author') : ''])]),
    h('tbody', doc.revisions.map((r) => h('tr', { dataLine: r.range.start.line }, [
      h('td', r.date && r.datePrecision === 'day' ? r.date : r.dateText),
      hasVersion ? h('td', r.version ?? '') : '',
      h('td', r.description),
      hasAuthor ? h('td', r.author ?? '') : '',
    ]))),
  ]);
  const out: Piece[] = [];
  let placed = false;
  for (const piece of pieces) {
    if (piece.kind === 'markdown' && inside.has(piece.node)) {
      if (!placed) out.push({ kind: 'hast', content: [table] });
      placed = true;
    } else out.push(piece);
  }
  return out;
}
