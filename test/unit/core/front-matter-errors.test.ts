/**
 * Front-matter YAML errors in plain words, on the token or line at fault, with a fix where one is
 * safe (issue 19, item 6).
 */
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/lint/fix.js';
import { lint } from '../../../src/core/lint/lint.js';
import { quoteWords } from '../../../src/core/display.js';

const doc = (yaml: string) => `---\n${yaml}---\n\n# Refunds\n`;
const yamlFindings = (text: string) => lint(text, { today: '2026-11-23' }).messages.filter((m) => m.ruleId === 'frontmatter-yaml');
const underlined = (text: string, m: { line: number; column: number; endLine: number; endColumn: number }) => {
  assert.equal(m.line, m.endLine, 'one line');
  return text.split('\n')[m.line - 1].slice(m.column - 1, m.endColumn - 1);
};

describe('front-matter YAML errors a person can act on', () => {
  it('an unclosed double quote: names the key, underlines its value, offers to close it', () => {
    const text = doc('title: "Refunds and returns\nowner: Ann\n');
    const [m] = yamlFindings(text);
    assert.equal(m.message, "Front matter is not valid YAML: the value of 'title' opens a double quote that is never closed; close it at the end of the value");
    assert.equal(underlined(text, m), '"Refunds and returns');
    assert.equal(m.suggestions?.[0].title, "Close the quote of 'title'");
    const fixed = applyEdits(text, m.suggestions![0].edits);
    assert.ok(fixed.startsWith('---\ntitle: "Refunds and returns"\nowner: Ann\n'), fixed);
    assert.deepEqual(yamlFindings(fixed), []);
    assert.equal(m.fix, undefined, '--fix never applies it');
  });

  it('an unclosed single quote further up than where the parser gave up', () => {
    const text = doc("owner: Ann\ntitle: 'Refunds\nstatus: draft\nversion: 1.0\n");
    const [m] = yamlFindings(text);
    assert.match(m.message, /the value of 'title' opens a single quote that is never closed/);
    assert.equal(m.line, 3);
    assert.deepEqual(yamlFindings(applyEdits(text, m.suggestions![0].edits)), []);
  });

  it('": " inside a plain value: says so, underlines the value, offers to quote it (escaping what must be)', () => {
    const text = doc('owner: Ann: lead "support" \\ billing\nstatus: draft\n');
    const [m] = yamlFindings(text);
    assert.equal(m.message, "Front matter is not valid YAML: the value of 'owner' contains ': ', which YAML reads as the start of another key; put the value in quotes");
    assert.equal(underlined(text, m), 'Ann: lead "support" \\ billing');
    const fixed = applyEdits(text, m.suggestions![0].edits);
    assert.deepEqual(yamlFindings(fixed), []);
    assert.equal(lint(fixed).messages.some((x) => x.ruleId === 'frontmatter-yaml'), false);
    assert.ok(fixed.includes('owner: "Ann: lead \\"support\\" \\\\ billing"'), fixed);
  });

  it('no quoting fix when a comment would move inside the quotes', () => {
    const [m] = yamlFindings(doc('owner: Ann: lead # the team lead\n'));
    assert.match(m.message, /contains ': '/);
    assert.equal(m.suggestions, undefined);
  });

  it('a value starting with a reserved character: quote it', () => {
    const text = doc('owner: @ann\n');
    const [m] = yamlFindings(text);
    assert.match(m.message, /the value of 'owner' starts with '@', which YAML reserves; put the value in quotes/);
    assert.deepEqual(yamlFindings(applyEdits(text, m.suggestions![0].edits)), []);
  });

  it('a duplicate key, an unclosed list and an indented line: plain words on the whole line, no fix', () => {
    const duplicate = doc('status: draft\nstatus: review\n');
    const [d] = yamlFindings(duplicate);
    assert.equal(d.message, "Front matter is not valid YAML: the key 'status' appears more than once; keep one");
    assert.equal(underlined(duplicate, d), 'status: review');
    const [list] = yamlFindings(doc('owner: [Support Lead\nstatus: draft\n'));
    assert.match(list.message, /a list opened with '\[' is not closed with '\]'/);
    const indented = yamlFindings(doc('title: Refunds\n  bad indent: x\n'));
    assert.match(indented[0].message, /the line after 'title' is indented, so YAML reads it as part of this value/);
    for (const m of [d, list, ...indented]) assert.equal(m.suggestions, undefined);
  });

  it('CRLF and lone-CR front matter keep their positions', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = `---${eol}owner: Ann: lead${eol}---${eol}${eol}# Refunds${eol}`;
      const [m] = yamlFindings(text);
      assert.match(m.message, /contains ': '/);
      assert.equal(m.line, 2);
      assert.equal(m.column, 8);
    }
  });
});

describe('quotes in messages are cut at a word break (issue 19, item 9)', () => {
  it('a long unreadable revision date is quoted up to a whole word, with an ellipsis', () => {
    const text = '# Refunds\n\n## Revision History\n\n| Date | Version | Change |\n| --- | --- | --- |\n| someday in the distant future when we get to it | 1.0 | First |\n';
    const m = lint(text, { today: '2026-11-23' }).messages.find((x) => x.ruleId === 'revision-history' && /no date/.test(x.message))!;
    assert.match(m.message, /\('someday in the distant future when we…'\)/);
  });

  it('quoteWords keeps short text, cuts long text at a space, and a single long word at the limit', () => {
    assert.equal(quoteWords('next   Tuesday'), 'next Tuesday');
    assert.equal(quoteWords('one two three four five six seven eight nine', 20), 'one two three four…');
    assert.equal(quoteWords('x'.repeat(100), 20), `${'x'.repeat(19)}…`);
  });
});
