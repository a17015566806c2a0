/** The library's light Markdown reading: headings and anchors, relative links, id-shaped tokens, and what it must never read. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { scanEntry } from '../../../src/core/library/entry.js';
import { fieldsOf, frontMatterEnd, quickFrontMatter } from '../../../src/core/library/fields.js';
import { ROOT } from '../core/helpers.js';
import { githubSlug, headingPlainText } from '../../../src/core/library/slug.js';
import { compileUserRegex, type UserRegex } from '../../../src/core/user-regex.js';

const tokens = (text: string, pattern?: UserRegex) => scanEntry('/lib/a.md', text, { pattern }).tokens.map((t) => t.text);
const links = (text: string) => scanEntry('/lib/a.md', text).links.map((l) => [l.path, l.fragment]);

describe('library scan: id-shaped tokens', () => {
  it('finds prefix-and-digits words and their prefix', () => {
    const entry = scanEntry('/lib/a.md', 'Follow SOP-014, then CS009 and QA-SOP-7.\n');
    assert.deepEqual(entry.tokens.map((t) => [t.text, t.prefix, t.digits]), [['SOP-014', 'SOP-', '014'], ['CS009', 'CS', '009'], ['QA-SOP-7', 'QA-SOP-', '7']]);
  });

  it('keeps offsets that point at the token in the text', () => {
    const text = '---\nid: SOP-001\n---\n\nSee SOP-002 here.\n';
    const [token] = scanEntry('/lib/a.md', text).tokens;
    assert.equal(text.slice(token.start, token.end), 'SOP-002');
  });

  it('never reads code spans, code blocks, indented code, comments, HTML, URLs or link destinations', () => {
    const text = [
      'Inline `SOP-001` and ``SOP-002 ` x`` stay code.',
      '',
      '```text',
      'SOP-003 in a fence',
      '```',
      '',
      '    SOP-004 indented code',
      '    SOP-005 still code',
      '',
      '<!-- SOP-006 in a comment -->',
      '<span title="SOP-007">x</span> https://example.com/SOP-008 and www.example.com/SOP-009',
      '[a link](docs/SOP-010.md) and <https://x.test/SOP-011>',
      '',
      '<!--',
      'SOP-012 in a long comment',
      '-->',
      'Only SOP-013 counts.',
    ].join('\n');
    assert.deepEqual(tokens(text), ['SOP-013']);
  });

  it('does not read the front matter as text', () => {
    assert.deepEqual(tokens('---\nsupersedes: SOP-001\n---\n\nBody SOP-002.\n'), ['SOP-002']);
  });

  it('does not take a token glued to something else as one of prefix SOP-', () => {
    const entry = scanEntry('/lib/a.md', '9SOP-001 x_SOP-002 a.SOP-003 SOP-004-2 SOP-005.1 SOP-006a @SOP-007 #SOP-008 SOP-009.');
    assert.deepEqual(entry.tokens.filter((t) => t.prefix === 'SOP-').map((t) => t.text), ['SOP-009']);
  });

  it('CVE-2024-1234 is one word of prefix CVE-2024-, never CVE-2024', () => {
    const entry = scanEntry('/lib/a.md', 'CVE-2024-1234 and COVID-19 and ISO-9001');
    assert.deepEqual(entry.tokens.map((t) => t.prefix), ['CVE-2024-', 'COVID-', 'ISO-']);
  });

  it('adds the configured pattern, marked as configured', () => {
    const pattern = compileUserRegex('QMS-[A-Z]{2}-\\d{3}');
    assert.ok(!('error' in pattern));
    const entry = scanEntry('/lib/a.md', 'See QMS-AB-001 and `QMS-CD-002`.\n', { pattern: pattern as UserRegex });
    assert.deepEqual(entry.tokens.filter((t) => t.configured).map((t) => t.text), ['QMS-AB-001']);
  });

  it('reads a list item\'s indented continuation as text, not as code', () => {
    assert.deepEqual(tokens('- First item\n\n    continues with SOP-001\n'), ['SOP-001']);
  });
});

describe('library scan: links', () => {
  it('keeps relative links with their fragment, decoded', () => {
    assert.deepEqual(links('[a](../refunds.md#step-2) [b](my%20file.md) [c](<with space.md>) [d](#scope) ![i](img/x.png)\n'), [
      ['../refunds.md', 'step-2'], ['my file.md', undefined], ['with space.md', undefined], ['', 'scope'], ['img/x.png', undefined],
    ]);
  });

  it('leaves out links with a scheme, a host or a site-absolute path', () => {
    assert.deepEqual(links('[a](https://x.test/a.md) [b](mailto:a@b.c) [c](//host/a.md) [d](/docs/a.md)\n'), []);
  });

  it('reads link reference definitions', () => {
    assert.deepEqual(links('See [the guide][g].\n\n[g]: ./guide.md#intro "Guide"\n'), [['./guide.md', 'intro']]);
  });

  it('reads no link inside code', () => {
    assert.deepEqual(links('`[a](x.md)`\n\n```\n[b](y.md)\n```\n'), []);
  });
});

describe('library scan: headings', () => {
  it('gives each heading the anchor code hosts give it, numbering repeats', () => {
    const entry = scanEntry('/lib/a.md', '# Title\n\n## Step 1: Check the **order**\n\n## FAQ\n\n## FAQ\n\nSetext\n------\n\n```\n# not a heading\n```\n');
    assert.deepEqual(entry.headings.map((h) => h.slug), ['title', 'step-1-check-the-order', 'faq', 'faq-1', 'setext']);
  });

  it('reads explicit anchors', () => {
    assert.deepEqual(scanEntry('/lib/a.md', 'Text <a id="Refund-Limits"></a> and <a name=x2>.\n').anchors, ['refund-limits', 'x2']);
  });

  it('strips markup before making the slug', () => {
    assert.equal(githubSlug(headingPlainText('[Refunds](r.md) & `code` _emphasis_ snake_case')), 'refunds--code-emphasis-snake_case');
  });
});

describe('library scan: front-matter fields', () => {
  it('keeps a numeric id and version as written', () => {
    const entry = scanEntry('/lib/a.md', '---\nid: 014\nversion: 1.0\n---\n');
    assert.equal(entry.id, '014');
    assert.equal(entry.version, '1.0');
  });

  it('says why an id is not usable, and reads succession lists', () => {
    const entry = scanEntry('/lib/a.md', '---\nid: [SOP-1, SOP-2]\nsupersedes: [SOP-3, 4]\nsuperseded_by: SOP-9\n---\n');
    assert.equal(entry.id, undefined);
    assert.equal(entry.idProblem, 'a list');
    assert.deepEqual(entry.supersedes, ['SOP-3', '4']);
    assert.deepEqual(entry.supersededBy, ['SOP-9']);
  });

  it('reads nothing from broken front matter, and never throws', () => {
    const entry = scanEntry('/lib/a.md', '---\ntitle: "open\nid: SOP-1\n---\n\n# T\n');
    assert.equal(entry.id, undefined);
    assert.deepEqual(entry.headings.map((h) => h.text), ['T']);
  });

  it('survives hostile text (unclosed forms by the thousand) without throwing', () => {
    const hostile = ['SOP-1 '.repeat(5000), '`'.repeat(5000), '](('.repeat(5000), '[a]('.repeat(3000), '<a id='.repeat(2000), `# ${'_'.repeat(20000)}`, '<!--'.repeat(3000)].join('\n');
    const entry = scanEntry('/lib/a.md', hostile);
    assert.ok(entry.tokens.length > 0);
  });
});

describe('library front matter: the quick line reading agrees with the YAML parser', () => {
  it('on every Markdown file of the repository whose front matter it reads', () => {
    const files = execFileSync('git', ['ls-files', '*.md'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    let quick = 0;
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const end = frontMatterEnd(text);
      if (end === 0) continue;
      const lines = text.slice(text.indexOf('\n') + 1, text.lastIndexOf('\n', end - 2) + 1).split(/\r\n|\r|\n/);
      const fast = quickFrontMatter(lines);
      if (!fast) continue;
      quick++;
      const doc = parseDocument(lines.join('\n'), { uniqueKeys: true });
      const parsed = doc.errors.length ? null : (doc.toJS() as Record<string, unknown> | null);
      assert.deepEqual(fieldsOf(fast), fieldsOf(parsed), file);
    }
    assert.ok(quick > 50, `${quick} files read the quick way`);
  });

  it('hands anything but plain key: value lines to the parser', () => {
    for (const lines of [['title: >', '  folded'], ['id: a', 'id: b'], ['title: - x'], ['\ttitle: x'], ['"id": x'], ['id: [a, [b]]'], ['title: a: b']]) {
      assert.equal(quickFrontMatter(lines), undefined, lines.join('\\n'));
    }
    assert.deepEqual(quickFrontMatter(['id: 014 # the register', 'supersedes: [SOP-1, "SOP-2"]', 'tags:', '  - a', 'version: 1.0']), { id: 14, supersedes: ['SOP-1', 'SOP-2'], version: 1 });
  });
});
