import { strict as assert } from 'node:assert';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { normalizeTitle } from '../../../src/core/model/sections.js';
import { lint } from '../../../src/core/lint/lint.js';
import { TODAY } from './helpers.js';

function canonicalOf(heading: string, depth = 2): string[] {
  const doc = buildSopDocument(`# Title\n\n${'#'.repeat(depth)} ${heading}\n\nSome text.\n`);
  return doc.sections[1].canonical;
}

describe('section recognition', () => {
  const cases: [string, string[]][] = [
    ['Purpose', ['purpose']],
    ['PURPOSE', ['purpose']],
    ['purpose:', ['purpose']],
    ['**Purpose:**', ['purpose']],
    ['1. Purpose', ['purpose']],
    ['1.0 Purpose', ['purpose']],
    ['11.2 Scope', ['scope']],
    ['2) Scope', ['scope']],
    ['IV. Scope', ['scope']],
    ['📌 Purpose', ['purpose']],
    ['Purpose and Scope', ['purpose', 'scope']],
    ['1. Purpose & Scope', ['purpose', 'scope']],
    ['Objective', ['purpose']],
    ['Objectives', ['purpose']],
    ['Goal', ['purpose']],
    ['Applicability', ['scope']],
    ['When to use', ['scope']],
    ['Procedure', ['process']],
    ['Procedures', ['process']],
    ['Steps', ['process']],
    ['Process Steps', ['process']],
    ['Workflow Steps', ['process']],
    ['Instructions', ['process']],
    ['Checklist', ['process']],
    ['FAQs', ['process']],
    ['Additional Resources', ['references']],
    ['Related Documents', ['references']],
    ['Reference Documents and Materials', ['references']],
    ['Further Reading', ['references']],
    ['Change Log', ['revisionHistory']],
    ['Version History', ['revisionHistory']],
    ['Document History', ['revisionHistory']],
    ['History', ['revisionHistory']],
    ['Revisions', ['revisionHistory']],
    ['Revision History (v2)', ['revisionHistory']],
    ['Escalation Procedures', ['escalation']],
    ['Escalation procedures for fraud', ['escalation']],
    ['Roles and Responsibilities', ['responsibilities']],
    ['Step 3: Escalate', []],
    ['Tips and Warnings', []],
    ['Customer Inquiries', []],
    ['Historical context of refunds', []],
  ];
  for (const [heading, expected] of cases) {
    it(`"${heading}" → ${expected.join(', ') || 'nothing'}`, () => assert.deepEqual(canonicalOf(heading), expected));
  }

  it('normalises numbering, markers and punctuation', () => {
    assert.equal(normalizeTitle('**11.2 Revision History:**'), 'revision history');
    assert.equal(normalizeTitle('Step 3: Greet the customer'), 'greet the customer');
  });

  it('counts front-matter title as the title', () => {
    const doc = buildSopDocument('---\ntitle: Refunds\n---\n\n## Purpose\n\nx\n');
    assert.equal(doc.title?.text, 'Refunds');
    assert.equal(doc.title?.source, 'frontmatter');
  });

  it('reads a "Title:" section the way pasted SOPs write it', () => {
    const doc = buildSopDocument('## Title:\n\nHandling Customer Queries with Empathy\n\n## Purpose:\n\nx\n');
    assert.equal(doc.title?.text, 'Handling Customer Queries with Empathy');
  });

  it('takes a section whose body is mostly ordered steps as the process', () => {
    const doc = buildSopDocument('# Returns\n\n## Purpose\n\nx\n\n## How we handle a return\n\n1. Acknowledge within 24 hours.\n2. Send a label.\n3. Refund within five days.\n');
    const section = doc.sections.find((s) => s.title === 'How we handle a return')!;
    assert.deepEqual(section.canonical, ['process']);
    assert.equal(section.recognisedBy, 'content');
    assert.equal(doc.steps.length, 3);
  });

  it('takes a section of "Step N" paragraphs (pasted from a document) as the process', () => {
    const doc = buildSopDocument('# Empathy\n\n## Purpose\n\nx\n\n## What to do\n\nStep 1: Greet the Customer\nSay hello.\n\nStep 2: Listen Actively\nLet them talk.\n');
    assert.deepEqual(doc.steps.map((s) => [s.number, s.title, s.kind]), [[1, 'Greet the Customer', 'paragraph'], [2, 'Listen Actively', 'paragraph']]);
  });

  it('raises no missing-section false alarm for the seed-style article with aliases and numbering', () => {
    const text = [
      '# Handling Customer Queries with Empathy', '',
      '## 1. Objective:', '', 'Standardise how we handle queries.', '',
      '## 2. Applicability', '', 'All agents, all channels.', '',
      '## 3. **Process Steps**', '', '1. Greet the customer.', '2. Listen actively.', '',
      '## 4. Additional Resources', '', '- Communication handbook', '',
      '## 5. Document History', '', '- Created on June 27, 2026', '- Reviewed and updated on July 5, 2026', '',
    ].join('\n');
    const { messages } = lint(text, { today: TODAY });
    assert.deepEqual(messages.filter((m) => m.ruleId === 'required-section'), []);
  });
});

