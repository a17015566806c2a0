/**
 * Tokenizes Markdown with the SOP injection grammar in plain Node (vscode-textmate +
 * vscode-oniguruma), over either a tiny Markdown host grammar written for these tests or VS
 * Code's own Markdown grammar when a local VS Code install provides it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as textmateModule from 'vscode-textmate';
import * as onigurumaModule from 'vscode-oniguruma';

// Both packages are CommonJS bundles: depending on the loader, their exports arrive as named
// exports or only on `default`.
const textmate: typeof textmateModule = (textmateModule as unknown as { default?: typeof textmateModule }).default ?? textmateModule;
const oniguruma: typeof onigurumaModule = (onigurumaModule as unknown as { default?: typeof onigurumaModule }).default ?? onigurumaModule;

const require = createRequire(import.meta.url);
export const INJECTION_PATH = fileURLToPath(new URL('../../../syntaxes/sop-markdown.injection.tmLanguage.json', import.meta.url));
export const INJECTION_SCOPE = 'markdown.sop.injection';

/** Just enough Markdown: front matter, headings, bold, inline code, links and comments. */
export const MINIMAL_MARKDOWN = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '\\A---\\s*$', end: '^---\\s*$', contentName: 'meta.embedded.block.frontmatter' },
    { match: '^(#{1,6})\\s+(.*)$', name: 'markup.heading.markdown', captures: { 1: { name: 'punctuation.definition.heading.markdown' }, 2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] } } },
    { include: '#inline' },
  ],
  repository: {
    inline: {
      patterns: [
        { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
        { begin: '<!--', end: '-->', name: 'comment.block.html' },
        { begin: '\\*\\*(?=\\S)', end: '\\*\\*', name: 'markup.bold.markdown', patterns: [{ include: '#inline' }] },
        { match: '\\[[^\\]]*\\]\\([^)]*\\)', name: 'meta.link.inline.markdown' },
      ],
    },
  },
};

let onigReady: Promise<void> | undefined;
function onigLib() {
  onigReady ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  return onigReady.then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
}

/** VS Code's Markdown grammar from the local code-server install (scripts/setup-real-vscode.sh), if any. */
export function findVsCodeMarkdownGrammar(): string | undefined {
  // The same folder scripts/setup-real-vscode.sh installs into.
  const cache = process.env.SOPKIT_CACHE || join(homedir(), '.cache', 'sopkit');
  if (!existsSync(cache)) return undefined;
  for (const entry of readdirSync(cache)) {
    if (!entry.startsWith('code-server-')) continue;
    const candidate = join(cache, entry, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export interface Token { text: string; scopes: string[] }

/** VS Code's YAML grammars next to its Markdown grammar, by scope name, so front matter is tokenized as in the editor. */
function siblingYamlGrammars(hostPath: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  if (!hostPath) return found;
  const dir = join(dirname(dirname(dirname(hostPath))), 'yaml', 'syntaxes');
  if (!existsSync(dir)) return found;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const path = join(dir, file);
    found.set(JSON.parse(readFileSync(path, 'utf8')).scopeName, path);
  }
  return found;
}

export async function loadMarkdownGrammar(hostPath?: string) {
  const yaml = siblingYamlGrammars(hostPath);
  const registry = new textmate.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === INJECTION_SCOPE) return textmate.parseRawGrammar(readFileSync(INJECTION_PATH, 'utf8'), INJECTION_PATH);
      if (yaml.has(scopeName)) return textmate.parseRawGrammar(readFileSync(yaml.get(scopeName)!, 'utf8'), yaml.get(scopeName)!);
      if (scopeName === 'text.html.markdown') {
        return hostPath
          ? textmate.parseRawGrammar(readFileSync(hostPath, 'utf8'), hostPath)
          : textmate.parseRawGrammar(JSON.stringify(MINIMAL_MARKDOWN), 'minimal-markdown.json');
      }
      return null;
    },
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('Markdown grammar did not load');
  return (text: string): Token[][] => {
    let state = textmate.INITIAL;
    return text.split('\n').map((line) => {
      const result = grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
}

/** Scopes of every token that overlaps `needle` on the first line containing `lineIncludes` (and the needle). */
export function scopesAt(lines: Token[][], lineIncludes: string, needle: string = lineIncludes): string[][] {
  for (const tokens of lines) {
    const line = tokens.map((t) => t.text).join('');
    if (!line.includes(lineIncludes)) continue;
    const start = line.indexOf(needle);
    if (start < 0) continue;
    const end = start + needle.length;
    const out: string[][] = [];
    let offset = 0;
    for (const token of tokens) {
      const tokenEnd = offset + token.text.length;
      if (tokenEnd > start && offset < end) out.push(token.scopes);
      offset = tokenEnd;
    }
    return out;
  }
  throw new Error(`No line contains '${lineIncludes}' with '${needle}'`);
}
