/**
 * The document as a flat run of top-level blocks, which each view may replace by its own
 * structure (FAQ entries, step cards, a revision table), then nested into `<section>`s by heading.
 */
import { h } from 'hastscript';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Element, ElementContent } from 'hast';
import type { SopDocument } from '../types.js';
import { markdownToHast, type ImageResolver } from './markdown.js';

export interface Block {
  node: RootContent;
  start: number;
  end: number;
  line: number;
}

/** A view's output: document Markdown still to convert, or finished (trusted) hast. */
export type Piece = { kind: 'markdown'; node: RootContent } | { kind: 'hast'; content: ElementContent[] };

export function documentBlocks(doc: SopDocument): Block[] {
  const titleOffset = doc.title?.source === 'heading' ? doc.title.range.start.offset : -1;
  const titleText = doc.title?.text.trim().toLowerCase();
  let titleSkipped = false;
  const blocks: Block[] = [];
  for (const node of doc.tree.children) {
    if (node.type === 'yaml' || !node.position) continue;
    const start = node.position.start.offset ?? 0;
    // The title is shown in the header card; its heading (or an H1 repeating it) is not repeated.
    const isTitle = node.type === 'heading' && !titleSkipped
      && ((start <= titleOffset && titleOffset < (node.position.end.offset ?? start)) || (node.depth === 1 && toString(node).trim().toLowerCase() === titleText));
    if (isTitle) { titleSkipped = true; continue; }
    blocks.push({ node, start, end: node.position.end.offset ?? start, line: node.position.start.line });
  }
  return blocks;
}

export function overlaps(block: { start: number; end: number }, start: number, end: number): boolean {
  return block.start < end && start < block.end;
}

/** Converts pieces to hast, batching consecutive Markdown so footnotes and lists stay whole. */
export function piecesToHast(pieces: Piece[], resolveImage?: ImageResolver): ElementContent[] {
  const out: ElementContent[] = [];
  let pending: RootContent[] = [];
  const flush = (): void => {
    // A loop, not push(...): a 10 MB document has more blocks than a call may take arguments.
    if (pending.length) for (const node of markdownToHast(pending, resolveImage)) out.push(node);
    pending = [];
  };
  for (const piece of pieces) {
    if (piece.kind === 'markdown') pending.push(piece.node);
    else {
      flush();
      out.push(...piece.content);
    }
  }
  flush();
  return out;
}

const HEADING = /^h([1-6])$/;

function headingDepth(node: ElementContent): number {
  if (node.type !== 'element') return 0;
  const m = HEADING.exec(node.tagName);
  return m ? Number(m[1]) : 0;
}

/** Nests content into `<section>` elements: each heading owns what follows until a heading of the same or higher level. */
export function sectionize(content: ElementContent[]): ElementContent[] {
  const root: ElementContent[] = [];
  const stack: { depth: number; section: Element }[] = [];
  for (const node of content) {
    const depth = headingDepth(node);
    if (depth > 0) {
      while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
      const heading = node as Element;
      const section = h('section.sop-section', { dataLine: heading.properties.dataLine, dataDepth: depth }, [heading]);
      (stack.length ? stack[stack.length - 1].section.children : root).push(section);
      stack.push({ depth, section });
    } else if (node.type === 'text' && node.value.trim() === '') {
      continue;
    } else {
      (stack.length ? stack[stack.length - 1].section.children : root).push(node);
    }
  }
  return root;
}

/** Visits every element (depth first); return false from the visitor to skip its children. */
export function walkElements(nodes: ElementContent[], visit: (el: Element) => boolean | void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (visit(node) === false) continue;
    walkElements(node.children, visit);
  }
}

export function hasClass(el: Element, name: string): boolean {
  const cls = el.properties.className;
  return Array.isArray(cls) && cls.includes(name);
}

export function addClass(el: Element, name: string): void {
  const cls = Array.isArray(el.properties.className) ? el.properties.className : [];
  if (!cls.includes(name)) el.properties.className = [...cls, name];
}

/** Plain text of a hast subtree (for labels and filters). */
export function textOf(nodes: ElementContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') out += textOf(node.children);
  }
  return out;
}
