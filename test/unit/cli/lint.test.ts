import { strict as assert } from 'node:assert';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, sopkit, TODAY, WARNING_SOP, workspace } from './helpers.js';

after(cleanUpWorkspaces);

describe('sopkit lint: exit codes', () => {
  it('exits 0 when there are no problems and says so', async () => {
    const dir = workspace({ 'sops/billing.md': CLEAN_SOP });
    const run = await sopkit(dir, ['lint', ...TODAY]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '✔ 1 SOP checked, no problems\n');
  });

  it('exits 0 with warnings only, 1 with errors', async () => {
    const dir = workspace({ 'w.md': WARNING_SOP, 'b.md': BROKEN_SOP });
    assert.equal((await sopkit(dir, ['lint', 'w.md', ...TODAY])).code, 0);
    assert.equal((await sopkit(dir, ['lint', 'b.md', ...TODAY])).code, 1);
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const dir = workspace({ 'w.md': WARNING_SOP, 'w2.md': WARNING_SOP });
    assert.equal((await sopkit(dir, ['lint', '--max-warnings', '2', ...TODAY])).code, 0);
    const over = await sopkit(dir, ['lint', '--max-warnings', '1', ...TODAY]);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
    assert.equal((await sopkit(dir, ['lint', '--max-warnings', 'many'])).code, 2);
  });

  it('--quiet shows errors only', async () => {
    const dir = workspace({ 'b.md': BROKEN_SOP, 'w.md': WARNING_SOP });
    const run = await sopkit(dir, ['lint', '--quiet', ...TODAY]);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout, /warning|w\.md/);
    assert.match(run.stdout, /b\.md/);
    assert.match(run.stdout, /✖ 2 problems \(2 errors\) in 2 files/);
    const json = JSON.parse((await sopkit(dir, ['lint', '-q', '-f', 'json', ...TODAY])).stdout);
    assert.ok(json.every((r: { messages: { severity: number }[] }) => r.messages.every((m) => m.severity === 2)));
    assert.deepEqual(json.map((r: { warningCount: number }) => r.warningCount), [0, 0]);
  });

  it('exits 2 for usage errors: unknown format, bad date, a glob that matches nothing, nothing to lint', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP, 'empty/.keep': '' });
    const format = await sopkit(dir, ['lint', '--format', 'xml']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /xml.*Allowed choices are stylish, json, sarif, github/);
    const today = await sopkit(dir, ['lint', '--today', '2026-02-30']);
    assert.equal(today.code, 2);
    assert.match(today.stderr, /--today must be a real date written YYYY-MM-DD; got '2026-02-30'/);
    const glob = await sopkit(dir, ['lint', 'docs/**/*.md', 'a.md', ...TODAY]);
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /no files match 'docs\/\*\*\/\*\.md'/);
    const empty = await sopkit(dir, ['lint', 'empty']);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no Markdown files to lint in empty/);
    assert.equal((await sopkit(dir, ['lint', '--no-such-flag'])).code, 2);
    assert.equal((await sopkit(dir, [])).code, 2, 'no command: help on stderr, usage error');
    assert.equal((await sopkit(dir, ['--version'])).code, 0);
  });
});

describe('sopkit lint: files it cannot lint', () => {
  it('reports a missing path, a binary file, UTF-16 and invalid UTF-8 in one line each and lints the rest', async () => {
    const dir = workspace({
      'good.md': CLEAN_SOP,
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'latin1.md': Buffer.from('# Caf\xe9 opening\n', 'latin1'),
      'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title\n', 'utf16le')]),
    });
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'dangling.md'));
    const run = await sopkit(dir, ['lint', '.', 'missing.md', 'dangling.md', ...TODAY]);
    assert.equal(run.code, 2);
    const lines = run.stderr.trim().split('\n');
    assert.deepEqual(lines, [
      "sopkit: dangling.md: skipped, cannot be read (it does not exist)",
      'sopkit: image.md: skipped, it is a binary file (NUL byte at offset 4), not Markdown text',
      'sopkit: latin1.md: skipped, it is not valid UTF-8 text; save it as UTF-8',
      'sopkit: missing.md: skipped, cannot be read (it does not exist)',
      'sopkit: utf16.md: skipped, it is UTF-16 text; save it as UTF-8',
    ]);
    assert.match(run.stdout, /✔ 1 SOP checked, no problems/);
    const json = JSON.parse((await sopkit(dir, ['lint', '-f', 'json', ...TODAY])).stdout);
    const image = json.find((r: { filePath: string }) => r.filePath.endsWith('image.md'));
    assert.deepEqual(image.messages[0].fatal, true);
    assert.match(image.messages[0].message, /^Skipped: it is a binary file/);
  });
});