describe('format inference', () => {
  const base = '# T\n\n## Purpose\n\nx\n\n## Scope\n\ny\n\n';
  it('front matter wins and says so', () => {
    const doc = buildSopDocument(`---\nformat: faq\n---\n${base}`);
    assert.equal(doc.format, 'faq');
    assert.equal(doc.formatReason, 'front matter says format: faq');
  });
  it('task-list items → checklist', () => {
    const doc = buildSopDocument(`${base}## Checklist\n\n- [ ] a\n- [ ] b\n- [x] c\n`);
    assert.equal(doc.format, 'checklist');
    assert.match(doc.formatReason, /3 task-list items/);
  });
  it('question headings → faq', () => {
    const doc = buildSopDocument(`${base}## FAQs\n\n### How do I reset a password?\n\nLike this.\n\n### What about refunds?\n\nLike that.\n`);
    assert.equal(doc.format, 'faq');
    assert.equal(doc.faq.length, 2);
  });
  it('If / Proceed to Step branches → workflow', () => {
    const doc = buildSopDocument(`${base}## Steps\n\n### Step 1: Check\n\n- If: expired\n- Take Action: Proceed to Step 2.\n\n### Step 2: Retry\n\nRetry.\n`);
    assert.equal(doc.format, 'workflow');
    assert.deepEqual(doc.steps[0].branches.map((b) => [b.condition, b.target, b.outcomeKind]), [['expired', 2, 'proceed']]);
  });
  it('pictured steps → guide', () => {
    const doc = buildSopDocument(`${base}## Process\n\n### Step 1: Verify\n\n![Alert list](img/a.png)\n\n### Step 2: Assess\n\n![Live feed](img/b.png)\n`);
    assert.equal(doc.format, 'guide');
  });
  it('otherwise article', () => {
    assert.equal(buildSopDocument(`${base}## Process\n\n1. a\n2. b\n`).format, 'article');
  });
  it('an unknown front-matter format falls back to inference', () => {
    const doc = buildSopDocument(`---\nformat: runbook\n---\n${base}## Checklist\n\n- [ ] a\n- [ ] b\n- [ ] c\n`);
    assert.equal(doc.format, 'checklist');
    assert.equal(doc.formatSource, 'inferred');
  });
});

describe('section labels in paragraphs (SOPs pasted from documents)', () => {
  it('reads "**Purpose:** …" and "Scope:" lines as sections', () => {
    const text = [
      '# Handling Returns and Refunds', '',
      '**Purpose:** Ensure returns are managed promptly.', '',
      'Scope:', 'All store and online returns.', '',
      '**Process Steps:**', '', '1. Acknowledge the request within 24 hours.', '2. Send a return label.', '',
      '**References:**', '', '- Returns policy', '',
      '**Revision History:**', '', '- 2026-10-01 — First version', '',
    ].join('\n');
    const doc = buildSopDocument(text);
    assert.deepEqual(doc.sections.filter((s) => s.kind === 'label').map((s) => [s.title, s.canonical]), [
      ['Purpose', ['purpose']], ['Scope', ['scope']], ['Process Steps', ['process']], ['References', ['references']], ['Revision History', ['revisionHistory']],
    ]);
    assert.equal(doc.steps.length, 2);
    assert.equal(doc.revisions[0].date, '2026-10-01');
    assert.deepEqual(lint(text, { today: TODAY }).messages, []);
  });
  it('does not take ordinary bold lead-ins for sections', () => {
    const doc = buildSopDocument('# T\n\n**Note:** keep receipts.\n\n**Tip:** smile.\n');
    assert.equal(doc.sections.length, 1);
  });
  it('inserts a missing section as a real heading even when the others are labels', () => {
    const text = '# Refunds\n\n**Purpose:** Refund fast.\n\n**Scope:** Online orders.\n';
    const fix = lint(text, { today: TODAY }).messages.find((m) => m.message.startsWith("Missing section 'Process'"))!.fix!;
    assert.match(fix.edits[0].text, /^\n?## Process\n/m);
  });
});

describe('labels inside a recognised section', () => {
  it('a bold "Objectives" under Process is a sub-point, not a second Purpose', () => {
    const text = '# T\n\n## Purpose\n\nWhy.\n\n## Process\n\n### Refund policy\n\n**Objectives**\n\nRefund within five days.\n\n1. Check.\n2. Refund.\n';
    const doc = buildSopDocument(text);
    assert.equal(doc.sections.filter((s) => s.kind === 'label').length, 0);
    assert.deepEqual(lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'duplicate-section'), []);
  });
});

describe('title edge cases', () => {
  it('an h1 that literally says "Title" is the title, not a label for the next paragraph', () => {
    const doc = buildSopDocument('# Title\n\nText.\n');
    assert.equal(doc.title?.text, 'Title');
    assert.equal(doc.title?.range.start.line, 1);
  });
});
