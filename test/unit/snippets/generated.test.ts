import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { OUTPUT, buildSnippets, escapeSnippetText, renderSnippets } from '../../../scripts/gen-snippets.mjs';
import { expandSnippet } from './expand.js';

describe('snippets: generated file', () => {
  it('is up to date with snippets/src/snippets.yaml, the schema sections and policies.json (run node scripts/gen-snippets.mjs)', () => {
    assert.equal(readFileSync(OUTPUT, 'utf8'), renderSnippets());
  });

  it('escapes literal snippet syntax in catalogue text', () => {
    assert.equal(escapeSnippetText('cost $5 {a} \\'), 'cost \\$5 {a\\} \\\\');
    assert.equal(expandSnippet(escapeSnippetText('cost $5 {a} \\ ${1:x}'), { today: '2026-01-02' }), 'cost $5 {a} \\ ${1:x}');
  });

  it('counts: 5 whole SOPs, one snippet per section and per policy modifier', () => {
    const all = Object.values(buildSnippets());
    assert.equal(all.filter((s) => s.isFileTemplate).length, 5);
    assert.equal(all.filter((s) => s.prefix.startsWith('sop-policy-')).length, 20);
    assert.ok(all.filter((s) => s.prefix.startsWith('sop-section-')).length >= 10);
  });
});
