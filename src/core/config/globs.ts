/**
 * The globs of a config (`overrides[].files` and `ignore`) compiled for the linear-time engine.
 * picomatch and the `ignore` package build backtracking regular expressions: `*a*a*…*b` with 24
 * stars, or a dozen `**` on a deep path, ran for minutes. Here a glob becomes an RE2 expression
 * (no lookaround is needed for these semantics) and runs on re2js, in time linear in the path.
 *
 * Syntax: `*` and `?` (never across `/`), `**` as a whole segment (any number of folders),
 * `[abc]` / `[a-z]` / `[!abc]`, `{a,b}` (nesting allowed), `\` to escape; a leading `!` negates
 * an override glob. Dot files match like any other (picomatch's `dot: true`).
 */
import { RE2JS } from 're2js';
import { clip } from '../display.js';
import { trimEndWhere } from '../text.js';
import { withoutQuotedSource } from '../user-regex.js';

const MAX_GLOB_LENGTH = 4096;
const PUNCTUATION = /[!-/:-@[-`{-~]/;

const literal = (c: string) => (PUNCTUATION.test(c) ? `\\${c}` : c);

/** The index of the `]` closing the class opened at `start`, or -1. */
function classEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++; // a leading `]` is a member
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === ']') return i;
    else if (glob[i] === '/') return -1;
  }
  return -1;
}

function translateClass(body: string): string {
  let out = '';
  let i = 0;
  if (body[0] === '!' || body[0] === '^') { out += '^'; i = 1; }
  for (; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) out += literal(body[++i]);
    else if (c === '-' && out && !out.endsWith('^') && i + 1 < body.length) out += '-';
    else out += literal(c);
  }
  // `[!…]` never matches the separator, as `*` and `?` do not.
  return `[${out}${out.startsWith('^') ? '/' : ''}]`;
}

/** The `}` closing the brace opened at `start` when it holds a top-level comma, with the alternatives. */
function braceAlternatives(glob: string, start: number): { end: number; parts: string[] } | undefined {
  let depth = 0;
  let from = start + 1;
  const parts: string[] = [];
  for (let i = start; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      parts.push(glob.slice(from, i));
      return parts.length > 1 ? { end: i, parts } : undefined;
    } else if (c === ',' && depth === 1) { parts.push(glob.slice(from, i)); from = i + 1; }
  }
  return undefined;
}

interface TranslateOptions {
  /** `folder/**` also matches `folder` itself (picomatch); gitignore wants something inside. */
  globstarMatchesFolder: boolean;
}

function translate(glob: string, options: TranslateOptions): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') { if (i + 1 < glob.length) out += literal(glob[++i]); continue; }
    if (c === '*') {
      let j = i;
      while (glob[j] === '*') j++;
      const segmentStart = i === 0 || glob[i - 1] === '/';
      const segmentEnd = j === glob.length || glob[j] === '/';
      if (j - i >= 2 && segmentStart && segmentEnd) {
        const before = out.endsWith('\\/');
        if (j === glob.length) {
          // `**` at the end: everything below (and, for picomatch, the folder itself).
          if (before) out = `${out.slice(0, -2)}${options.globstarMatchesFolder ? '(?:/.*)?' : '/.*'}`;
          else out += '.*';
        } else {
          out += '(?:.*/)?';
          j++; // the `/` after `**` is part of the group
        }
      } else {
        out += '[^/]*';
      }
      i = j - 1;
      continue;
    }
    if (c === '?') { out += '[^/]'; continue; }
    if (c === '[') {
      const end = classEnd(glob, i);
      if (end > i + 1) { out += translateClass(glob.slice(i + 1, end)); i = end; continue; }
      out += '\\['; continue;
    }
    if (c === '{') {
      const brace = braceAlternatives(glob, i);
      if (brace) { out += `(?:${brace.parts.map((p) => translate(p, options)).join('|')})`; i = brace.end; continue; }
    }
    out += literal(c);
  }
  return out;
}

export interface CompiledGlob {
  test(path: string): boolean;
}

