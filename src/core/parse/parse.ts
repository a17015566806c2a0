/**
 * Text → mdast, once per document. GFM (tables, task lists) and YAML front matter are on; the
 * front matter is read with `yaml` so syntax errors keep their line and column.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Processor } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import { parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { Root, Yaml } from 'mdast';
import type { FrontMatter, FrontMatterKey, Range } from '../types.js';
import { explainYamlError } from './front-matter-errors.js';
import { rangeAt } from './positions.js';
import { limitNesting } from './nesting.js';
import { parseInPieces, type PieceCache } from './pieces.js';

/**
 * GFM as SOPs use it: tables, task lists, strikethrough and footnotes. Bare-URL autolinking is
 * left out on purpose: it was the costliest GFM part (a second walk over every text node) and an
 * SOP links with <https://…> or [text](url) anyway.
 *
 * Each construct is only switched on when the text holds the characters it needs: the table
 * construct is tried at the start of every line and strikethrough resolves every inline span, so
 * a document without "|" or "~" would pay for them for nothing. The tree is the same either way
 * (a construct cannot match without its character); processors are made once per combination.
 */
const GFM_PARTS = [
  // A table needs a delimiter row: with pipes, or for one column without them, with an aligning
  // colon ("x\n-:" is a table, "x\n--" is a heading).
  { needs: ['|', ':-', '-:'], micromark: gfmTable, fromMarkdown: gfmTableFromMarkdown },
  { needs: ['['], micromark: gfmTaskListItem, fromMarkdown: gfmTaskListItemFromMarkdown },
  { needs: ['~'], micromark: gfmStrikethrough, fromMarkdown: gfmStrikethroughFromMarkdown },
  { needs: ['[^'], micromark: gfmFootnote, fromMarkdown: gfmFootnoteFromMarkdown },
] as const;

function remarkSopGfm(this: Processor, mask: number) {
  const data = this.data();
  for (const [bit, part] of GFM_PARTS.entries()) {
    if (!(mask & (1 << bit))) continue;
    (data.micromarkExtensions ??= []).push(part.micromark());
    (data.fromMarkdownExtensions ??= []).push(part.fromMarkdown());
  }
}

const processors: Processor[] = [];

function processorFor(text: string): Processor {
  let mask = 0;
  for (const [bit, part] of GFM_PARTS.entries()) if (part.needs.some((marker) => text.includes(marker))) mask |= 1 << bit;
  return (processors[mask] ??= unified().use(remarkParse).use(remarkSopGfm, mask).use(remarkFrontmatter, ['yaml']).freeze() as unknown as Processor);
}

/**
 * Text → mdast. Texts over a few KB are parsed in pieces (pieces.ts); with a piece cache (the
 * editor keeps one per open document) a keystroke re-parses only the piece it touched.
 */
export function parseMarkdown(text: string, cache?: PieceCache): Root {
  // Same-length text, so positions in the tree are positions in `text` (see nesting.ts).
  return parseInPieces(limitNesting(text), (piece) => processorFor(piece).parse(piece) as Root, { cache });
}

/** The YAML limits that keep "billion laughs" front matter from expanding without bound. */
const YAML_TO_JS = { maxAliasCount: 50 } as const;

export function readFrontMatter(tree: Root, text: string, lineStarts: number[]): FrontMatter {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml' || !first.position) {
    return { present: false, data: null, keys: [], errors: [] };
  }
  const node = first as Yaml;
  const blockStart = node.position!.start.offset ?? 0;
  const blockEnd = node.position!.end.offset ?? blockStart;
  const range = rangeAt(lineStarts, blockStart, blockEnd);
  // The YAML content starts on the line after the opening fence.
  const contentStart = lineStarts[Math.min(range.start.line, lineStarts.length - 1)] ?? blockStart;
  const source = text.slice(contentStart, Math.max(contentStart, lineStarts[range.end.line - 1] ?? blockEnd));
  const result: FrontMatter = { present: true, data: null, range, keys: [], errors: [] };
  const toRange = (r: [number, number, number?] | undefined): Range =>
    r ? rangeAt(lineStarts, contentStart + r[0], contentStart + r[1]) : range;

  let doc;
  try {
    // The yaml package does not end lines at a lone CR (old Mac files); LF in its place keeps every offset.
    doc = parseDocument(source.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: true, maxAliasCount: 50, logLevel: 'error' } as never);
  } catch (error) {
    result.errors.push({ message: `Front matter could not be read: ${(error as Error).message}`, range });
    return result;
  }
  const yamlSource = source.replace(/\r(?!\n)/g, '\n');
  for (const error of doc.errors) {
    const explained = explainYamlError(yamlSource, error, cleanYamlMessage(error.message));
    // At least one character, but never a line break: a range ending between CR and LF is outside every line.
    let end = Math.max(explained.to, explained.from + 1);
    while (end > explained.from && (source[end - 1] === '\r' || source[end - 1] === '\n')) end--;
    const fix = explained.fix && { title: explained.fix.title, edits: [{ offset: contentStart + explained.fix.from, length: explained.fix.to - explained.fix.from, text: explained.fix.text }] };
    result.errors.push({ message: explained.message, range: toRange([explained.from, end]), ...(fix ? { fix } : {}) });
  }
  if (result.errors.length > 0) return result;
  if (doc.contents === null) {
    result.data = {};
    return result;
  }
  if (!isMap(doc.contents)) {
    result.errors.push({ message: 'Front matter must be a mapping of keys to values (for example "title: Returns and refunds").', range: toRange(doc.contents.range ?? undefined) });
    return result;
  }
  for (const pair of doc.contents.items) {
    const key = pair.key as YamlNode | null;
    const keyText = isScalar(key) ? String(key.value) : String(key);
    const value = pair.value as YamlNode | null;
    const keyRange = toRange(key?.range ?? undefined);
    result.keys.push({ key: keyText, keyRange, valueRange: value?.range ? toRange(value.range) : keyRange } satisfies FrontMatterKey);
  }
  try {
    const data = doc.toJS(YAML_TO_JS);
    result.data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch (error) {
    result.errors.push({ message: `Front matter could not be read: ${cleanYamlMessage((error as Error).message)}`, range });
  }
  return result;
}

function cleanYamlMessage(message: string): string {
  // `yaml` appends a code frame and position; the diagnostic already carries the position.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}
