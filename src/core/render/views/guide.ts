/**
 * Guide view: the process steps as numbered cards, each with its images. Everything else in the
 * document (purpose, scope, references…) is rendered as written around the cards.
 */
import { h } from 'hastscript';
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
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
  const first = nodes[0];
  if (step.kind !== 'heading' && first?.type === 'paragraph') {
    const rest = afterFirstLine(first);
    return rest ? [rest, ...nodes.slice(1)] : nodes.slice(1);
  }
  return nodes;
}

/** The paragraph without its first line (the step's title), or undefined when it has one line only. */
function afterFirstLine(paragraph: Paragraph): Paragraph | undefined {
  const children = paragraph.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'break') return rebuild(paragraph, children.slice(i + 1));
    if (child.type === 'text' && child.value.includes('\n')) {
      const tail = child.value.slice(child.value.indexOf('\n') + 1);
      return rebuild(paragraph, [...(tail ? [{ ...child, value: tail }] : []), ...children.slice(i + 1)]);
    }
  }
  return undefined;
}

function rebuild(paragraph: Paragraph, children: PhrasingContent[]): Paragraph | undefined {
  return children.length ? { ...paragraph, children } : undefined;
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
