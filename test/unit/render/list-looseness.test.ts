/**
 * The preview judges each list's looseness once (markdown.ts) instead of once per item as
 * mdast-util-to-hast does. That is a speed measure and must never change the HTML: compare with
 * the library's own handler over every CommonMark example and generated SOP-shaped documents.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { parseMarkdown } from '../../../src/core/parse/parse.js';
import { toHastHandlers } from '../../../src/core/render/markdown.js';
import { lint } from '../../../src/core/lint/lint.js';
import { renderSopBody } from '../../../src/core/render/index.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { sopDocument } from '../reliability/arbitraries.js';

const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };

function same(markdown: string): void {
  const tree = parseMarkdown(markdown);
  const ours = toHtml(toHast(tree, { allowDangerousHtml: true, handlers: toHastHandlers }), { allowDangerousHtml: true });
  const library = toHtml(toHast(tree, { allowDangerousHtml: true }), { allowDangerousHtml: true });
  assert.equal(ours, library, JSON.stringify(markdown));
}

describe('render: list looseness judged once per list', () => {
  it('gives the same HTML as the library for every CommonMark example', () => {
    for (const example of spec.tests) same(example.markdown);
  });

  it('gives the same HTML for tight, loose, mixed and nested lists and task lists', () => {
    const lists = [
      '- a\n- b\n', '- a\n\n- b\n', '- a\n- b\n\n- c\n', '- a\n\n  more\n- b\n', '- a\n  - b\n\n  - c\n',
      '1. a\n2. b\n', '- [ ] a\n- [x] b\n', '- [ ] a\n\n- [x] b\n', '-\n- b\n', '- > q\n- b\n', '- a\n  ```\n  x\n  ```\n',
    ];
    for (const a of lists) for (const b of lists) same(`${a}\n${b}`);
  });

  it('gives the same HTML for generated SOP-shaped documents (200 runs)', () => {
    fc.assert(fc.property(sopDocument, (text) => { same(text); }), { numRuns: 200 });
  });

  it('judges a list afresh when it changed between two renders (found by a reviewer)', () => {
    const tree = parseMarkdown('- a\n- b\n');
    const render = () => toHtml(toHast(tree, { handlers: toHastHandlers }));
    const tight = render();
    const list = tree.children[0] as import('mdast').List;
    list.children[0].children.push({ type: 'paragraph', children: [{ type: 'text', value: 'more' }] });
    assert.notEqual(render(), tight);
    assert.equal(render(), toHtml(toHast(tree)));
  });

  it('renders a 3,000-item checklist with each item tight, as the library would', () => {
    const text = `---\nformat: checklist\n---\n# List\n\n## Items\n\n${Array.from({ length: 3000 }, (_, i) => `- [ ] item ${i}`).join('\n')}\n`;
    const html = renderSopBody(buildSopDocument(text), { lint: lint(text).messages });
    assert.match(html, /item 2999/);
    assert.doesNotMatch(html, /<li[^>]*>\s*<p>/);
  });
});
