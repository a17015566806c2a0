/** CR-only (old Mac) line endings: front matter parses, and fixes write CR, never LF (issue 11). */
import { strict as assert } from 'node:assert';
import { eol } from '../../../src/core/lint/edits.js';
import { fixText } from '../../../src/core/lint/fix.js';
import { lint } from '../../../src/core/lint/lint.js';
import { TODAY } from './helpers.js';

const LF = '---\ntitle: Refunds\nformat: article\nowner: Billing Lead\nversion: "1.0"\nlast_reviewed: 2026-06-01\n---\n\n# Refunds\n\n## Purpose\n\nResolve refunds.\n\n## Scope\n\nAll agents.\n';
const messagesOf = (text: string) => lint(text, { today: TODAY }).messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`);

describe('line endings (issue 11)', () => {
  it('front matter with CR-only line endings is read as with LF: no bogus YAML errors', () => {
    const cr = LF.replace(/\n/g, '\r');
    assert.deepEqual(messagesOf(cr), messagesOf(LF));
    assert.ok(!messagesOf(cr).some((m) => m.includes('frontmatter-yaml')));
  });

  it('--fix on a CR-only document inserts CR line endings only', () => {
    const cr = LF.replace(/\n/g, '\r');
    const fixed = fixText(cr, { today: TODAY });
    assert.ok(fixed.applied > 0);
    assert.ok(!fixed.text.includes('\n'), JSON.stringify(fixed.text));
    assert.equal(fixed.text.replace(/\r/g, '\n'), fixText(LF, { today: TODAY }).text);
  });

  it('--fix keeps CRLF documents CRLF, and a missing front-matter field is added with CR', () => {
    const crlf = fixText(LF.replace(/\n/g, '\r\n'), { today: TODAY }).text;
    assert.doesNotMatch(crlf, /(?<!\r)\n|\r(?!\n)/);
    const noOwner = LF.replace('owner: Billing Lead\n', '').replace(/\n/g, '\r');
    const fixed = fixText(noOwner, { today: TODAY });
    assert.ok(!fixed.text.includes('\n'), JSON.stringify(fixed.text.slice(0, 200)));
  });

  it('eol tells LF, CRLF and CR apart by the first line break', () => {
    assert.deepEqual(['a\nb\r\n', 'a\r\nb\n', 'a\rb', 'ab'].map(eol), ['\n', '\r\n', '\r', '\n']);
  });
});