function compile(glob: string, options: TranslateOptions & { ignoreCase?: boolean }): CompiledGlob | { error: string } {
  if (glob.length > MAX_GLOB_LENGTH) return { error: `it is longer than ${MAX_GLOB_LENGTH} characters` };
  if (/[@!+*?]\(/.test(glob.replace(/\\./g, ''))) return { error: 'extended globs such as @(a|b) and !(a) are not supported; use {a,b}' };
  try {
    const regex = RE2JS.compile(`^(?:${translate(glob, options)})$`, RE2JS.DOTALL | (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
    return { test: (path) => regex.testExact(path) };
  } catch (error) {
    return { error: withoutQuotedSource((error as Error).message.replace(/^error parsing regexp: /, '')) };
  }
}

const overrideCache = new Map<string, CompiledGlob | { error: string }>();

/** One override glob (relative to its config's folder), or why it cannot be used. */
export function compileOverrideGlob(glob: string): (CompiledGlob & { negated: boolean }) | { error: string } {
  let cached = overrideCache.get(glob);
  if (!cached) {
    const negated = glob.startsWith('!');
    const body = (negated ? glob.slice(1) : glob).replace(/^\.\//, '');
    const compiled = compile(body, { globstarMatchesFolder: true });
    cached = 'error' in compiled ? compiled : { test: compiled.test, negated } as CompiledGlob & { negated: boolean };
    if (overrideCache.size > 1000) overrideCache.clear();
    overrideCache.set(glob, cached);
  }
  return cached as (CompiledGlob & { negated: boolean }) | { error: string };
}

/**
 * Whether `relative` (a slash-separated path below the config's folder) matches any of the globs.
 * A list where no glob has a slash matches the file name at any depth, as .gitignore does.
 */
export function matchesOverride(globs: string | string[], relative: string): boolean {
  const list = Array.isArray(globs) ? globs : [globs];
  const baseOnly = list.every((g) => !g.replace(/^!?\.\//, '').includes('/'));
  const subject = baseOnly ? relative.slice(relative.lastIndexOf('/') + 1) : relative;
  return list.some((glob) => {
    const compiled = compileOverrideGlob(glob);
    return !('error' in compiled) && compiled.test(subject) !== compiled.negated;
  });
}

/**
 * A matcher for a list of globs taken as they are (no "name at any depth" rule): true when any
 * glob matches, a `!glob` matching what it does not name. For editor settings such as
 * `sopkit.files`, which a workspace's own settings file can set.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const compiled = globs.map(compileOverrideGlob).filter((g): g is CompiledGlob & { negated: boolean } => !('error' in g));
  return (path) => compiled.some((glob) => glob.test(path) !== glob.negated);
}

interface IgnoreRule { regex: CompiledGlob; negative: boolean; folderOnly: boolean }

/** One `ignore` line parsed with .gitignore rules, or why it cannot be used (undefined: blank or comment). */
function ignoreRule(line: string): IgnoreRule | { error: string } | undefined {
  // Trailing spaces end the line unless escaped (a loop: /\s+$/ is quadratic on long runs).
  let body = trimEndWhere(line, (c) => /\s/.test(c));
  if (body.endsWith('\\') && body.length < line.length) body += line[body.length];
  if (!body || body.startsWith('#')) return undefined;
  const negative = body.startsWith('!');
  if (negative) body = body.slice(1);
  else if (body.startsWith('\\!') || body.startsWith('\\#')) body = body.slice(1);
  const folderOnly = body.endsWith('/');
  if (folderOnly) body = trimEndWhere(body, (c) => c === '/');
  if (!body) return undefined;
  const anchored = body.includes('/');
  const glob = anchored ? body.replace(/^\//, '') : `**/${body}`;
  // .gitignore matching ignores case by default in the `ignore` package sopkit used before.
  const regex = compile(glob, { globstarMatchesFolder: false, ignoreCase: true });
  return 'error' in regex ? regex : { regex, negative, folderOnly };
}

/** Problems of an `ignore` list, one per unusable line. */
export function ignoreListProblems(lines: readonly string[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  lines.forEach((line, index) => {
    if (typeof line !== 'string') return;
    const rule = ignoreRule(line);
    if (rule && 'error' in rule) problems.push({ index, message: `is not a pattern sopkit can use ('${clip(line)}'): ${rule.error}` });
  });
  return problems;
}

const ignoreCache = new WeakMap<readonly string[], IgnoreRule[]>();

/**
 * .gitignore semantics: the last matching line decides, `!` re-includes, a trailing `/` matches
 * folders only, and a file inside an ignored folder stays ignored whatever comes after.
 */
export function ignoredBy(lines: readonly string[], relative: string): boolean {
  let rules = ignoreCache.get(lines);
  if (!rules) {
    rules = lines.map((l) => (typeof l === 'string' ? ignoreRule(l) : undefined)).filter((r): r is IgnoreRule => !!r && !('error' in r));
    ignoreCache.set(lines, rules);
  }
  const segments = relative.split('/').filter(Boolean);
  for (let depth = 1; depth <= segments.length; depth++) {
    const candidate = segments.slice(0, depth).join('/');
    const folder = depth < segments.length;
    let ignored = false;
    for (const rule of rules) {
      if (rule.folderOnly && !folder) continue;
      if (rule.negative === ignored && rule.regex.test(candidate)) ignored = !rule.negative;
    }
    if (ignored) return true;
  }
  return false;
}
