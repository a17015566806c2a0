/**
 * parse.ts switches a GFM construct on only when the text holds the character it starts with.
 * That is a speed measure and must never change a tree: compare against a processor with every
 * construct always on, over the CommonMark examples, GFM-heavy snippets and random text.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../../src/core/parse/parse.js';
import { assertSameTree, everythingOn } from './whole-parse.js';
import { sopDocument } from '../reliability/arbitraries.js';

const same = (markdown: string): void => {
  assertSameTree(parseMarkdown(markdown), everythingOn.parse(markdown) as Root, JSON.stringify(markdown));
};

const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };

describe('parse: GFM constructs switched on by their characters', () => {
  it('gives the same tree as every construct always on, for every CommonMark example', () => {
    for (const example of spec.tests) same(example.markdown);
  });

  it('gives the same tree for tables, task lists, strikethrough and footnotes, alone and mixed', () => {
    const pieces = [
      '| Date | Change |\n| --- | --- |\n| 2026-01-01 | First |\n',
      '- [ ] open\n- [x] done\n',
      'A ~~struck~~ word and ~one~ more.\n',
      'A note[^1].\n\n[^1]: The footnote.\n',
      '---\ntitle: T\n---\n# T\n',
      'Plain text with [a link](https://example.invalid) and no GFM at all.\n',
      // One-column tables need no pipe: an aligning colon in the delimiter row is enough.
      'Header\n-:\nrow\n', '> Quoted\n> :-:\n', '- item\n  :-\n', 'Setext\n--\n',
    ];
    for (const a of pieces) for (const b of pieces) same(`${a}\n${b}`);
  });

  it('gives the same tree for random Markdown-ish text', () => {
    const alphabet = fc.constantFrom('|', '-', ':', '[', ']', '^', '~', 'x', ' ', '\n', '#', '*', '1', '.', 'a', '`', '>', '\t');
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 120 }), (text) => { same(text); }), { numRuns: Number(process.env.SOPKIT_GATING_RUNS ?? 3000) });
  });

  it('gives the same tree for generated SOPs long enough to be parsed in pieces (100 runs)', () => {
    fc.assert(fc.property(fc.array(sopDocument, { minLength: 4, maxLength: 10 }), (docs) => {
      same(docs.join('\n\n# Next part\n\n'));
    }), { numRuns: 100 });
  });
});
