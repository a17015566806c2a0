/**
 * parse.ts switches a GFM construct on only when the text holds the character it starts with.
 * That is a speed measure and must never change a tree: compare against a processor with every
 * construct always on, over the CommonMark examples, GFM-heavy snippets and random text.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Processor } from 'unified';
import type { Root } from 'mdast';
import { parseMarkdown } from '../../../src/core/parse.js';

function allGfm(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}
const everythingOn = unified().use(remarkParse).use(allGfm).use(remarkFrontmatter, ['yaml']);

const same = (markdown: string): void => {
  assert.deepEqual(parseMarkdown(markdown), everythingOn.parse(markdown) as Root, JSON.stringify(markdown));
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
    ];
    for (const a of pieces) for (const b of pieces) same(`${a}\n${b}`);
  });

  it('gives the same tree for random Markdown-ish text', () => {
    const alphabet = fc.constantFrom('|', '-', ':', '[', ']', '^', '~', 'x', ' ', '\n', '#', '*', '1', '.', 'a', '`', '>', '\t');
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 120 }), (text) => { same(text); }), { numRuns: 600 });
  });
});
