/** The Markdown decisions the editor's quick fixes and completion take from the core. */
import { strict as assert } from 'node:assert';
import { frontMatterFence } from '../../../src/core/parse/front-matter-fence.js';
import { disableForFileEdit, disableForLineEdit } from '../../../src/core/lint/disable.js';
import { applyEdits } from '../../../src/core/lint/fix.js';
import { sectionsToAdd } from '../../../src/core/lint/edits.js';
import { lint } from '../../../src/core/lint/lint.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { TODAY } from './helpers.js';

const SOP = '---\ntitle: Refunds\n---\n\n# Refunds\n\nIntro line one\nline two\n\n- item\n- item two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n';

describe('frontMatterFence', () => {
  it('finds the closing --- or ... line, 1-based', () => {
    assert.deepEqual(frontMatterFence('---\na: 1\n---\nx'), { closingLine: 3 });
    assert.deepEqual(frontMatterFence('---  \r\na: 1\r\n...\r\n'), { closingLine: 3 });
    assert.deepEqual(frontMatterFence('---\ra: 1\r---\r'), { closingLine: 3 });
  });
  it('is undefined when line 1 is not a fence, and open when nothing closes it', () => {
    assert.equal(frontMatterFence('# Title\n---\n'), undefined);
    assert.equal(frontMatterFence(''), undefined);
    assert.deepEqual(frontMatterFence('---'), {});
    assert.deepEqual(frontMatterFence('---\na: 1\n'), {});
  });
  it('looks 2000 lines far for the closing fence', () => {
    assert.deepEqual(frontMatterFence(`---\n${'a: 1\n'.repeat(1998)}---\n`), { closingLine: 2000 });
    assert.deepEqual(frontMatterFence(`---\n${'a: 1\n'.repeat(1999)}---\n`), {});
  });
});

describe('disable comments placed by the core', () => {
  const line = (text: string, n: number, rule = 'placeholder') => {
    const edit = disableForLineEdit(text, n, rule);
    return edit && applyEdits(text, [edit]);
  };
  it('puts disable-next-line above a heading or a block after a blank line', () => {
    assert.match(line(SOP, 5)!, /\n\n<!-- sopkit-disable-next-line placeholder -->\n# Refunds\n/);
    assert.match(line(SOP, 7)!, /\n\n<!-- sopkit-disable-next-line placeholder -->\nIntro line one\n/);
    assert.match(line('  # Indented\n', 1)!, /^ {2}<!-- sopkit-disable-next-line placeholder -->\n {2}# Indented\n$/);
  });
  it('puts disable-line at the end of a list item or a paragraph continuation line', () => {
    assert.match(line(SOP, 8)!, /\nline two <!-- sopkit-disable-line placeholder -->\n/);
    assert.match(line(SOP, 10)!, /\n- item <!-- sopkit-disable-line placeholder -->\n/);
  });
  it('offers nothing in front matter or on a table row, and keeps CRLF', () => {
    assert.equal(disableForLineEdit(SOP, 2, 'x'), undefined);
    assert.equal(disableForLineEdit(SOP, 3, 'x'), undefined);
    assert.equal(disableForLineEdit(SOP, 15, 'x'), undefined);
    assert.equal(disableForLineEdit('---\nopen: yes\n\n# T\n', 4, 'x'), undefined);
    assert.equal(line(SOP.replace(/\n/g, '\r\n'), 5), line(SOP, 5)!.replace(/\n/g, '\r\n'));
  });
  it('puts the file-wide disable after the front matter, one blank line on each side', () => {
    const file = (text: string) => applyEdits(text, [disableForFileEdit(text, 5, 'required-section')!]);
    assert.ok(file(SOP).startsWith('---\ntitle: Refunds\n---\n\n<!-- sopkit-disable required-section -->\n\n# Refunds\n\nIntro'));
    assert.equal(file('---\na: 1\n---\n# T\n'), '---\na: 1\n---\n\n<!-- sopkit-disable required-section -->\n\n# T\n');
    assert.equal(file('# T\n'), '<!-- sopkit-disable required-section -->\n\n# T\n');
    assert.equal(file('---\na: 1\n---'), '---\na: 1\n---\n\n<!-- sopkit-disable required-section -->\n\n');
    assert.equal(disableForFileEdit(SOP, 2, 'x'), undefined);
  });
  it('the comments it writes do disable the rule', () => {
    const text = '---\ntitle: Refunds\n---\n\n# Refunds\n\nTODO\n';
    const message = lint(text, { today: TODAY }).messages.find((m) => m.ruleId === 'placeholder')!;
    for (const edit of [disableForLineEdit(text, message.line, 'placeholder'), disableForFileEdit(text, message.line, 'placeholder')]) {
      assert.ok(!lint(applyEdits(text, [edit!]), { today: TODAY }).messages.some((m) => m.ruleId === 'placeholder'));
    }
  });
});

describe('sectionsToAdd', () => {
  it('lists the sections the SOP lacks, required ones flagged, with their starting content', () => {
    const doc = buildSopDocument('# Refunds\n\n## Purpose\n\nx\n');
    const offered = sectionsToAdd(doc, undefined, TODAY);
    const ids = offered.map((s) => s.info.id);
    assert.ok(!ids.includes('title') && !ids.includes('purpose'));
    assert.ok(offered.find((s) => s.info.id === 'scope')!.required);
    assert.ok(offered.some((s) => !s.required));
    const history = offered.find((s) => s.info.id === 'revisionHistory')!;
    assert.ok(!history.body.includes('{{today}}') && history.body === history.body.trim());
  });
});
