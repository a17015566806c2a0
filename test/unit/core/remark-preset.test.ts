import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { remarkPresetSopkit } from '../../../src/core/lint/remark-preset.js';
import { lint } from '../../../src/core/lint/lint.js';
import { TODAY } from './helpers.js';

async function throughPreset(text: string) {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkPresetSopkit).use(remarkStringify).process(text);
}

describe('remark-lint preset', () => {
  it('reports sopkit rules, with source, ruleId and docs url, inside an ordinary remark pipeline', async () => {
    const text = '---\ntitle: Refunds\n---\n\n## Purpose\n\nRefund fast. TODO\n';
    const file = await throughPreset(text);
    const found = file.messages.map((m) => `${m.source}:${m.ruleId}:${m.line}`);
    assert.ok(found.includes('sopkit:required-section:5'), found.join('\n'));
    assert.ok(found.includes('sopkit:placeholder:7'), found.join('\n'));
    assert.ok(file.messages.every((m) => m.url?.endsWith(`/docs/rules/${m.ruleId}.md`)));
  });

  // The preset and lint() build their run state in one place (lint/run-state.ts); before, the
  // preset ran every rule as a warning, so broken front matter never failed a remark run.
  for (const [name, text] of [
    ['YAML that does not parse', '---\ntitle: [Refunds\nowner: Support lead\n---\n\n# Refunds\n\n## Purpose\n\nx\n'],
    ['front matter that is not a mapping', '---\n- a\n- b\n---\n\n# Refunds\n'],
    ['front matter that is never closed', '---\ntitle: Refunds\n\n# Refunds\n'],
  ] as const) {
    it(`broken front matter (${name}) gives the messages and severities lint() gives`, async () => {
      const file = await throughPreset(text);
      const fromPreset = file.messages.map((m) => `${m.ruleId} ${m.fatal ? 'error' : 'warning'} ${m.line}:${m.column} ${m.reason}`).sort();
      const fromLint = lint(text, { today: TODAY }).messages.map((m) => `${m.ruleId} ${m.severity} ${m.line}:${m.column} ${m.message}`).sort();
      assert.deepEqual(fromPreset, fromLint);
      assert.ok(fromLint.some((m) => m.startsWith('frontmatter-yaml error')), fromLint.join('\n'));
    });
  }
});
