/**
 * Regular expressions and globs from a config or a team schema run on a linear-time engine: the
 * hostile cases below ran for minutes on the JavaScript engine (issue 11, item 9). The tests
 * assert what comes back; on a backtracking engine they never come back within mocha's timeout.
 */
import { strict as assert } from 'node:assert';
import { loadConfigForFile } from '../../../src/core/config/resolver.js';
import { globMatcher, ignoredBy, matchesOverride } from '../../../src/core/config/globs.js';
import { compileTeamSchema } from '../../../src/core/schema.js';
import { lint } from '../../../src/core/lint/lint.js';
import { memoryHost } from './memory-host.js';

const NESTED = '\\(\\((\\w+\\s?)+\\)\\)';
const stars = (n: number) => `${'*a'.repeat(n)}*b`;

describe('hostile user patterns run in linear time (issue 11)', () => {
  it('a nested-quantifier placeholder pattern returns on a long unmatched sentence and still finds ((fields))', () => {
    const sentence = `Call ((${'word '.repeat(60)}then stop. Ask ((customer name)) for it.`;
    const messages = lint(`# Refunds\n\n${sentence}\n`, { placeholderPatterns: [NESTED], rules: { placeholder: 'warning' } }).messages.filter((m) => m.ruleId === 'placeholder');
    assert.deepEqual(messages.map((m) => m.message), ["Unfilled placeholder '((customer name))': replace it with the real value before publishing"]);
  });

  it('rule options patterns run on the same engine', () => {
    const text = `# Refunds\n\nNote ((${'x '.repeat(60)}and ((ticket id)).\n`;
    const messages = lint(text, { rules: { placeholder: { severity: 'warning', options: { patterns: [NESTED] } } } }).messages.filter((m) => m.ruleId === 'placeholder');
    assert.equal(messages.length, 1);
    assert.match(messages[0].message, /'\(\(ticket id\)\)'/);
  });

  it('a pattern the linear-time engine cannot run is a config problem that names it', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'placeholders:\n  patterns:\n    - "TODO(?=:)"\n    - "(a)\\\\1"\nrules:\n  placeholder:\n    options:\n      patterns: ["<<(?!x)"]\n' });
    const result = await loadConfigForFile('/r/a.md', host);
    const messages = result.problems.map((p) => `${p.line}: ${p.message}`);
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0], /^3: placeholders\.patterns\[0\] is not a valid regular expression for sopkit \('TODO\(\?=:\)'\): lookahead/);
    assert.match(messages[1], /^4: placeholders\.patterns\[1\] .*\('\(a\)\\1'\): backreferences are not supported/);
    assert.match(messages[2], /rules\.placeholder\.options\.patterns\[0\] .*'<<\(\?!x\)'/);
    assert.equal(result.options.placeholderPatterns, undefined, 'unusable patterns are left out');
  });

  it('a team schema pattern with nested quantifiers validates a long front-matter value and reports the mismatch', () => {
    const team = { path: 'team.json', schema: { allOf: [{ $ref: 'https://sopkit.dev/schemas/sop.schema.json' }], properties: { frontMatter: { properties: { owner: { type: 'string', pattern: '^(a+)+$' } } } } } };
    const text = `---\ntitle: Refunds\nowner: ${'a'.repeat(40)}!\n---\n\n# Refunds\n`;
    const messages = lint(text, { teamSchema: team }).messages.filter((m) => m.ruleId === 'frontmatter-schema');
    assert.equal(messages.length, 1, JSON.stringify(messages));
    assert.match(messages[0].message, /owner/);
  });

  it('a team schema pattern the engine cannot run makes the schema unusable, naming the pattern', () => {
    const compiled = compileTeamSchema({ path: 'team.json', schema: { properties: { frontMatter: { properties: { id: { type: 'string', pattern: '^(?!tmp)' } } } } } });
    assert.ok('error' in compiled);
    assert.match(compiled.error, /team\.json.*pattern '\^\(\?!tmp\)' cannot be used: lookahead/);
  });
});

describe('hostile globs run in linear time (issue 11)', () => {
  it('an override glob with 24 stars returns on a long file name', async () => {
    assert.equal(matchesOverride(stars(24), `${'a'.repeat(80)}.md`), false);
    assert.equal(matchesOverride(stars(24), `${'a'.repeat(30)}b`), true);
    const host = memoryHost({ '/r/.sopkit.yaml': `overrides:\n  - files: "${stars(24)}"\n    format: faq\n` });
    const result = await loadConfigForFile(`/r/${'a'.repeat(80)}.md`, host);
    assert.deepEqual(result.problems, []);
    assert.equal(result.options.format, undefined);
  });

  it('an override with a dozen globstars returns on a deep path', () => {
    assert.equal(matchesOverride(`${'a/**/'.repeat(12)}b`, `${'a/'.repeat(400)}c.md`), false);
  });

  it('ignore lines with many stars or globstars return on long and deep paths', async () => {
    assert.equal(ignoredBy([stars(24)], `${'a'.repeat(80)}.md`), false);
    assert.equal(ignoredBy([`${'a/**/'.repeat(12)}b`], `${'a/'.repeat(400)}c.md`), false);
    const host = memoryHost({ '/r/.sopkit.yaml': `ignore:\n  - "${'a/**/'.repeat(12)}b"\n` });
    const result = await loadConfigForFile(`/r/${'a/'.repeat(400)}c.md`, host);
    assert.equal(result.ignored, false);
  });
});

