import { strict as assert } from 'node:assert';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { findDate, addInterval, parseInterval } from '../../../src/core/dates.js';
import { lint } from '../../../src/core/lint/lint.js';
import { TODAY } from './helpers.js';

describe('dates', () => {
  const cases: [string, string | undefined][] = [
    ['2026-01-15', '2026-01-15'], ['2026/1/5', '2026-01-05'], ['Created on June 27, 2024', '2024-06-27'], ['27 June 2024', '2024-06-27'],
    ['Sept 3rd, 2025', '2025-09-03'], ['June 2024: workflow created', '2024-06-01'], ['2026-02-30', undefined], ['no date here', undefined],
  ];
  for (const [text, iso] of cases) it(`"${text}" → ${iso}`, () => assert.equal(findDate(text)?.iso, iso));
  it('adds intervals, clamping month ends', () => {
    assert.equal(addInterval('2026-01-31', parseInterval('1 month')!), '2026-02-28');
    assert.equal(addInterval('2026-01-01', parseInterval('12 months')!), '2027-01-01');
    assert.equal(addInterval('2026-01-01', parseInterval('2 weeks')!), '2026-01-15');
    assert.equal(parseInterval('yearly'), undefined);
  });
});

describe('model parts', () => {
  it('reads revision tables and lists', () => {
    const doc = buildSopDocument('# T\n\n## Revision History\n\n| Date | Version | Change | Author |\n| --- | --- | --- | --- |\n| 2026-01-15 | 1.0 | First | Ana |\n\n');
    assert.deepEqual(doc.revisions.map((r) => [r.date, r.version, r.description, r.author]), [['2026-01-15', '1.0', 'First', 'Ana']]);
    const list = buildSopDocument('# T\n\n## History\n\n- June 2024: Workflow created.\n- 2024-08-01 — v1.1 — Escalation updated\n');
    assert.deepEqual(list.revisions.map((r) => [r.date, r.datePrecision, r.version]), [['2024-06-01', 'month', undefined], ['2024-08-01', 'day', '1.1']]);
  });
  it('reads checklist items with their phase and marker range', () => {
    const text = '# T\n\n## Checklist\n\n### Lock up\n\n- [ ] Lock the door\n- [x] Set the alarm\n';
    const doc = buildSopDocument(text);
    assert.deepEqual(doc.checklist.map((c) => [c.text, c.checked, c.group]), [['Lock the door', false, 'Lock up'], ['Set the alarm', true, 'Lock up']]);
    const marker = doc.checklist[1].markerRange;
    assert.equal(text.slice(marker.start.offset, marker.end.offset), '[x]');
  });
  it('reads FAQ pairs written as headings and as Question/Answer paragraphs', () => {
    const doc = buildSopDocument('# FAQ\n\n### How do I reset a password?\n\nOpen the profile.\n\nQuestion 2: How do I refund?\nAnswer: Check eligibility first.\n\n**Can I cancel?** Yes, within 24 hours.\n');
    assert.deepEqual(doc.faq.map((f) => [f.question, f.answer, f.slug]), [
      ['How do I reset a password?', 'Open the profile.', 'how-do-i-reset-a-password'],
      ['How do I refund?', 'Check eligibility first.', 'how-do-i-refund'],
      ['Can I cancel?', 'Yes, within 24 hours.', 'can-i-cancel'],
    ]);
  });
  it('finds step references with exact ranges, even inside bold text', () => {
    const text = '# T\n\n## Steps\n\n1. Check. If it fails, **proceed to Step 2**.\n2. Retry, then return to step 1.\n';
    const doc = buildSopDocument(text);
    assert.deepEqual(doc.stepReferences.map((r) => [r.verb, r.target, text.slice(r.range.start.offset, r.range.end.offset), r.fromStep]), [
      ['Proceed', 2, 'proceed to Step 2', 0], ['Return', 1, 'return to step 1', 1],
    ]);
  });
  it('ignores step references and placeholders inside code', () => {
    const { messages } = lint('# T\n\n```\nProceed to Step 9 TODO\n```\n\n`Go to step 8` `TBD`\n', { today: TODAY });
    assert.deepEqual(messages.filter((m) => m.ruleId === 'step-reference' || m.ruleId === 'placeholder'), []);
  });
});

