import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { remarkPresetSopkit } from '../../../src/core/lint/remark-preset.js';

describe('remark-lint preset', () => {
  it('reports sopkit rules, with source, ruleId and docs url, inside an ordinary remark pipeline', async () => {
    const text = '---\ntitle: Refunds\n---\n\n## Purpose\n\nRefund fast. TODO\n';
    const file = await unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkPresetSopkit).use(remarkStringify).process(text);
    const found = file.messages.map((m) => `${m.source}:${m.ruleId}:${m.line}`);
    assert.ok(found.includes('sopkit:required-section:5'), found.join('\n'));
    assert.ok(found.includes('sopkit:placeholder:7'), found.join('\n'));
    assert.ok(file.messages.every((m) => m.url?.endsWith(`/docs/rules/${m.ruleId}.md`)));
  });
});
