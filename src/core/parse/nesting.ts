/**
 * A guard against pathological container nesting before Markdown is parsed.
 *
 * micromark's cost grows much faster than linearly with list/blockquote depth (a 300-deep
 * indented list takes seconds, 1,000 deep takes minutes), and the mdast/hast tools after it
 * recurse once per level, so 10,000 nested `>` overflow the call stack. Real SOPs nest a few
 * levels; past a generous limit the rest of a line's container prefix is turned into text by
 * changing one character into a no-break space (U+00A0, one UTF-16 unit, so every offset, line and
 * column stays the same). The source text itself is never changed; only what the parser sees.
 */

/** Container markers (`>`, `-`, `1.`) one line may open before the rest becomes text. */
export const MAX_CONTAINER_MARKERS = 64;
/** Columns of container prefix (indentation included) before the rest becomes text. */
export const MAX_PREFIX_COLUMNS = 100;

const NBSP = '\u00a0';

/** Index of the character that ends the container prefix of the line at `start`, or -1 when it is within the limits. */
function overflowAt(text: string, start: number): number {
  let column = 0;
  let markers = 0;
  let i = start;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return -1;
    let next = -1;
    let marker = false;
    if (ch === 32 || ch === 9) next = i + 1;
    else if (ch === 62 /* > */) { next = i + 1; marker = true; }
    else if ((ch === 45 || ch === 42 || ch === 43) /* - * + */ && isSpaceOrTab(text.charCodeAt(i + 1))) { next = i + 1; marker = true; }
    else if (ch >= 48 && ch <= 57) {
      let j = i;
      while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const after = text.charCodeAt(j);
      if ((after === 46 || after === 41) /* . ) */ && isSpaceOrTab(text.charCodeAt(j + 1))) { next = j + 1; marker = true; }
    }
    // Content starts here: the prefix was within the limits.
    if (next < 0) return -1;
    if (column >= MAX_PREFIX_COLUMNS || markers >= MAX_CONTAINER_MARKERS) return i;
    column = ch === 9 ? column + 4 - (column % 4) : column + (next - i);
    if (marker) markers++;
    i = next;
  }
  return -1;
}

function isSpaceOrTab(ch: number): boolean {
  return ch === 32 || ch === 9;
}

/** Longest run of one emphasis or bracket character kept as Markdown syntax. */
export const MAX_DELIMITER_RUN = 64;

/**
 * 50,000 `*` around a word make 25,000 nested emphasis nodes (minutes in micromark, a stack
 * overflow when rendered); 50,000 `[` take half a minute. Nothing real needs more than 64 in a row,
 * so the rest of such a run is read as no-break spaces (same length, so positions are unchanged).
 */
const LONG_DELIMITER_RUN = new RegExp(`([*_~\\[\\]])\\1{${MAX_DELIMITER_RUN},}`, 'g');

function limitDelimiterRuns(text: string): string {
  return text.replace(LONG_DELIMITER_RUN, (run) => run.slice(0, MAX_DELIMITER_RUN) + NBSP.repeat(run.length - MAX_DELIMITER_RUN));
}

/** `text` with over-deep container prefixes and over-long delimiter runs cut short (same length); `text` itself when nothing is over the limits. */
export function limitNesting(text: string): string {
  return limitDelimiterRuns(limitContainerPrefixes(text));
}

function limitContainerPrefixes(text: string): string {
  let out: string[] | undefined;
  let copied = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const cut = overflowAt(text, lineStart);
    if (cut >= 0) {
      (out ??= []).push(text.slice(copied, cut), NBSP);
      copied = cut + 1;
    }
    const nl = nextLineStart(text, lineStart);
    if (nl < 0) break;
    lineStart = nl;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) return i + 1;
    if (ch === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}