describe('inline disable comments', () => {
  const text = '# T\n\n<!-- sopkit-disable-next-line placeholder -->\nTODO one\n\nTODO two\n\n<!-- sopkit-disable placeholder -->\nTODO three\n<!-- sopkit-enable placeholder -->\n\nTODO four <!-- sopkit-disable-line -->\n\nTBD five\n';
  it('honours next-line, block and line comments', () => {
    const lines = lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'placeholder').map((m) => m.line);
    assert.deepEqual(lines, [6, 14]);
  });
});

describe('the linter never throws', () => {
  const inputs = ['', '\u0000\u0000', '---', '---\n---', '---\n: : :\n---', '#', '\uFFFD'.repeat(100), '- [ ]', '1.', '---\na: &a [1]\nb: *a\n---\n', 'Step 1: x\r\nStep 1: y\r'];
  for (const input of inputs) {
    it(JSON.stringify(input).slice(0, 40), () => {
      const result = lint(input, { today: TODAY });
      assert.ok(Array.isArray(result.messages));
      assert.ok(!result.messages.some((m) => m.ruleId === 'internal-error'), JSON.stringify(result.messages));
    });
  }
});

describe('false alarms reported by template authors', () => {
  it('"go back to step 2 of the checkout" speaks of another procedure', () => {
    const text = '# T\n\n## Process\n\n1. Ask the customer to go back to step 2 of the checkout.\n2. Confirm.\n';
    assert.deepEqual(lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'step-reference'), []);
  });
  it('an SOP with no steps of its own does not check step references', () => {
    const text = '# T\n\n## FAQ\n\n### How do I pay?\n\nGo to step 2 in the app.\n';
    assert.deepEqual(lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'step-reference'), []);
  });
  it('"Introduction" beside "Purpose" is not a duplicate', () => {
    const text = '# T\n\n## Introduction\n\nContext.\n\n## Purpose\n\nWhy.\n';
    assert.deepEqual(lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'duplicate-section'), []);
  });
  it('reads unambiguous day-first dates and explains ambiguous ones', () => {
    assert.equal(findDate('25/11/2026')?.iso, '2026-11-25');
    const text = '# T\n\n## Revision History\n\n- 25/10/2026 — first\n- 05/11/2026 — second\n';
    assert.deepEqual(lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'revision-history').map((m) => m.message), [
      "Revision date '05/11/2026' is ambiguous (day 5 or day 11?); write it as 2026-11-05 or 2026-05-11",
    ]);
  });
});

describe('fixes reported by the docs writer', () => {
  it('"Mark as reviewed today" also moves a past next_review, so the warning goes', async () => {
    const { applyEdits } = await import('../../../src/core/lint/fix.js');
    const text = '---\ntitle: T\nnext_review: 2026-06-30\n---\n\n# T\n';
    const message = lint(text, { today: TODAY }).messages.find((m) => m.ruleId === 'review-overdue')!;
    const fixed = applyEdits(text, message.suggestions![0].edits);
    assert.match(fixed, /next_review: 2027-11-23/);
    assert.match(fixed, /last_reviewed: 2026-11-23/);
    assert.deepEqual(lint(fixed, { today: TODAY }).messages.filter((m) => m.ruleId === 'review-overdue'), []);
  });
  it('renumbering is only a suggestion when a reference names a number two steps share', () => {
    const text = '# T\n\n## Process\n\n### Step 1: A\n\nGo to Step 4 if needed.\n\n### Step 2: B\n\nb\n\n### Step 4: C\n\nc\n\n### Step 4: D\n\nd\n';
    const messages = lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'step-numbering');
    assert.ok(messages.length > 0);
    assert.ok(messages.every((m) => !m.fix), 'no safe fix');
    assert.ok(messages[0].suggestions?.length);
  });
  it('filling an empty section leaves one blank line after the heading', async () => {
    const { applyEdits } = await import('../../../src/core/lint/fix.js');
    const text = '# T\n\n## Scope\n\n## Process\n\n1. a\n';
    const message = lint(text, { today: TODAY }).messages.find((m) => m.ruleId === 'empty-section')!;
    const fixed = applyEdits(text, message.suggestions![0].edits);
    assert.match(fixed, /## Scope\n\nThis SOP applies to [^\n]+\n\n## Process/);
  });
});
