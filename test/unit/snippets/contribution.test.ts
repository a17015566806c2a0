import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));

describe('snippets and grammar: package.json wiring', () => {
  it('contributes the SOP snippets for Markdown from a file that exists', () => {
    const entry = (manifest.contributes.snippets ?? []).find((s: { path: string }) => s.path.endsWith('snippets/sop.code-snippets'));
    assert.ok(entry, 'contributes.snippets lists snippets/sop.code-snippets');
    assert.equal(entry.language, 'markdown');
    assert.ok(existsSync(`${ROOT}${entry.path.replace(/^\.\//, '')}`));
  });

  it('injects the SOP grammar into Markdown under the grammar file\'s own scope name', () => {
    const entry = (manifest.contributes.grammars ?? []).find((g: { path: string }) => g.path.endsWith('syntaxes/sop-markdown.injection.tmLanguage.json'));
    assert.ok(entry, 'contributes.grammars lists the injection grammar');
    assert.deepEqual(entry.injectTo, ['text.html.markdown']);
    const grammar = JSON.parse(readFileSync(`${ROOT}${entry.path.replace(/^\.\//, '')}`, 'utf8'));
    assert.equal(entry.scopeName, grammar.scopeName);
  });
});
