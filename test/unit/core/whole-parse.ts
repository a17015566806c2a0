/** A reference parser for tests: no pieces, no switching constructs on and off. */
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
import assert from 'node:assert/strict';

function allGfm(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}
/** sopkit's Markdown dialect parsed whole, every GFM part always on: what parse.ts must equal. */
export const everythingOn = unified().use(remarkParse).use(allGfm).use(remarkFrontmatter, ['yaml']);


/**
 * Trees equal as sopkit uses them. The root is compared by its children and position only:
 * mdast-util-gfm-task-list-item sets `checked` on the root when "[ ] " opens a paragraph right
 * after an empty list item, and a root stitched from pieces (parse/pieces.ts) does not carry that.
 */
export function assertSameTree(actual: Root, expected: Root, message?: string): void {
  const root = (tree: Root) => ({ type: tree.type, children: tree.children, position: tree.position });
  assert.deepEqual(root(actual), root(expected), message);
}
