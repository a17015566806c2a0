/**
 * The editor's hover and code lenses say what sopkit took as what (issue 14, item 2). Their words
 * come from the core (model/explain.ts); the editor tests only check the wiring.
 */
import { strict as assert } from 'node:assert';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { explainLine, recognitionLenses } from '../../../src/core/model/explain.js';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const BY_CONTENT = `# Refund a damaged order

This SOP describes how agents refund orders that arrive damaged.

## How we refund

1. Check the photos.
2. Refund the order.

## Revision History

| Date | Version | Change |
| --- | --- | --- |
| 2026-01-10 | 1.0 | First version |
`;

describe('explainLine: the hover text', () => {
  it('a front-matter key: its meaning, type and allowed values', () => {
    const text = '---\nformat: workflow\nstatus: draft\n---\n\n# Refunds\n';
    const hover = explainLine(buildSopDocument(text), 3);
    assert.match(hover!, /^\*\*status\*\* \(/);
    assert.match(hover!, /Allowed values: `draft`, `review`, `approved`, `retired`/);
  });

  it('an unknown front-matter key has nothing to explain, and no section text leaks in', () => {
    const text = '---\nownr: Ann\n---\n\n# Refunds\n';
    assert.equal(explainLine(buildSopDocument(text), 2), undefined);
  });

  it('a heading named by its canonical name: required or optional for the format, recognised by its heading', () => {
    const text = '---\nformat: workflow\n---\n\n# Card declined\n\n## Purpose\n\nHelp agents.\n\n## Escalation\n\nCall the lead.\n\n## Definitions\n\n- Lead: the shift lead\n';
    const doc = buildSopDocument(text);
    assert.match(explainLine(doc, lineOf(text, '## Escalation'))!, /^\*\*Escalation\*\* — required in a workflow SOP\n\n.+\n\n_Recognised by its heading\._$/s);
    assert.match(explainLine(doc, lineOf(text, '## Definitions'))!, /^\*\*Definitions\*\* — optional/);
  });

  it('a heading matched by a word among others says so', () => {
    const text = '# Complaints\n\n## Complaint Handling Procedure\n\n1. Log it.\n2. Answer it.\n';
    const hover = explainLine(buildSopDocument(text), 3);
    assert.match(hover!, /^\*\*Process\*\*/);
    assert.match(hover!, /Recognised as Process by a name or word in its heading\./);
  });

  it('content taken as a part names the quick fix', () => {
    const doc = buildSopDocument(BY_CONTENT);
    const hover = explainLine(doc, lineOf(BY_CONTENT, 'This SOP describes'));
    assert.match(hover!, /^\*\*Purpose\*\*/);
    assert.match(hover!, /Recognised as Purpose by its content, not its heading\. The quick fix "Give this content its canonical heading" adds one\./);
  });

  it('a second heading for a part already served says which line counts', () => {
    const text = '# Refunds\n\n## Purpose\n\nHelp agents.\n\n## Objective\n\nAlso help agents.\n';
    const hover = explainLine(buildSopDocument(text), lineOf(text, '## Objective'));
    assert.match(hover ?? '', /Also served elsewhere \(line 3\); this heading is not the one counted\./);
  });

  it('an ordinary line, the title and an unrecognised heading have nothing to explain', () => {
    const doc = buildSopDocument(BY_CONTENT);
    assert.equal(explainLine(doc, lineOf(BY_CONTENT, 'Check the photos')), undefined);
    assert.equal(explainLine(doc, 1), undefined);
    assert.equal(explainLine(buildSopDocument('# Refunds\n\n## Notes on tone\n\nBe kind.\n'), 3), undefined);
  });
});

describe('recognitionLenses: code lenses above content taken as a part', () => {
  it('one lens per part served by content alone, on that content\'s line', () => {
    const lenses = recognitionLenses(buildSopDocument(BY_CONTENT));
    assert.deepEqual(lenses.map((l) => [l.part, l.line]), [['purpose', lineOf(BY_CONTENT, 'This SOP describes')]]);
    assert.equal(lenses[0].title, 'sopkit: Purpose — recognised by its content, not a heading');
  });

  it('a document whose parts all have headings gets none', () => {
    const text = '# Refunds\n\n## Purpose\n\nHelp.\n\n## Scope\n\nAgents.\n\n## Process\n\n1. Do it.\n';
    assert.deepEqual(recognitionLenses(buildSopDocument(text)), []);
  });
});
