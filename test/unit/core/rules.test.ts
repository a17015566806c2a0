import { strict as assert } from 'node:assert';
import { basename } from 'node:path';
import { lint } from '../../../src/core/lint/lint.js';
import { fixText } from '../../../src/core/lint/fix.js';
import { rules } from '../../../src/core/lint/rules/index.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LibraryIndex } from '../../../src/core/library/library-index.js';
import type { LintOptions } from '../../../src/core/options.js';
import { FIXTURES, TODAY, fixtureFiles, fixtureLibraryFiles, read } from './helpers.js';

/**
 * A fixture folder with a library/ folder is a small library (every Markdown file in it), which
 * the cross-file rules need; base/<name>.md is a fixture's text at the base (change-control).
 */
function fixtureOptions(file: string): LintOptions {
  const dir = dirname(file);
  const base = join(dir, 'base', basename(file));
  const options: LintOptions = { today: TODAY };
  if (existsSync(join(dir, 'library'))) options.library = { index: LibraryIndex.build(fixtureLibraryFiles(dir).map((path) => ({ path, text: read(path) })), { root: FIXTURES }), path: file };
  if (existsSync(base)) options.baseText = read(base);
  return options;
}

describe('rules against their fixtures', () => {
  for (const rule of rules) {
    describe(rule.id, () => {
      const { ok, notOk } = fixtureFiles(rule.id);
      for (const file of ok) {
        it(`${basename(file)} lints clean (every rule)`, () => {
          const { messages } = lint(read(file), fixtureOptions(file));
          assert.deepEqual(messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`), []);
        });
      }
      for (const file of notOk) {
        it(`${basename(file)} reports exactly the expected messages`, () => {
          const expected = JSON.parse(read(file.replace(/\.md$/, '.expected.json')));
          assert.ok(expected.length > 0, 'a not-ok fixture must expect at least one message');
          const actual = lint(read(file), fixtureOptions(file)).messages
            .filter((m) => m.ruleId === rule.id)
            .map((m, i) => ({ line: m.line, column: m.column, message: m.message, ...(expected[i]?.severity ? { severity: m.severity } : {}) }));
          assert.deepEqual(actual, expected);
        });
        it(`${basename(file)} messages carry severity, a docs URL and a range inside the document`, () => {
          const text = read(file);
          const lines = text.split(/\r?\n/).length;
          // An expected message may name a lower severity its report asks for (see Report.severity).
          const expected: { line: number; column: number; severity?: string }[] = JSON.parse(read(file.replace(/\.md$/, '.expected.json')));
          for (const m of lint(text, fixtureOptions(file)).messages.filter((x) => x.ruleId === rule.id)) {
            assert.equal(m.severity, expected.find((e) => e.line === m.line && e.column === m.column)?.severity ?? rule.defaultSeverity);
            assert.match(m.url, new RegExp(`/docs/rules/${rule.id}\\.md$`));
            assert.ok(m.line >= 1 && m.endLine <= lines && (m.endLine > m.line || m.endColumn >= m.column), JSON.stringify(m));
          }
        });
        if (rule.fixable) {
          it(`${basename(file)}: --fix leaves no safe fix for ${rule.id}, and a second fix changes nothing`, () => {
            const once = fixText(read(file), { today: TODAY });
            assert.ok(once.applied > 0, 'expected at least one fix to apply');
            const remaining = lint(once.text, { today: TODAY }).messages.filter((m) => m.ruleId === rule.id && m.fix);
            assert.deepEqual(remaining, []);
            assert.equal(fixText(once.text, { today: TODAY }).text, once.text);
          });
        }
      }
    });
  }
});

describe('rule configuration', () => {
  const file = fixtureFiles('placeholder').notOk[0];
  it('turns a rule off', () => {
    const { messages } = lint(read(file), { today: TODAY, rules: { placeholder: 'off' } });
    assert.equal(messages.filter((m) => m.ruleId === 'placeholder').length, 0);
  });
  it('changes a severity', () => {
    const { messages } = lint(read(file), { today: TODAY, rules: { placeholder: 'error' } });
    assert.ok(messages.filter((m) => m.ruleId === 'placeholder').every((m) => m.severity === 'error'));
  });
  it('passes rule options (extra placeholder patterns)', () => {
    const text = read(fixtureFiles('placeholder').ok[0]).replace('Read the complaint fully.', 'Read the complaint fully. ???');
    const { messages } = lint(text, { today: TODAY, rules: { placeholder: { severity: 'warning', options: { patterns: ['\\?\\?\\?'] } } } });
    assert.deepEqual(messages.filter((m) => m.ruleId === 'placeholder').map((m) => m.message), ["Unfilled placeholder '???': replace it with the real value before publishing"]);
  });
  it('uses the configured review interval', () => {
    const text = read(fixtureFiles('review-overdue').ok[0]).replace('review_interval: 12 months\n', '');
    assert.equal(lint(text, { today: TODAY }).messages.length, 0);
    assert.equal(lint(text, { today: TODAY, reviewInterval: '1 month' }).messages.filter((m) => m.ruleId === 'review-overdue').length, 1);
  });
});
