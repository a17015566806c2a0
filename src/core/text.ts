/**
 * Text helpers several stages share: file-name slugs, "a, b and c", and trimming by loops.
 *
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

/**
 * "Café Opening & Closing" → "cafe-opening-closing": lower-case ASCII letters and digits joined by
 * single hyphens, accents dropped, for file names and template ids; at most `maxLength` long.
 */
export function asciiSlug(text: string, maxLength = Infinity): string {
  const slug = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  let end = maxLength;
  while (end > 0 && slug[end - 1] === '-') end--;
  return slug.slice(0, end);
}

/** "phone", "phone and chat", "phone, e-mail and chat". */
export function joinNaturally(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
