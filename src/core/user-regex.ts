/**
 * Regular expressions written by users (placeholder patterns in a config, `pattern` keywords in a
 * team schema) and the globs compiled from their overrides and ignore lists run on re2js, a
 * linear-time engine, never on the JavaScript engine: its backtracking made
 * `\(\((\w+\s?)+\)\)` take a minute on one sentence, and the same core lints as you type in the
 * editor. The engine is pure JavaScript, so the web extension bundles it like the rest of the core.
 *
 * Patterns are written in JavaScript syntax and translated; RE2 has no lookahead and no
 * backreferences, so a pattern that needs them is refused with a reason when the config is read.
 */
import { RE2JS } from 're2js';
import { clip } from './display.js';

export interface UserRegex {
  /** True when the pattern matches somewhere in the text. */
  test(text: string): boolean;
  /** Every non-overlapping match, left to right; `index` counts UTF-16 units like String indices. */
  matches(text: string): Iterable<{ text: string; index: number }>;
}

const compiled = new Map<string, UserRegex | { error: string }>();
const MAX_CACHED = 500;

/** RE2's message without the trailing quote of the pattern (the problem names the pattern itself). */
export function withoutQuotedSource(message: string): string {
  const cut = message.indexOf(': `');
  return cut >= 0 && message.endsWith('`') ? message.slice(0, cut) : message;
}

function reason(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  const detail = withoutQuotedSource(message.replace(/^error parsing regexp: /, ''));
  if (/`\(\?[=!]/.test(message) || /`\(\?<[=!]/.test(message) || /named capture: `\(\?<[=!]/.test(message)) return 'lookahead and lookbehind are not supported (sopkit runs patterns on a linear-time engine)';
  if (/escape sequence: `\\[1-9]/.test(message)) return 'backreferences are not supported (sopkit runs patterns on a linear-time engine)';
  return detail;
}

/** Compiles a user pattern, or says in one phrase why it cannot be used. */
export function compileUserRegex(source: string, options: { ignoreCase?: boolean } = {}): UserRegex | { error: string } {
  const key = `${options.ignoreCase ? 'i' : '-'}${source}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  let result: UserRegex | { error: string };
  if (/\\k</.test(source)) {
    result = { error: 'backreferences are not supported (sopkit runs patterns on a linear-time engine)' };
  } else {
    try {
      const regex = RE2JS.compile(RE2JS.translateRegExp(source), options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
      result = {
        test: (text) => regex.test(text),
        *matches(text) {
          for (const m of regex.matchAll(text)) yield { text: m[0], index: m.index ?? 0 };
        },
      };
    } catch (error) {
      result = { error: reason(error) };
    }
  }
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(key, result);
  return result;
}

/**
 * Ajv's `code.regExp` hook: schema `pattern` and `patternProperties` run on the same engine. A
 * pattern that cannot be used throws, and the team schema is reported as not usable, naming it.
 */
export const ajvUserRegExp = Object.assign((pattern: string) => {
  const regex = compileUserRegex(pattern);
  if ('error' in regex) throw new Error(`pattern '${clip(pattern)}' cannot be used: ${regex.error}`);
  return { test: (text: string) => regex.test(text), toString: () => pattern };
}, { code: 'sopkitUserRegExp' });
