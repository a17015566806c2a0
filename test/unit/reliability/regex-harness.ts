/**
 * Finds every regular-expression literal in src/core (with the TypeScript parser, so strings and
 * comments are not mistaken for patterns) and times each against adversarial near-matches:
 * long runs of the characters and words the pattern itself is built from, with a final character
 * that makes the match fail, so a backtracking pattern shows up as seconds instead of milliseconds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex { file: string; line: number; source: string; flags: string; regex: RegExp }

export function findRegexLiterals(root: string, dir = 'src/core'): FoundRegex[] {
  const found: FoundRegex[] = [];
  const files = (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.includes('.generated.'));
  for (const file of files) {
    const path = join(root, dir, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const slash = text.lastIndexOf('/');
        const pattern = text.slice(1, slash);
        const flags = text.slice(slash + 1);
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ file: relative(root, path), line, source: pattern, flags, regex: new RegExp(pattern, flags) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Words and symbols that appear literally in a pattern ("step", "insert", ":", "-"), used to build near-matches. */
function ingredients(source: string): string[] {
  const words = source.replace(/\\[dDwWsSbB]/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
  const symbols = source.match(/[^A-Za-z0-9\\()[\]{}|?*+^$.\s]/g) ?? [];
  return [...new Set([...words.map((w) => w.toLowerCase()), ...symbols])];
}

/** ~`size` characters of near-matches for one pattern, each ending in a character that breaks the match. */
export function adversarialInputs(source: string, size: number): { name: string; text: string }[] {
  const fill = (unit: string, tail: string) => unit.repeat(Math.max(1, Math.floor(size / Math.max(1, unit.length)))) + tail;
  const out: { name: string; text: string }[] = [
    { name: 'spaces then x', text: fill(' ', 'x') },
    { name: 'x then spaces then x', text: `x${fill(' ', 'x')}` },
    { name: 'tabs and spaces then !', text: fill(' \t', '!') },
    { name: 'newlines then x', text: fill('\n', 'x') },
    { name: 'CRLFs then x', text: fill('\r\n', 'x') },
    { name: 'digits then x', text: fill('1', 'x') },
    { name: 'digit-dot runs', text: fill('1.', 'x') },
    { name: 'letters then !', text: fill('a', '!') },
    { name: 'words', text: fill('word ', '\u0000') },
    { name: 'brackets', text: fill('[', 'x') },
    { name: 'braces', text: fill('{', 'x') },
    { name: 'punctuation', text: fill(':-.)', 'x') },
    { name: 'emoji', text: fill('🙂', 'x') },
    { name: 'html comment opens', text: fill('<!-- ', 'x') },
    { name: 'parentheses', text: fill('(', 'x') },
  ];
  for (const part of ingredients(source)) {
    out.push({ name: `'${part}' repeated`, text: fill(part, '\u0000') });
    out.push({ name: `'${part} ' repeated`, text: fill(`${part} `, '\u0000') });
    out.push({ name: `'${part}1 ' repeated`, text: fill(`${part}1 `, '\u0000') });
    out.push({ name: `'${part}' then spaces`, text: part + fill(' ', '\u0000') });
    out.push({ name: `spaces then '${part}' then spaces`, text: `${' '.repeat(size / 2)}${part}${fill(' ', '\u0000').slice(size / 2)}` });
    out.push({ name: `newline, '${part}', spaces`, text: `\n${part}${fill(' ', '\u0000')}` });
  }
  return out;
}

/** Milliseconds to run `regex` over `text` the way sopkit does (every match for /g, one exec otherwise). */
export function timeRegex(regex: RegExp, text: string): number {
  const copy = new RegExp(regex.source, regex.flags);
  const started = performance.now();
  if (copy.global) { for (const m of text.matchAll(copy)) void m; } else copy.exec(text);
  copy.test(text.slice(1));
  return performance.now() - started;
}
