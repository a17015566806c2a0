import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules, ruleDocsUrl } from '../../../src/core/lint/rules/index.js';
import { ROOT, fixtureFiles } from './helpers.js';

describe('rule registry meta-test', () => {
  it('has the sixteen public rule ids', () => {
    assert.deepEqual(rules.map((r) => r.id).sort(), [
      'approval', 'change-control', 'checklist-item', 'duplicate-id', 'duplicate-section', 'empty-section', 'faq-entry', 'frontmatter-schema', 'frontmatter-yaml',
      'placeholder', 'required-section', 'review-overdue', 'revision-history', 'sop-reference', 'step-numbering', 'step-reference',
    ]);
  });
  for (const rule of rules) {
    it(`${rule.id} has a source file, a docs page, ok and not-ok fixtures`, () => {
      assert.ok(existsSync(join(ROOT, 'src/core/lint/rules', `${rule.id}.ts`)), 'src/core/lint/rules/<id>.ts');
      const docs = join(ROOT, 'docs/rules', `${rule.id}.md`);
      assert.ok(existsSync(docs), `docs/rules/${rule.id}.md is missing`);
      const page = readFileSync(docs, 'utf8');
      assert.match(page, new RegExp(`^# ${rule.id}\\b`), 'the docs page starts with "# <id>"');
      assert.ok(page.includes(rule.defaultSeverity), 'the docs page names the default severity');
      const { ok, notOk } = fixtureFiles(rule.id);
      assert.ok(ok.length > 0, 'an ok*.md fixture');
      assert.ok(notOk.length > 0, 'a not-ok*.md fixture');
      for (const file of notOk) assert.ok(existsSync(file.replace(/\.md$/, '.expected.json')), `${file} needs its .expected.json`);
      assert.equal(ruleDocsUrl(rule.id), `https://github.com/sopkit/sopkit/blob/main/docs/rules/${rule.id}.md`);
      assert.ok(rule.description.length > 20 && rule.description.length < 220, 'a one-line description');
    });
  }
});
