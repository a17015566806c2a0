/** Counterexamples the property tests found, kept as plain tests so they stay fixed. */
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint/lint.js';
import { fixText } from '../../../src/core/lint/fix.js';
import { fixProblems } from './fix-checks.js';
import { resultProblems, TODAY } from './helpers.js';

describe('reliability: regressions found by fuzzing', () => {
  it('required-section on a document without a title ends its range before the CR of a CRLF line', () => {
    for (const text of ['customer\r\n\r\n', '\r\n', 'x\rmore']) {
      const result = lint(text, { today: TODAY });
      assert.ok(result.messages.some((m) => m.ruleId === 'required-section'));
      assert.deepEqual(resultProblems(text, result), []);
      const first = result.messages.find((m) => m.message.startsWith("Missing section 'Purpose'"))!;
      assert.equal(first.endColumn, /^[^\r\n]*/.exec(text)![0].length + 1);
    }
  });

  it('an inserted section never splits a line that ends in spaces (a Markdown hard break)', () => {
    const text = '## Step 0: customer\n\n0. customer  \n\n';
    const fixed = fixText(text, { today: TODAY }).text;
    assert.match(fixed, /\n0\. customer {2}\n\n## References\n/);
    assert.deepEqual(fixProblems(text, undefined, fixed), []);
    assert.equal(fixText(fixed, { today: TODAY }).text, fixed);
  });
});

describe('reliability: regressions found by fuzzing (the fix checker)', () => {
  // `npm run fuzz` (5,000 documents) found the checker, not the fixer, at fault: it matched a
  // ticked "- [ ] Step" to a later untouched "- Step" and then missed the lines in between.
  const text = '- Step\n- [ ] customer\n- [ ] customer\n\n| Date | Version | Change | Author |\n| --- | --- | --- | --- |\n\n- Step\n- [ ] customer\n\n';

  it('accepts a fix that ticks the first of two equal list items', () => {
    const fixed = fixText(text, { today: TODAY }).text;
    assert.match(fixed, /^# \[INSERT title\]\n\n- \[ \] Step\n- \[ \] customer\n- \[ \] customer\n/);
    assert.deepEqual(fixProblems(text, undefined, fixed), []);
  });

  it('still reports a line that is really gone', () => {
    const lost = text.replace('| Date | Version | Change | Author |\n', '');
    assert.deepEqual(fixProblems(text, undefined, lost), ['original line 5 "| Date | Version | Change | Author |" is missing after the fix']);
  });
});

describe('reliability: regressions found by fuzzing (front matter)', () => {
  it('a YAML error at the end of a CRLF line does not end between CR and LF', () => {
    for (const text of ['---\r\ntitle: &amp;\r\ntitle: customer\r\n---\r\n', '---\ntitle: &amp;\ntitle: customer\n---\n']) {
      const result = lint(text, { today: TODAY });
      assert.ok(result.messages.some((m) => m.ruleId === 'frontmatter-yaml'), 'the duplicate key is reported');
      assert.deepEqual(resultProblems(text, result), []);
    }
  });
});

describe('reliability: regressions found by fuzzing (process warnings)', () => {
  it('front matter with a mapping as a key lints without a Node process warning', async () => {
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(w.message);
    process.on('warning', listener);
    try {
      const text = '---\n? { complex: x }\n: value\ntitle: T\n---\n\n# T\n';
      assert.deepEqual(resultProblems(text, lint(text, { today: TODAY })), []);
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('warning', listener);
    }
    assert.deepEqual(warnings, []);
  });
});

describe('reliability: regressions found by fuzzing (byte-order mark)', () => {
  it('offsets and fixes count a leading BOM (they were one off, so fixes landed one character early)', () => {
    const text = '\ufeff---\ntitle: T\n---\n\n# T\n\n## Checklist\n\n- [ ] one\n- two\n- [x] three\n\nTODO here\n';
    const result = lint(text, { today: TODAY });
    assert.deepEqual(resultProblems(text, result), []);
    const todo = result.messages.find((m) => m.ruleId === 'placeholder')!;
    assert.deepEqual([todo.line, todo.column, todo.endColumn], [13, 1, 5]);
    const fixed = fixText(text, { today: TODAY, rules: { 'required-section': 'off' } }).text;
    assert.equal(fixed, text.replace('- two', '- [ ] two'));
  });
});
