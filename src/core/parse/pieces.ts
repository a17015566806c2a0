/**
 * Parsing a large document in independent pieces. micromark rebuilds its whole event list each
 * time a list or blockquote closes, so a document with thousands of lists is quadratic: a 1 MB
 * SOP took most of a minute, a 10 MB one far longer. A column-0 ATX heading that follows a blank
 * line always starts a new top-level block (no list, quote, paragraph or indented code continues
 * across it), so outside fenced code and multi-line HTML blocks the text can be cut there, each
 * piece parsed alone, and the trees joined with their positions shifted. Reference definitions
 * (`[x]: url`, footnotes) apply across the whole document, so a document that has any is parsed
 * in one piece.
 */
import type { Nodes, Root } from 'mdast';

/**
 * Documents shorter than this are parsed in one piece. Small pieces are faster even for ordinary
 * SOPs, since micromark's work per block grows with what is open before it, and they let the
 * editor re-parse only the piece a keystroke touched.
 */
export const CHUNKED_PARSE_THRESHOLD = 8 * 1024;
/** Roughly how long each piece is. */
export const CHUNK_TARGET = 4 * 1024;

/**
 * True when the text may hold a reference or footnote definition: a line that, after a byte-order
 * mark, indentation, block quote and list markers, opens a label whose first unescaped "]" (on
 * this or a later line) is followed by ":". A false yes only costs speed (the document is parsed
 * in one piece); a missed definition would turn references to it in other pieces into plain
 * text, so this errs wide: no limit on the label's length, no check of what the label holds.
 * Linear: the search for a label's end only ever moves forward (a later label that starts before
 * the "]" found for an earlier one ends at that same "]").
 */
export function mayHoldDefinition(text: string): boolean {
  if (!text.includes(']:')) return false;
  let close = -1;
  for (let start = 0; start < text.length; start = afterLineBreak(text, lineEnd(text, start))) {
    const open = afterContainerMarkers(text, start);
    if (text.charCodeAt(open) !== 0x5b /* [ */) continue;
    if (close <= open) {
      close = open + 1;
      while (close < text.length && text.charCodeAt(close) !== 0x5d /* ] */) close += text.charCodeAt(close) === 0x5c /* \ */ ? 2 : 1;
      if (close >= text.length) return false;
    }
    if (text.charCodeAt(close + 1) === 0x3a /* : */) return true;
  }
  return false;
}

/** Where the line starting at `from` ends (its line break, or the end of the text). */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The start of the next line, given where a line ends. */
function afterLineBreak(text: string, end: number): number {
  return end < text.length ? end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1) : end;
}

/** The offset after a line's byte-order mark, white space, ">" and list markers ("-", "*", "+", "1.", "1)"). */
function afterContainerMarkers(text: string, from: number): number {
  let i = from;
  for (;;) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '>' || ch === '\ufeff') { i++; continue; }
    let marker = i;
    if (ch === '-' || ch === '*' || ch === '+') marker = i + 1;
    else {
      while (marker < text.length && marker - i < 9 && text[marker] >= '0' && text[marker] <= '9') marker++;
      marker = marker > i && (text[marker] === '.' || text[marker] === ')') ? marker + 1 : i;
    }
    if (marker > i && (text[marker] === ' ' || text[marker] === '\t')) { i = marker; continue; }
    return i;
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_BLOCK_START: [RegExp, string][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i, '</'],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];

