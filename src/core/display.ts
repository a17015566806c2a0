/**
 * Text from documents, file names and configs is shown to people in terminals, CI logs and JSON
 * files; this module is the one place that makes such text safe to show. A file name holding a
 * line break must not start a GitHub workflow command on a line of its own, an ESC or BEL from a
 * document must not drive the terminal, a 50 MB config value must not be echoed whole, and JSON
 * consumers must get well-formed Unicode.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone UTF-16 surrogates (which no UTF-8 file can hold) become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

// C0 controls but tab, DEL, C1 controls, the Unicode line and paragraph separators, and the
// bidirectional overrides and isolates that reorder what a terminal shows ("Trojan Source").
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

/**
 * Text for one line of a terminal or log: control characters are shown as escapes (`\n`, `\e`,
 * `\x07`, `\u2028`), so they can neither break the line nor reach the terminal.
 */
export function terminalText(text: string): string {
  return wellFormed(String(text)).replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** At most `max` characters of a value quoted in a message, with an ellipsis when cut. */
/**
 * A quote of someone's text for a message: whole when short, else cut at the last word break
 * before `max` (or at `max` when a single word runs past it) with an ellipsis, never mid-word.
 */
export function quoteWords(text: string, max = 40): string {
  const value = String(text).replace(/\s+/g, ' ').trim();
  if (value.length <= max) return value;
  const cut = value.lastIndexOf(' ', max - 1);
  return cut >= max / 2 ? `${value.slice(0, cut)}…` : clip(value, max);
}

export function clip(text: string, max = 80): string {
  const value = String(text);
  if (value.length <= max) return value;
  let end = max - 1;
  // Never cut a surrogate pair in half.
  if (/[\uD800-\uDBFF]/.test(value[end - 1] ?? '')) end--;
  return `${value.slice(0, end)}…`;
}

/** Text for HTML element content or a quoted attribute, as well-formed Unicode: the one escaper of the core's HTML pages. */
export function escapeHtml(text: string): string {
  return wellFormed(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
