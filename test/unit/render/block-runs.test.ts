/**
 * markdownToHast converts long runs of independent blocks in slices (a speed measure against a
 * quadratic lookup in mdast-util-to-hast). It must give exactly what one call gives.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdown } from '../../../src/core/parse/parse.js';
import { markdownToHast, RENDER_RUNS } from '../../../src/core/render/markdown.js';
import { sopDocument } from '../reliability/arbitraries.js';

function inRunsOf(size: number, markdown: string) {
  const saved = RENDER_RUNS.blocksPerRun;
  RENDER_RUNS.blocksPerRun = size;
  try {
    return markdownToHast(parseMarkdown(markdown).children.filter((node) => node.type !== 'yaml'));
  } finally {
    RENDER_RUNS.blocksPerRun = saved;
  }
}

describe('render: independent blocks converted in runs', () => {
  it('gives the same hast as one call (generated documents, 200 runs)', () => {
    fc.assert(fc.property(fc.array(sopDocument, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (docs, size) => {
      const text = docs.join('\n\n');
      assert.deepEqual(inRunsOf(size, text), inRunsOf(Number.POSITIVE_INFINITY, text));
    }), { numRuns: 200 });
  });

  it('keeps raw HTML, definitions and footnotes in one call (their blocks depend on each other)', () => {
    for (const text of [
      '<details>\n\ntext\n\n</details>\n\nafter\n',
      '[x]\n\npara\n\n[x]: https://example.invalid\n',
      'A note[^1].\n\nmiddle\n\n[^1]: The footnote.\n',
    ]) assert.deepEqual(inRunsOf(1, text), inRunsOf(Number.POSITIVE_INFINITY, text), JSON.stringify(text));
  });
});