describe('sopkit lint: which files', () => {
  it('expands folders to Markdown files, respects .gitignore and config ignore, skips node_modules', async () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n',
      '.sopkit.yaml': 'ignore:\n  - "drafts/"\n',
      'sops/a.md': CLEAN_SOP,
      'sops/b.markdown': CLEAN_SOP,
      'sops/notes.txt': 'not markdown',
      'sops/drafts/c.md': BROKEN_SOP,
      'build/d.md': BROKEN_SOP,
      'node_modules/pkg/readme.md': BROKEN_SOP,
    });
    const run = await sopkit(dir, ['lint', '-f', 'json', ...TODAY]);
    const files = JSON.parse(run.stdout).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1));
    assert.deepEqual(files, ['sops/a.md', 'sops/b.markdown']);
    const noGitignore = JSON.parse((await sopkit(dir, ['lint', '--no-gitignore', '-f', 'json', ...TODAY])).stdout);
    assert.deepEqual(noGitignore.map((r: { filePath: string }) => r.filePath.slice(dir.length + 1)), ['build/d.md', 'sops/a.md', 'sops/b.markdown']);
    const glob = JSON.parse((await sopkit(dir, ['lint', 'sops/*.md', '-f', 'json', ...TODAY])).stdout);
    assert.deepEqual(glob.map((r: { filePath: string }) => r.filePath.slice(dir.length + 1)), ['sops/a.md']);
  });
});