/** Offsets (line starts) where the text may be cut, about `target` characters apart. */
export function cutPoints(text: string, target: number): number[] {
  if (mayHoldDefinition(text)) return [];
  const cuts: number[] = [];
  // Front matter (even an unclosed one, which changes how the rest parses) is never cut.
  const frontMatter = /^(---|\+\+\+)[ \t]*(?:\r?\n|\r|$)/.exec(text);
  let fence: { char: string; length: number } | undefined = frontMatter ? { char: frontMatter[1][0], length: 3 } : undefined;
  let htmlEnd: string | undefined;
  let previousBlank = false;
  let last = 0;
  let start = frontMatter ? frontMatter[0].length : 0;
  while (start < text.length) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    const next = afterLineBreak(text, end);
    const blank = line.trim() === '';
    if (fence) {
      const m = FENCE.exec(line);
      const closes = fence.char === '-' || fence.char === '+' ? /^(---|\+\+\+)[ \t]*$/.test(line) && line[0] === fence.char : m && m[1][0] === fence.char && m[1].length >= fence.length && line.slice(m[0].length).trim() === '';
      if (closes) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd === '</' ? /<\/(script|pre|style|textarea)>/i.test(line) : line.includes(htmlEnd)) htmlEnd = undefined;
    } else {
      const m = FENCE.exec(line);
      if (m) {
        fence = { char: m[1][0], length: m[1].length };
      } else {
        const html = HTML_BLOCK_START.find(([pattern]) => pattern.test(line));
        if (html && !(html[1] === '</' ? /<\/(script|pre|style|textarea)>/i.test(line) : line.includes(html[1], 2))) htmlEnd = html[1];
        else if (previousBlank && /^#{1,6}(?:[ \t]|$)/.test(line) && start - last >= target) {
          cuts.push(start);
          last = start;
        }
      }
    }
    previousBlank = blank;
    start = next;
  }
  return cuts;
}

/**
 * Trees of the pieces of the last parse of one document, keyed by the piece's text. The editor
 * keeps one per open document: after a keystroke only the piece that changed is parsed again, the
 * others are copied from here with their positions moved (a copy is far cheaper than a parse).
 */
export interface PieceCache {
  trees: Map<string, Root>;
}

export function createPieceCache(): PieceCache {
  return { trees: new Map() };
}

export interface PieceOptions {
  /** Roughly how long each piece is. */
  target?: number;
  /** Texts shorter than this are parsed in one piece. */
  threshold?: number;
  /** Reuse the pieces of the last parse of the same document. */
  cache?: PieceCache;
}

/** Parses `text` with `parse`, in pieces when it is long; positions refer to the whole text. */
export function parseInPieces(text: string, parse: (piece: string) => Root, { target = CHUNK_TARGET, threshold = CHUNKED_PARSE_THRESHOLD, cache }: PieceOptions = {}): Root {
  const cuts = text.length < threshold ? [] : cutPoints(text, target);
  if (cuts.length === 0) {
    if (cache) cache.trees = new Map();
    return withBomOffsets(text, parse(text));
  }
  const used = new Map<string, Root>();
  // Cached trees are shared between parses, so they are copied (and moved) rather than moved in place.
  const parsePiece = (piece: string): Root => {
    const tree = cache?.trees.get(piece) ?? used.get(piece) ?? parse(piece);
    if (cache) used.set(piece, tree);
    return tree;
  };
  const place = (tree: Root, lines: number, offset: number, firstLineColumns = 0): Root => {
    if (cache) return copyShifted(tree, lines, offset, firstLineColumns);
    shift(tree, lines, offset, firstLineColumns);
    return tree;
  };
  const root: Root = { type: 'root', children: [] };
  const bounds = [...cuts, text.length];
  let lineDelta = 0;
  let from = 0;
  for (let k = 0; k < bounds.length; k++) {
    let piece = text.slice(from, bounds[k]);
    let tree = parsePiece(piece);
    // The scan can misjudge an ambiguous line; a piece whose parse ends inside an open fence or
    // HTML block is joined with the next one, so the tree is always the whole-document tree.
    while (k + 1 < bounds.length && endsOpen(tree, piece)) {
      k++;
      piece = text.slice(from, bounds[k]);
      tree = parsePiece(piece);
    }
    if (from > 0) tree = place(tree, lineDelta, from);
    else if (piece.charCodeAt(0) === 0xfeff) tree = place(tree, 0, 1, 1);
    else if (cache) tree = copyShifted(tree, 0, 0);
    for (const child of tree.children) root.children.push(child);
    lineDelta += countLineBreaks(piece);
    from = bounds[k];
  }
  if (cache) cache.trees = used;
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) };
  return root;
}

