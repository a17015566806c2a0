/**
 * examples/: one clean SOP per format, and examples/needs-work/ showing every rule of the
 * registry firing (the demo workspace for the editor and for `sopkit lint`).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../../src/core/lint/lint.js';
import { LibraryIndex } from '../../../src/core/library/library-index.js';
import { cliArgs } from '../cli/spawn.js';
import { rules } from '../../../src/core/lint/rules/index.js';
import { SOP_FORMATS } from '../../../src/core/types.js';

const examplesDir = join(import.meta.dirname, '../../../examples');
const needsWorkDir = join(examplesDir, 'needs-work');
const TODAY = '2026-11-23';
const markdownIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();

/** examples/ as the library sopkit lint builds for it: every Markdown file, the README not linted (examples/.sopkit.yaml). */
function examplesLibrary(): LibraryIndex {
  const files = [examplesDir, needsWorkDir, join(examplesDir, 'retired')].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f)));
  return LibraryIndex.build(files.map((path) => ({ path, text: readFileSync(path, 'utf8'), lintable: !path.endsWith('README.md') })), { root: examplesDir });
}
/** The approved needs-work workflow as it was approved: one step read differently before someone edited it. */
const CHANGED_FILE = 'card-declined-workflow.md';
const approvedVersionOf = (text: string) => text.replace(/^### Step 1: .*$/m, (line) => `${line} (as approved)`);

describe('examples/', () => {
  const files = markdownIn(examplesDir);

  it('has one example per format', () => {
    const formats = files.map((f) => lint(readFileSync(join(examplesDir, f), 'utf8'), { today: TODAY }).format).sort();
    assert.deepEqual(formats, [...SOP_FORMATS].sort());
  });

  const library = examplesLibrary();
  for (const file of files) {
    it(`${file} lints clean in its library, and stays clean for the next ten months`, () => {
      const text = readFileSync(join(examplesDir, file), 'utf8');
      for (const today of [TODAY, '2027-09-30']) {
        const messages = lint(text, { today, library: { index: library, path: join(examplesDir, file) } }).messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`);
        assert.deepEqual(messages, [], `${file} on ${today}`);
      }
      assert.match(text, /^review_interval: 12 months$/m);
    });
  }

  it('has a README that explains every example and every needs-work file', () => {
    const readme = readFileSync(join(examplesDir, 'README.md'), 'utf8');
    for (const file of [...files, ...markdownIn(needsWorkDir).map((f) => `needs-work/${f}`), ...markdownIn(join(examplesDir, 'retired')).map((f) => `retired/${f}`)]) assert.ok(readme.includes(file), file);
  });

  it('is a library: every example has an id, refers to another by id and by link, and one retired SOP is superseded', () => {
    const own = files.map((f) => library.entry(join(examplesDir, f))!);
    const ids = new Set(own.map((e) => e.id));
    assert.equal(ids.size, files.length, 'each example its own id');
    for (const entry of own) {
      assert.ok(entry.tokens.some((t) => t.text !== entry.id && ids.has(t.text)), `${entry.path} names another example by id`);
      assert.ok(entry.links.some((l) => l.path.endsWith('.md')), `${entry.path} links to another SOP`);
    }
    const retired = [...library.entries()].filter((e) => e.status === 'retired' && e.lintable && !e.path.includes('needs-work'));
    assert.equal(retired.length, 1);
    assert.ok(own.some((e) => e.supersedes.includes(retired[0].id!)), 'a clean example supersedes the retired one');
  });

  it('the retired SOP lints clean too', () => {
    const path = join(examplesDir, 'retired', markdownIn(join(examplesDir, 'retired'))[0]);
    assert.deepEqual(lint(readFileSync(path, 'utf8'), { today: TODAY, library: { index: library, path } }).messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`), []);
  });
});

describe('sopkit lint on examples/ (the CLI, as the README shows it)', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lint', '--today', TODAY, ...args], {
    cwd: join(examplesDir, '..'), encoding: 'utf8',
  });

  it('is clean for examples/*.md as a shell expands it (README.md is ignored by examples/.sopkit.yaml)', () => {
    const files = readdirSync(examplesDir).filter((f) => f.endsWith('.md')).map((f) => `examples/${f}`);
    assert.ok(files.includes('examples/README.md'));
    const run = cli(files);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /5 SOPs checked, no problems/);
  });

  it('reports every rule but change-control (which needs --base) for examples/needs-work and exits 1', () => {
    const run = cli(['--format', 'json', 'examples/needs-work']);
    assert.equal(run.status, 1, run.stderr);
    const results = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
    assert.deepEqual([...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort(), rules.map((r) => r.id).filter((id) => id !== 'change-control').sort());
  });

  it('with --base, in a git repository where an approved needs-work SOP was edited, reports every rule; --changed lints that file alone', () => {
    const repo = mkdtempSync(join(tmpdir(), 'sopkit-examples-git-'));
    try {
      cpSync(examplesDir, join(repo, 'examples'), { recursive: true });
      const changed = join(repo, 'examples/needs-work', CHANGED_FILE);
      const edited = readFileSync(changed, 'utf8');
      writeFileSync(changed, approvedVersionOf(edited));
      const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
      assert.equal(git('init', '-q').status, 0);
      git('add', '-A');
      assert.equal(git('commit', '-qm', 'approved').status, 0);
      writeFileSync(changed, edited);
      const run = (args: string[]) => spawnSync(process.execPath, [...cliArgs, 'lint', '--today', TODAY, '--format', 'json', '--base', 'HEAD', ...args], { cwd: repo, encoding: 'utf8' });
      const all = run(['examples/needs-work']);
      assert.equal(all.status, 1, all.stderr);
      const results = JSON.parse(all.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
      assert.deepEqual([...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort(), rules.map((r) => r.id).sort());
      const only = run(['--changed', 'examples']);
      assert.equal(only.status, 1, only.stderr);
      const one = JSON.parse(only.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
      assert.deepEqual(one.map((r) => r.filePath.split(/[\\/]/).pop()), [CHANGED_FILE]);
      assert.ok(one[0].messages.some((m) => m.ruleId === 'duplicate-id'), 'cross-file rules still see the whole library');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('examples/needs-work/', () => {
  const library = examplesLibrary();
  const results = markdownIn(needsWorkDir).map((file) => {
    const text = readFileSync(join(needsWorkDir, file), 'utf8');
    const baseText = file === CHANGED_FILE ? approvedVersionOf(text) : undefined;
    return { file, messages: lint(text, { today: TODAY, library: { index: library, path: join(needsWorkDir, file) }, ...(baseText ? { baseText } : {}) }).messages };
  });

  it('shows every rule in the registry firing', () => {
    const fired = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    assert.deepEqual([...fired].sort(), rules.map((r) => r.id).sort());
  });

  it('is a few realistic files, each with several problems, not one file per rule', () => {
    assert.ok(results.length >= 3 && results.length < rules.length / 2, `${results.length} files`);
    for (const { file, messages } of results) assert.ok(messages.length >= 2, `${file}: several problems`);
  });
});
