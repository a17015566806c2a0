/**
 * A YAML parser's complaint about front matter, said the way an SOP author would understand it:
 * which key, what is wrong, what to do, the token or line at fault underlined (not the one
 * character where the parser gave up), and a fix where one is safe to offer.
 */
import { trimEndWhere } from '../text.js';

/** Offsets in the YAML source (the text between the fences). */
export interface ExplainedYamlError {
  message: string;
  from: number;
  to: number;
  /** A fix a person may choose: replace source[from, to) with `text`. */
  fix?: { title: string; from: number; to: number; text: string };
}

interface Line { start: number; end: number; text: string }

function lineAt(source: string, offset: number): Line {
  const start = source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  let end = source.indexOf('\n', start);
  if (end < 0) end = source.length;
  if (source[end - 1] === '\r') end--;
  return { start, end, text: source.slice(start, end) };
}

/** `key: value` on one line: the key and where the value starts. */
const KEY_LINE = /^([ \t]*)([A-Za-z_][\w.-]*)[ \t]*:[ \t]+(?=\S)/;

function keyValue(line: Line): { key: string; valueStart: number; value: string } | undefined {
  const m = KEY_LINE.exec(line.text);
  if (!m) return undefined;
  // A loop: a trailing-blanks regular expression is quadratic on a long run of blanks followed by text.
  const value = trimEndWhere(line.text.slice(m[0].length), (c) => c === ' ' || c === '\t');
  return { key: m[2], valueStart: line.start + m[0].length, value };
}

/** A value in double quotes, with what YAML would read inside them escaped. */
const doubleQuoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The line that opened a quote never closed: the nearest `key: "…` at or above the error with no closing quote. */
function unclosedQuote(source: string, at: number, quote: string): ExplainedYamlError | undefined {
  for (let line = lineAt(source, at); ; line = lineAt(source, line.start - 1)) {
    const kv = keyValue(line);
    if (kv && kv.value.startsWith(quote)) {
      const rest = kv.value.slice(1);
      const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
      if (!closed) {
        const end = kv.valueStart + kv.value.length;
        return {
          message: `the value of '${kv.key}' opens a ${quote === '"' ? 'double' : 'single'} quote that is never closed; close it at the end of the value`,
          from: kv.valueStart,
          to: end,
          fix: { title: `Close the quote of '${kv.key}'`, from: end, to: end, text: quote },
        };
      }
    }
    if (line.start === 0) return undefined;
  }
}

/** `owner: Ann: lead`: a `: ` inside a plain value. */
function colonInValue(source: string, at: number): ExplainedYamlError | undefined {
  const kv = keyValue(lineAt(source, at));
  if (!kv || !/:[ \t]/.test(kv.value) || /^["'[{|>&*!]/.test(kv.value)) return undefined;
  const to = kv.valueStart + kv.value.length;
  // A comment would move inside the quotes: offer the fix only when there is none.
  const fix = /[ \t]#/.test(kv.value) ? undefined : { title: `Put the value of '${kv.key}' in quotes`, from: kv.valueStart, to, text: doubleQuoted(kv.value) };
  return { message: `the value of '${kv.key}' contains ': ', which YAML reads as the start of another key; put the value in quotes`, from: kv.valueStart, to, fix };
}

/** `x: @foo`, `x: %d`: a value starting with a character YAML reserves. */
function reservedStart(source: string, at: number): ExplainedYamlError | undefined {
  const kv = keyValue(lineAt(source, at));
  if (!kv || /[ \t]#/.test(kv.value)) return undefined;
  const to = kv.valueStart + kv.value.length;
  return {
    message: `the value of '${kv.key}' starts with '${kv.value[0]}', which YAML reserves; put the value in quotes`,
    from: kv.valueStart,
    to,
    fix: { title: `Put the value of '${kv.key}' in quotes`, from: kv.valueStart, to, text: doubleQuoted(kv.value) },
  };
}

/** The nearest line at or above the error that opens `open` and does not close it, underlined from the bracket. */
function unclosedBracket(source: string, at: number, open: string, close: string, message: string): ExplainedYamlError | undefined {
  for (let line = lineAt(source, at); ; line = lineAt(source, line.start - 1)) {
    const from = line.text.indexOf(open);
    if (from >= 0 && line.text.lastIndexOf(close) < from) return { message, from: line.start + from, to: line.end };
    if (line.start === 0) return undefined;
  }
}

/** The whole line (or the key) at fault, for errors that need no more than plain words. */
function wholeLine(source: string, at: number, message: string): ExplainedYamlError {
  const line = lineAt(source, at);
  const from = line.start + (line.text.length - line.text.trimStart().length);
  return { message, from, to: Math.max(from + 1, line.end), };
}

export function explainYamlError(source: string, error: { code?: string; message: string; pos?: [number, number] }, parserMessage: string): ExplainedYamlError {
  const at = Math.min(error.pos?.[0] ?? 0, source.length);
  const quote = /closing (["'])quote/.exec(error.message)?.[1];
  const line = lineAt(source, at);
  const key = keyValue(line)?.key ?? KEY_LINE.exec(`${line.text}: x`)?.[2];
  switch (error.code) {
    case 'MISSING_CHAR':
      if (quote) return unclosedQuote(source, at, quote) ?? wholeLine(source, at, `a ${quote === '"' ? 'double' : 'single'} quote is never closed`);
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return colonInValue(source, at) ?? wholeLine(source, at, `the line after '${key ?? 'this key'}' is indented, so YAML reads it as part of this value; remove the indentation, or put the value in quotes`);
    case 'MULTILINE_IMPLICIT_KEY':
      return wholeLine(source, at, 'a key must fit on one line; remove the indentation of the line below, or put the value in quotes');
    case 'DUPLICATE_KEY':
      return wholeLine(source, at, `the key '${key ?? ''}' appears more than once; keep one`);
    case 'BAD_SCALAR_START':
      return reservedStart(source, at) ?? wholeLine(source, at, `a value starts with a character YAML reserves; put it in quotes`);
    case 'BAD_INDENT':
      if (/Flow sequence/.test(error.message)) {
        const message = `a list opened with '[' is not closed with ']'`;
        return unclosedBracket(source, at, '[', ']', message) ?? wholeLine(source, at, message);
      }
      if (/Flow map/.test(error.message)) {
        const message = `a mapping opened with '{' is not closed with '}'`;
        return unclosedBracket(source, at, '{', '}', message) ?? wholeLine(source, at, message);
      }
      break;
    case 'TAB_AS_INDENT':
      return wholeLine(source, at, 'front matter is indented with a tab; YAML allows spaces only');
    default:
      break;
  }
  return wholeLine(source, at, parserMessage);
}