/**
 * True when the last block of `piece` is a fenced code or HTML block that is still open at the
 * end — also inside a list item or quote ("- <!-- note" at the end of a piece runs to the piece's
 * end, where in the whole text the container, and the block with it, ends at the next heading).
 */
function endsOpen(tree: Root, piece: string): boolean {
  let last: Nodes | undefined = tree.children[tree.children.length - 1];
  while (last && (last.type === 'list' || last.type === 'listItem' || last.type === 'blockquote' || last.type === 'footnoteDefinition')) {
    last = last.children[last.children.length - 1];
  }
  if (!last?.position || (last.type !== 'code' && last.type !== 'html')) return false;
  const source = piece.slice(last.position.start.offset ?? 0, last.position.end.offset ?? piece.length);
  const lines = source.split(/\r\n|\r|\n/);
  if (last.type === 'code') {
    const open = FENCE.exec(lines[0]);
    if (!open) return false;
    const close = lines.length > 1 ? FENCE.exec(lines[lines.length - 1]) : null;
    return !(close && close[1][0] === open[1][0] && close[1].length >= open[1].length && lines[lines.length - 1].slice(close[0].length).trim() === '');
  }
  const html = HTML_BLOCK_START.find(([pattern]) => pattern.test(lines[0]));
  if (!html) return false;
  const rest = source.slice(lines[0].indexOf('<') + 2);
  return html[1] === '</' ? !/<\/(script|pre|style|textarea)>/i.test(source) : !rest.includes(html[1]);
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) count++;
    else if (ch === 13) { count++; if (text.charCodeAt(i + 1) === 10) i++; }
  }
  return count;
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) lineStart = i + 1;
  }
  return { line: countLineBreaks(text) + 1, column: text.length - lineStart + 1, offset: text.length };
}

/**
 * micromark drops a leading byte-order mark and counts from the character after it; sopkit's
 * offsets and columns count the mark (it is in the editor's text), so move them by one.
 */
function withBomOffsets(text: string, tree: Root): Root {
  if (text.charCodeAt(0) === 0xfeff) shift(tree, 0, 1, 1);
  return tree;
}

type Point = { line: number; column: number; offset?: number };

/** `point` moved down by `lines` lines and `offset` characters; a point on line 1 also right by `firstLineColumns`. */
function movePoint(point: Point, lines: number, offset: number, firstLineColumns: number): Point {
  return { line: point.line + lines, column: point.column + (point.line === 1 ? firstLineColumns : 0), offset: point.offset === undefined ? undefined : point.offset + offset };
}

/** Moves every position in `tree` in place (iteratively: trees can be deep). */
function shift(tree: Root, lines: number, offset: number, firstLineColumns = 0): void {
  const stack: Nodes[] = [...tree.children];
  while (stack.length) {
    const node = stack.pop()!;
    // New objects: a point object may be shared between nodes and must move only once.
    if (node.position) node.position = { start: movePoint(node.position.start, lines, offset, firstLineColumns), end: movePoint(node.position.end, lines, offset, firstLineColumns) };
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
}

/** A copy of `tree` with every position moved as shift() moves them; `tree` is left as it was. */
function copyShifted(tree: Root, lines: number, offset: number, firstLineColumns = 0): Root {
  const root: Root = { ...tree, children: [] };
  // Iteratively: trees can be deep. Each entry copies one source child list into a target list.
  const stack: Array<{ from: Nodes[]; to: Nodes[] }> = [{ from: tree.children as Nodes[], to: root.children as Nodes[] }];
  while (stack.length) {
    const { from, to } = stack.pop()!;
    for (const node of from) {
      const copy = { ...node } as Nodes;
      if (node.position) copy.position = { start: movePoint(node.position.start, lines, offset, firstLineColumns), end: movePoint(node.position.end, lines, offset, firstLineColumns) };
      if ('children' in node) {
        const children: Nodes[] = [];
        (copy as { children: Nodes[] }).children = children;
        stack.push({ from: node.children as Nodes[], to: children });
      }
      to.push(copy);
    }
  }
  return root;
}
