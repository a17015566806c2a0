/**
 * Regression tests for the nesting guard (src/core/parse/nesting.ts) and the renderer's fallback for
 * too-deep raw HTML: inputs that used to overflow the stack or take minutes.
 */
import assert from 'node:assert/strict';
import { limitNesting, MAX_CONTAINER_MARKERS, MAX_DELIMITER_RUN, MAX_PREFIX_COLUMNS } from '../../../src/core/parse/nesting.js';
import { parseMarkdown } from '../../../src/core/parse/parse.js';
import { lint } from '../../../src/core/lint/lint.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { renderSopBody } from '../../../src/core/render/index.js';
import type { Nodes, Root } from 'mdast';
import { resultProblems, TODAY } from './helpers.js';

/** Deepest nesting of container nodes (iterative: the trees here are too deep for recursion). */
function depth(tree: Root, types = ['blockquote', 'list', 'emphasis', 'strong', 'linkReference', 'link']): number {
  let max = 0;
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    const here = types.includes(node.type) ? d + 1 : d;
    max = Math.max(max, here);
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push([child, here]);
  }
  return max;
}

describe('reliability: nesting guard', () => {
  it('leaves ordinary Markdown untouched (the same string)', () => {
    const text = '# T\n\n> quote\n> > nested\n\n1. one\n   - two\n     - [ ] three\n\n**bold** _em_ [link](x) ~~gone~~\n\n***\n';
    assert.equal(limitNesting(text), text);
  });

  it('keeps the length, so every offset in the tree is an offset in the source', () => {
    for (const text of ['>'.repeat(10_000) + ' hi', '- '.repeat(10_000) + 'x', '*'.repeat(9_000) + 'x' + '*'.repeat(9_000), `${' '.repeat(500)}- deep\r\n${'['.repeat(300)}`]) {
      assert.equal(limitNesting(text).length, text.length);
    }
  });

  it('caps blockquote depth: 10,000 ">" parse to at most the limit (used to overflow the stack in lint)', () => {
    const text = '>'.repeat(10_000) + ' hi';
    assert.ok(depth(parseMarkdown(text), ['blockquote']) <= MAX_CONTAINER_MARKERS);
    assert.deepEqual(resultProblems(text, lint(text, { today: TODAY })), []);
  });

  it('caps list depth from markers and from indentation', () => {
    assert.ok(depth(parseMarkdown('- '.repeat(10_000) + 'x'), ['list']) <= MAX_CONTAINER_MARKERS);
    const indented = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n');
    const lists = depth(parseMarkdown(indented), ['list']);
    assert.ok(lists <= MAX_PREFIX_COLUMNS / 2 + 1, `list depth ${lists}`);
    assert.ok(lists >= 40, `real nesting is kept (depth ${lists})`);
  });

  it('caps emphasis built from long delimiter runs (used to take minutes and overflow the renderer)', () => {
    const text = '*'.repeat(20_000) + 'x' + '*'.repeat(20_000);
    assert.ok(depth(parseMarkdown(text), ['emphasis', 'strong']) <= MAX_DELIMITER_RUN);
    const html = renderSopBody(buildSopDocument(text), { today: TODAY });
    assert.match(html, /<p data-line="1">\*{64}/, 'the first 64 delimiters stay as written');
  });

  it('renders 5,000 nested raw <div> as a short notice instead of throwing', () => {
    const text = `# Deep\n\n${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)}\n`;
    const html = renderSopBody(buildSopDocument(text), { today: TODAY });
    assert.match(html, /nested too deeply to display/);
  });
});
