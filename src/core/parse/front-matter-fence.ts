/**
 * Where front matter ends, read off the lines alone, for decisions that must hold while the YAML
 * is half typed (completion, where a disable comment may go): line 1 is `---`, and the block
 * closes at the next `---` or `...` line.
 */

/** A `---` on line 1 of a long document may be a thematic break: the closing fence is looked for this far, no further. */
const SCAN_LINES = 2000;
const OPENING = /^---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;

export interface FrontMatterFence {
  /** 1-based line of the closing fence; undefined when none closes the block within the scan. */
  closingLine?: number;
}

/** The front-matter fence of `text`, or undefined when line 1 does not open one. */
export function frontMatterFence(text: string): FrontMatterFence | undefined {
  const lineBreak = /\r\n|\r|\n/g;
  let match = lineBreak.exec(text);
  if (!OPENING.test(text.slice(0, match ? match.index : text.length))) return undefined;
  for (let line = 2; match && line <= SCAN_LINES; line++) {
    const start = match.index + match[0].length;
    match = lineBreak.exec(text);
    if (CLOSING.test(text.slice(start, match ? match.index : text.length))) return { closingLine: line };
  }
  return {};
}

/** True when 1-based `line` is part of the front matter (an unclosed block runs to the end). */
export function insideFrontMatter(text: string, line: number): boolean {
  const fence = frontMatterFence(text);
  return fence !== undefined && (fence.closingLine === undefined || line <= fence.closingLine);
}
