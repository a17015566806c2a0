/**
 * FAQ view: an index of questions, a filter box, and each question as a collapsible
 * `<details>` whose id is the question's slug, so `#slug` links open it directly.
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { FaqPair, SopDocument } from '../../types.js';
import { overlaps, type Block, type Piece } from '../blocks.js';
import { markdownToHast, type ImageResolver } from '../markdown.js';

function questionBlockIndex(blocks: Block[], pair: FaqPair): number {
  const start = pair.questionRange.start.offset;
  // The first block that ends (counting an empty one as one character) after the question starts,
  // found by bisection: blocks are in document order and do not overlap, so those ends only grow.
  // (A scan per question was quadratic: 10,000 questions took 10^8 steps.)
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Math.max(blocks[mid].end, blocks[mid].start + 1) > start) hi = mid;
    else lo = mid + 1;
  }
  const index = lo < blocks.length && blocks[lo].start <= start ? lo : -1;
  if (index < 0) return -1;
  const block = blocks[index];
  // Only a block that *is* the question (a heading or a paragraph) can become the summary.
  return block.node.type === 'heading' || block.node.type === 'paragraph' ? index : -1;
}

export function faqPieces(doc: SopDocument, blocks: Block[], resolveImage?: ImageResolver): Piece[] {
  const replaced = new Map<number, { pair: FaqPair; answerBlocks: number[] }>();
  const consumed = new Set<number>();
  for (const pair of doc.faq) {
    const q = questionBlockIndex(blocks, pair);
    if (q < 0 || consumed.has(q)) continue;
    const answerBlocks: number[] = [];
    if (pair.answerRange) {
      const { start, end } = { start: pair.answerRange.start.offset, end: pair.answerRange.end.offset };
      for (let i = q + 1; i < blocks.length && blocks[i].start < end; i++) {
        if (overlaps(blocks[i], start, end) && blocks[i].node.type !== 'heading') answerBlocks.push(i);
      }
    }
    replaced.set(q, { pair, answerBlocks });
    consumed.add(q);
    answerBlocks.forEach((i) => consumed.add(i));
  }

  const pieces: Piece[] = [];
  blocks.forEach((block, index) => {
    const entry = replaced.get(index);
    if (entry) {
      pieces.push({ kind: 'hast', content: [faqEntry(entry.pair, entry.answerBlocks.map((i) => blocks[i]), resolveImage)] });
    } else if (!consumed.has(index)) {
      pieces.push({ kind: 'markdown', node: block.node });
    }
  });
  return pieces;
}

function faqEntry(pair: FaqPair, answer: Block[], resolveImage?: ImageResolver): ElementContent {
  let body = markdownToHast(answer.map((b) => b.node), resolveImage);
  stripAnswerLabel(body);
  if (body.length === 0) {
    body = [pair.answer ? h('p', { dataLine: pair.answerRange?.start.line }, pair.answer) : h('p.sop-missing', 'No answer written yet.')];
  }
  return h('details.sop-faq-entry', { id: pair.slug, dataLine: pair.questionRange.start.line }, [
    h('summary.sop-faq-question', { dataLine: pair.questionRange.start.line }, pair.question),
    h('div.sop-faq-answer', [...body, h('a.sop-faq-permalink', { href: `#${pair.slug}` }, 'Link to this question')]),
  ]);
}

/** "A:" / "Answer:" is a label the collapsible layout already makes clear. */
function stripAnswerLabel(body: ElementContent[]): void {
  const first = body.find((node) => node.type === 'element');
  if (!first || first.type !== 'element' || first.tagName !== 'p') return;
  const text = first.children[0];
  if (text?.type === 'text') text.value = text.value.replace(/^\s*(?:A|Answer)\s*(?:\d+\s*)?[:.]\s*/i, '');
}

export function faqToolbar(doc: SopDocument): ElementContent[] {
  if (doc.faq.length === 0) return [h('p.sop-missing', 'No questions found. Write each question as a heading ending in "?" or a line starting "Q:".')];
  return [
    h('div.sop-toolbar.sop-faq-toolbar', [
      h('label.sop-faq-filter-label', [
        h('span', 'Filter questions'),
        h('input.sop-faq-filter', { type: 'search', placeholder: 'Type words from a question or answer', autocomplete: 'off' }),
      ]),
      h('span.sop-faq-count', { ariaLive: 'polite' }, `${doc.faq.length} of ${doc.faq.length} questions`),
    ]),
    h('nav.sop-faq-index', { ariaLabel: 'Questions' }, [
      h('ol', doc.faq.map((pair) => h('li.sop-faq-index-item', { dataSlug: pair.slug }, [h('a', { href: `#${pair.slug}` }, pair.question)]))),
    ]),
    h('p.sop-faq-empty', { hidden: true }, 'No question matches the filter.'),
  ];
}
