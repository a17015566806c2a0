/**
 * Guide view: the process steps as numbered cards, each with its images. Everything else in the
 * document (purpose, scope, references…) is rendered as written around the cards.
 */
import { h } from 'hastscript';
import type { RootContent } from 'mdast';
import type { SopDocument, Step } from '../../types.js';
import { overlaps, type Block, type Piece } from '../blocks.js';
import { markdownToHast, type ImageResolver } from '../markdown.js';

/** The step's own content without the line that carries its number and title. */
function cardBody(step: Step): RootContent[] {
  const start = step.range.start.offset;
  const nodes = (step.body as RootContent[]).filter((node) => {
    const at = node.position?.start.offset;
    return !(node.type === 'heading' && at === start);
  });
  if (step.kind === 'list-item' && nodes[0]?.type === 'paragraph') return nodes.slice(1);
  return nodes;
}

function stepCard(step: Step, resolveImage?: ImageResolver) {
  const number = step.number ?? step.ordinal;
  return h('li.sop-step-card', { dataLine: step.range.start.line, id: `step-${number}` }, [
    h('div.sop-step-number', { ariaHidden: 'true' }, String(number)),
    h('div.sop-step-content', [
      h('h3.sop-step-title', { dataLine: step.range.start.line }, [h('span.sop-visually-hidden', `Step ${number}: `), step.title]),
      ...markdownToHast(cardBody(step), resolveImage),
    ]),
  ]);
}

export function guidePieces(doc: SopDocument, blocks: Block[], resolveImage?: ImageResolver): Piece[] {
  const pieces: Piece[] = [];
  const emitted = new Set<number>();
  for (const block of blocks) {
    const covering = doc.steps.filter((step) => overlaps(block, step.range.start.offset, step.range.end.offset));
    if (covering.length === 0) {
      pieces.push({ kind: 'markdown', node: block.node });
      continue;
    }
    // The first block of a step emits its card; the step's later blocks are inside the card already.
    const fresh = covering.filter((step) => !emitted.has(step.ordinal));
    if (fresh.length === 0) continue;
    fresh.forEach((step) => emitted.add(step.ordinal));
    pieces.push({ kind: 'hast', content: [h('ol.sop-step-cards', { start: fresh[0].ordinal }, fresh.map((step) => stepCard(step, resolveImage)))] });
  }
  return pieces;
}
