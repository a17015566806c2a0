/**
 * Trimming by loops. A pattern like /[\s:.-]+$/ retries from every character of a long run that
 * does not reach the end of the text, which is quadratic: a 100 KB run takes seconds. These walk
 * from the end once.
 */

/** `text` without the trailing characters for which `drop` is true. */
export function trimEndWhere(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the leading characters for which `drop` is true. */
export function trimStartWhere(text: string, drop: (ch: string) => boolean): string {
  let start = 0;
  while (start < text.length && drop(text[start])) start++;
  return start === 0 ? text : text.slice(start);
}

/** How many line breaks (LF, CRLF or a lone CR) end `text`. */
export function trailingLineBreaks(text: string): number {
  let count = 0;
  let i = text.length;
  while (i > 0 && (text[i - 1] === '\n' || text[i - 1] === '\r')) {
    count++;
    i -= text[i - 1] === '\n' && text[i - 2] === '\r' ? 2 : 1;
  }
  return count;
}