describe('globMatcher: editor globs such as sopkit.files', () => {
  const sopFiles = globMatcher(['**/*.sop.md', '**/sops/**/*.md', '**/SOPs/**/*.md']);
  const cases: [string, boolean][] = [
    ['a.sop.md', true], ['x/y/a.sop.md', true], ['sops/a.md', true], ['team/sops/deep/a.md', true],
    ['SOPs/a.md', true], ['a.md', false], ['notes/sops.md', false], ['.hidden/a.sop.md', true],
  ];
  for (const [path, expected] of cases) {
    it(`the default globs ${expected ? 'match' : 'do not match'} ${path}`, () => assert.equal(sopFiles(path), expected));
  }

  it('a glob without a slash names the top folder only (unlike an override list)', () => {
    assert.equal(globMatcher(['*.sop.md'])('a.sop.md'), true);
    assert.equal(globMatcher(['*.sop.md'])('x/a.sop.md'), false);
  });

  it('an empty list matches nothing, an unusable glob is left out, a hostile one returns', () => {
    assert.equal(globMatcher([])('a.md'), false);
    assert.equal(globMatcher(['+(a|b).md', '*.md'])('a.md'), true);
    assert.equal(globMatcher([`${'**/'.repeat(12)}z`, stars(24)])(`${'a/'.repeat(400)}${'a'.repeat(80)}.md`), false);
  });
});

describe('override globs keep their meaning', () => {
  const cases: [string | string[], string, boolean][] = [
    ['checklists/**', 'checklists/a.md', true],
    ['checklists/**', 'checklists/deep/a.md', true],
    ['checklists/**', 'other/a.md', false],
    ['*.draft.md', 'a.draft.md', true],
    ['*.draft.md', 'deep/er/a.draft.md', true],
    ['*.draft.md', 'a.md', false],
    ['sops/*.md', 'sops/a.md', true],
    ['sops/*.md', 'sops/x/a.md', false],
    ['**/x-*.md', 'x-a.md', true],
    ['**/x-*.md', 'p/q/x-a.md', true],
    ['docs/**/faq.md', 'docs/faq.md', true],
    ['docs/**/faq.md', 'docs/a/b/faq.md', true],
    ['{billing,support}/*.md', 'support/a.md', true],
    ['{billing,support}/*.md', 'sales/a.md', false],
    ['{a,{b,c}x}.md', 'cx.md', true],
    ['[ab].md', 'b.md', true],
    ['[!ab].md', 'c.md', true],
    ['[!ab].md', 'a.md', false],
    ['?.md', 'a.md', true],
    ['?.md', 'ab.md', false],
    ['*.md', '.hidden.md', true],
    ['./sops/*.md', 'sops/a.md', true],
    ['a\\*b.md', 'a*b.md', true],
    ['a\\*b.md', 'axb.md', false],
    ['(draft) *.md', '(draft) one.md', true],
    ['!*.faq.md', 'a.md', true],
    ['!*.faq.md', 'a.faq.md', false],
    [['*.faq.md', '*.draft.md'], 'x/a.draft.md', true],
    ['Refunds.md', 'refunds.md', false],
  ];
  for (const [globs, path, expected] of cases) {
    it(`${JSON.stringify(globs)} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesOverride(globs, path), expected));
  }

  it('extended globs are refused at config load, naming the glob', async () => {
    const result = await loadConfigForFile('/r/a.md', memoryHost({ '/r/.sopkit.yaml': 'overrides:\n  - files: ["+(a|b).md"]\n    format: faq\n' }));
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /^overrides\[0\]\.files\[0\] is not a glob sopkit can use \('\+\(a\|b\)\.md'\): extended globs/);
    assert.equal(result.problems[0].line, 2);
  });
});

describe('ignore lists keep .gitignore meaning', () => {
  const cases: [string[], string, boolean][] = [
    [['drafts/'], 'drafts/a.md', true],
    [['drafts/'], 'x/drafts/a.md', true],
    [['drafts/'], 'drafts.md', false],
    [['drafts'], 'drafts', true],
    [['*.tmp.md'], 'deep/a.tmp.md', true],
    [['/top.md'], 'top.md', true],
    [['/top.md'], 'x/top.md', false],
    [['a/b.md'], 'a/b.md', true],
    [['a/b.md'], 'x/a/b.md', false],
    [['drafts/**'], 'drafts/x/y.md', true],
    [['drafts/**', '!drafts/keep.md'], 'drafts/keep.md', false],
    [['drafts/', '!drafts/keep.md'], 'drafts/keep.md', true],
    [['*.md', '!keep.md'], 'keep.md', false],
    [['*.md', '!keep.md', 'keep.md'], 'keep.md', true],
    [['# comment', ''], 'a.md', false],
    [['\\#x.md'], '#x.md', true],
    [['DRAFTS/'], 'drafts/a.md', true],
    [['a/**/b.md'], 'a/x/y/b.md', true],
    [['a/**/b.md'], 'a/b.md', true],
  ];
  for (const [lines, path, expected] of cases) {
    it(`${JSON.stringify(lines)} ${expected ? 'ignores' : 'keeps'} ${path}`, () => assert.equal(ignoredBy(lines, path), expected));
  }
});