describe('sopkit lint: .gitignore from a hostile repository (issue 11)', () => {
  it('keeps .gitignore meaning: nested files, re-included names, folder-only lines, case', async () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '# comment\n*.draft.md\n!keep.draft.md\nOUT/\n',
      'sops/.gitignore': 'local-*.md\n',
      'sops/a.md': CLEAN_SOP,
      'sops/b.draft.md': BROKEN_SOP,
      'sops/keep.draft.md': CLEAN_SOP,
      'sops/local-x.md': BROKEN_SOP,
      'local-y.md': CLEAN_SOP,
      'out/c.md': BROKEN_SOP,
    });
    const run = await sopkit(dir, ['lint', '-f', 'json', ...TODAY]);
    const files = JSON.parse(run.stdout).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1));
    assert.deepEqual(files, ['local-y.md', 'sops/a.md', 'sops/keep.draft.md']);
  });

  it('a .gitignore line of a dozen globstars does not stall the walk of a deep folder', async () => {
    const deep = `${'a/'.repeat(30)}x.md`;
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': `${'**/'.repeat(12)}z\na${'/**'.repeat(14)}/b/**/c\n`,
      [deep]: CLEAN_SOP,
    });
    // On a backtracking matcher this ran for minutes (mocha's timeout ends it); here it returns.
    const run = await sopkit(dir, ['lint', '-f', 'json', ...TODAY]);
    assert.deepEqual(JSON.parse(run.stdout).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1)), [deep]);
  });
});

describe('sopkit lint --stdin', () => {
  it('lints standard input under --stdin-filename, with that file\'s config', async () => {
    const dir = workspace({ 'sops/.sopkit.yaml': 'rules: { placeholder: error }\n' });
    const stdin = async () => Buffer.from(WARNING_SOP);
    const run = await sopkit(dir, ['lint', '--stdin', '--stdin-filename', 'sops/new.md', '-f', 'json', ...TODAY], { readStdin: stdin });
    assert.equal(run.code, 1);
    const [result] = JSON.parse(run.stdout);
    assert.equal(result.filePath, join(dir, 'sops/new.md'));
    assert.deepEqual(result.messages.map((m: { ruleId: string; severity: number }) => [m.ruleId, m.severity]), [['placeholder', 2]]);
    const plain = await sopkit(dir, ['lint', '--stdin', ...TODAY], { readStdin: stdin });
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /^stdin\.md {2}article/);
  });

  it('refuses binary input, files with --stdin and --fix with --stdin', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP });
    const binary = await sopkit(dir, ['lint', '--stdin'], { readStdin: async () => Buffer.from([1, 0, 2]) });
    assert.equal(binary.code, 2);
    assert.match(binary.stderr, /stdin\.md: skipped, standard input: it is a binary file/);
    assert.equal((await sopkit(dir, ['lint', '--stdin', 'a.md'])).code, 2);
    const fix = await sopkit(dir, ['lint', '--stdin', '--fix']);
    assert.equal(fix.code, 2);
    assert.match(fix.stderr, /--fix writes files; it cannot be used with --stdin/);
  });
});

describe('sopkit lint: configuration', () => {
  it('applies the nearest config: severities, overrides by glob and --config', async () => {
    const dir = workspace({
      '.sopkit.yaml': 'rules:\n  placeholder: error\noverrides:\n  - files: "legacy/**"\n    rules: { placeholder: off }\n',
      'w.md': WARNING_SOP,
      'legacy/w.md': WARNING_SOP,
      'ci.yaml': 'rules: { placeholder: info }\n',
    });
    const run = JSON.parse((await sopkit(dir, ['lint', '-f', 'json', ...TODAY])).stdout);
    assert.deepEqual(run.map((r: { messages: { ruleId: string; severity: number }[] }) => r.messages.map((m) => `${m.ruleId}:${m.severity}`)), [[], ['placeholder:2']]);
    const explicit = await sopkit(dir, ['lint', 'w.md', '--config', 'ci.yaml', ...TODAY]);
    assert.equal(explicit.code, 0);
    assert.match(explicit.stdout, /info\s+Unfilled placeholder 'TBD'/);
  });

  it('a broken config stops the run with exit 2 and names the file, line and problem', async () => {
    const dir = workspace({ '.sopkit.yaml': 'rules:\n  placeholder: error\n  no-such-rule: warning\n', 'a.md': CLEAN_SOP });
    const run = await sopkit(dir, ['lint', ...TODAY]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `sopkit: the configuration has a problem; nothing was linted.\n  ${join(dir, '.sopkit.yaml')}:3:3: Unknown rule 'no-such-rule' in rules; known rules: ${run.stderr.split('known rules: ')[1].trim()}\n`);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    const yaml = await sopkit(workspace({ '.sopkit.yml': 'rules: [unclosed\n', 'a.md': CLEAN_SOP }), ['lint']);
    assert.equal(yaml.code, 2);
    assert.match(yaml.stderr, /\.sopkit\.yml:\d+:\d+: Not valid YAML/);
  });

  it('--print-config shows which configs apply and what they add up to', async () => {
    const dir = workspace({
      '.sopkit.yaml': 'reviewInterval: 6 months\nschema: team.json\nrules: { placeholder: error }\n',
      'team.json': '{}',
      'faq/.sopkit.yml': 'overrides:\n  - files: "*.md"\n    format: faq\n',
    });
    const run = await sopkit(dir, ['lint', '--print-config', 'faq/returns.md', ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      file: join(dir, 'faq/returns.md'),
      configs: [join(dir, '.sopkit.yaml'), join(dir, 'faq/.sopkit.yml')],
      ignored: false,
      options: { rules: { placeholder: 'error' }, format: 'faq', reviewInterval: '6 months', today: '2026-11-23', teamSchema: join(dir, 'team.json') },
      problems: [],
      searchStoppedAt: dir,
      searchStoppedBecause: "outside a repository the search stops at the folder sopkit runs in (or at the file's own folder); configs above it are not read",
    });
  });

  it('a team schema on disk adds front-matter keys, through a relative $ref, and checks their values', async () => {
    const dir = workspace({
      '.sopkit.yaml': 'schema: schemas/team.json\n',
      'schemas/team.json': '{ "allOf": [{ "$ref": "https://sopkit.dev/schemas/sop.schema.json" }, { "properties": { "frontMatter": { "$ref": "fields.json#/definitions/fields" } } }] }',
      'schemas/fields.json': '{ "definitions": { "fields": { "properties": { "region": { "enum": ["emea", "apac"] } } } } }',
      'ok.md': CLEAN_SOP.replace('---\n', '---\nregion: emea\nlayout: page\n'),
      'bad.md': CLEAN_SOP.replace('---\n', '---\nregion: mars\n'),
    });
    const ok = await sopkit(dir, ['lint', 'ok.md', ...TODAY]);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    const bad = await sopkit(dir, ['lint', 'bad.md', '--format', 'json', ...TODAY]);
    assert.equal(bad.code, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /'region' is 'mars'; expected one of emea, apac/);
  });

  it('a team schema that $refs an address is refused with exit 2', async () => {
    const dir = workspace({ '.sopkit.yaml': 'schema: team.json\n', 'team.json': '{ "$ref": "http://example.org/sop.json" }', 'a.md': CLEAN_SOP });
    const run = await sopkit(dir, ['lint']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /team\.json:1:11: \$ref 'http:\/\/example\.org\/sop\.json' points to an address; sopkit never downloads schemas/);
  });

  it('a team schema outside the repository is refused with exit 2', async () => {
    const dir = workspace({ 'outside.json': '{}', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.sopkit.yaml': 'schema: ../outside.json\n', 'repo/a.md': CLEAN_SOP });
    const run = await sopkit(join(dir, 'repo'), ['lint', ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.sopkit\.yaml:1:9: schema points to '.*\/outside\.json', which lies outside the workspace/);
  });

  it('--today is the clock of the review rules', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP });
    assert.equal((await sopkit(dir, ['lint', '--today', '2027-05-31'])).stdout, '✔ 1 SOP checked, no problems\n');
    const late = await sopkit(dir, ['lint', '--today', '2027-06-02']);
    assert.match(late.stdout, /review-overdue/);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), CLEAN_SOP);
  });
});
