/** sopkit lint and the SOP library: the config root, library settings, --base and --changed against real git repositories. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanUpWorkspaces, sopkit, workspace } from './helpers.js';

const TODAY = ['--today', '2026-11-23'];

/** A clean SOP with these front-matter lines and this extra scope text. */
function sop(front: string, scope = ''): string {
  return `---\ntitle: Answering Billing Calls\n${front}\nversion: "1.1"\nlast_reviewed: 2026-06-01\n---\n\n# Answering Billing Calls\n\n## Purpose\n\nResolve billing questions on the first call.\n\n## Scope\n\nAll Tier 1 billing agents. ${scope}\n\n## Process\n\n1. Greet the customer.\n2. Open the latest invoice.\n\n## References\n\n- Billing policy handbook\n\n## Revision History\n\n| Date | Version | Change |\n| --- | --- | --- |\n| 2026-01-10 | 1.0 | First version |\n| 2026-06-01 | 1.1 | Added invoice step |\n`;
}

function git(dir: string, ...args: string[]) {
  const run = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

function repository(files: Record<string, string>): string {
  const dir = workspace(files);
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  return dir;
}

const messagesOf = (stdout: string) => (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[])
  .flatMap((r) => r.messages.map((m) => `${r.filePath.split(/[\\/]/).pop()}: ${m.ruleId}: ${m.message}`));

describe('sopkit lint: the library', () => {
  after(cleanUpWorkspaces);

  it('lints one file against every SOP under the config root', async () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.sopkit.yaml': 'root: true\n',
      'sops/a.md': sop('id: SOP-001', 'Refunds follow SOP-002; chargebacks follow SOP-003. COVID-19 is no SOP.'),
      'other/b.md': sop('id: SOP-002'),
    });
    const run = await sopkit(join(dir, 'sops'), ['lint', 'a.md', '-f', 'json', ...TODAY]);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(messagesOf(run.stdout), ["a.md: sop-reference: No SOP in the library has the id 'SOP-003'"]);
  });

  it('checks links against the disk: a missing file and a folder named like a file', async () => {
    const dir = workspace({ 'a.md': sop('id: SOP-001', 'See [b](b.md#scope), [gone](gone.md) and [folder](policies.md).'), 'b.md': sop('id: SOP-002') });
    mkdirSync(join(dir, 'policies.md'));
    const run = await sopkit(dir, ['lint', 'a.md', '-f', 'json', ...TODAY]);
    assert.deepEqual(messagesOf(run.stdout), [
      "a.md: sop-reference: Link 'gone.md' points to a file that does not exist",
      "a.md: sop-reference: Link 'policies.md' points to a folder, not a Markdown file",
    ]);
  });

  it('library.include adds files from elsewhere in the workspace; a nested root is its own library, said in one line', async () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'team/.sopkit.yaml': 'root: true\nlibrary:\n  include: ["../shared/*.md"]\n',
      'team/a.md': sop('id: SOP-001', 'See SOP-002 and SOP-003.'),
      'shared/b.md': sop('id: SOP-002'),
      'team/nested/.sopkit.yaml': 'root: true\n',
      'team/nested/c.md': sop('id: SOP-003'),
    });
    const run = await sopkit(join(dir, 'team'), ['lint', 'a.md', '-f', 'json', ...TODAY]);
    assert.deepEqual(messagesOf(run.stdout), ["a.md: sop-reference: No SOP in the library has the id 'SOP-003'"]);
    assert.match(run.stderr, /^sopkit: note: .*nested is a library of its own \(its config says root: true\), inside the library at .*team; references between the two are not resolved\n$/);
  });

  it('a library.idPattern the linear-time engine refuses is a config problem (exit 2)', async () => {
    const dir = workspace({ '.sopkit.yaml': 'library:\n  idPattern: "(?=QMS)QMS-\\\\d+"\n', 'a.md': sop('id: SOP-001') });
    const run = await sopkit(dir, ['lint', ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /library\.idPattern is not a valid regular expression for sopkit .*lookahead/);
  });

  it('a configured idPattern finds ids of another shape; approval.independent comes from the config', async () => {
    const dir = workspace({
      '.sopkit.yaml': 'library:\n  idPattern: "QMS-[A-Z]{2}-\\\\d{3}"\napproval:\n  independent: true\n',
      'a.md': sop('id: SOP-001\nowner: Dana\nstatus: approved\napproved_by: Dana\napproved_on: 2026-06-01', 'See QMS-AB-001.'),
    });
    const run = await sopkit(dir, ['lint', '-f', 'json', ...TODAY]);
    assert.deepEqual(messagesOf(run.stdout).sort(), [
      'a.md: approval: approved_by is the owner (Dana); this library asks for approval by someone other than the owner (approval.independent)',
      "a.md: sop-reference: No SOP in the library has the id 'QMS-AB-001'",
    ]);
  });

  it('--stdin: the text is checked against the library its file name places it in', async () => {
    const dir = workspace({ 'sops/b.md': sop('id: SOP-002') });
    const readStdin = async () => Buffer.from(sop('id: SOP-001', 'See SOP-002 and SOP-003.'));
    const run = await sopkit(dir, ['lint', '--stdin', '--stdin-filename', 'sops/new.md', '-f', 'json', ...TODAY], { readStdin });
    assert.deepEqual(messagesOf(run.stdout), ["new.md: sop-reference: No SOP in the library has the id 'SOP-003'"]);
    assert.equal((await sopkit(dir, ['lint', '--stdin', '--base', 'HEAD', ...TODAY], { readStdin })).code, 2);
  });

  it('--fix: findings of the library rules point into the fixed text', async () => {
    // The fix inserts the missing Purpose above the reference, so its line moves down.
    const withoutRefs = sop('id: SOP-001', 'See SOP-404.').replace('## Purpose\n\nResolve billing questions on the first call.\n\n', '');
    const dir = workspace({ 'a.md': withoutRefs });
    const run = await sopkit(dir, ['lint', '--fix', '-f', 'json', ...TODAY]);
    const fixed = readFileSync(join(dir, 'a.md'), 'utf8');
    assert.notEqual(fixed, withoutRefs, 'a fix was written');
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[];
    const reference = result.messages.find((m) => m.ruleId === 'sop-reference')!;
    assert.equal(fixed.split('\n')[reference.line - 1].slice(reference.column - 1, reference.column + 6), 'SOP-404');
    assert.notEqual(withoutRefs.split('\n')[reference.line - 1]?.includes('SOP-404'), true, 'the line moved');
  });

  it('--cache: a change in another SOP re-lints the files that refer to it', async () => {
    const dir = workspace({ 'a.md': sop('id: SOP-001', 'See SOP-002.'), 'b.md': sop('id: SOP-002') });
    assert.equal((await sopkit(dir, ['lint', '--cache', ...TODAY])).code, 0);
    writeFileSync(join(dir, 'b.md'), sop('id: SOP-020'));
    const run = await sopkit(dir, ['lint', '--cache', '-f', 'json', ...TODAY]);
    assert.deepEqual(messagesOf(run.stdout), ["a.md: sop-reference: No SOP in the library has the id 'SOP-002'"]);
  });
});

describe('sopkit lint --base and --changed', () => {
  after(cleanUpWorkspaces);
  const approved = 'id: SOP-001\nstatus: approved\napproved_by: Dana\napproved_on: 2026-06-01';

  it('change-control: an approved SOP edited since the base needs a version, its entry and a new approval', async () => {
    const dir = repository({ 'a.md': sop(approved), 'b.md': sop('id: SOP-002') });
    writeFileSync(join(dir, 'a.md'), sop(approved, 'Also chat.'));
    const run = await sopkit(dir, ['lint', '--base', 'HEAD', '-f', 'json', ...TODAY]);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(messagesOf(run.stdout), ['a.md: change-control: This SOP was approved at the base (version 1.1) and its content has changed since; it needs a higher version than 1.1 (it is still 1.1); a new approval (approved_on after 2026-06-01) or status draft or review until it is approved again']);
    const fixed = sop(approved.replace('status: approved', 'status: review'), 'Also chat.').replace('version: "1.1"', 'version: "1.2"').replace('| 2026-06-01 | 1.1 | Added invoice step |', '| 2026-06-01 | 1.1 | Added invoice step |\n| 2026-11-20 | 1.2 | Chat added |');
    writeFileSync(join(dir, 'a.md'), fixed);
    const clean = await sopkit(dir, ['lint', '--base', 'HEAD', ...TODAY]);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  });

  it('--changed lints only files changed or added since the base, against the whole library', async () => {
    const dir = repository({ 'a.md': sop('id: SOP-001'), 'b.md': sop('id: SOP-002', 'See SOP-404.') });
    writeFileSync(join(dir, 'c.md'), sop('id: SOP-001', 'New, and a copy of the id.'));
    const run = await sopkit(dir, ['lint', '--base', 'HEAD', '--changed', '-f', 'json', ...TODAY]);
    assert.deepEqual(messagesOf(run.stdout), ["c.md: duplicate-id: Id 'SOP-001' is also the id of a.md; every SOP needs its own id"]);
    const nothing = await sopkit(dir, ['lint', '--base', 'HEAD', '--changed', 'a.md', ...TODAY]);
    assert.equal(nothing.code, 0, nothing.stderr);
  });

  it('a ref the repository does not have: exit 2, one line saying how to fetch it', async () => {
    const dir = repository({ 'a.md': sop('id: SOP-001') });
    const run = await sopkit(dir, ['lint', '--base', 'origin/main', ...TODAY]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /--base 'origin\/main' is not a commit this repository has; fetch it first \(git fetch origin main\)/);
  });

  it('a shallow clone without the base: exit 2, with the deepening fetch', async () => {
    const origin = repository({ 'a.md': sop('id: SOP-001') });
    writeFileSync(join(origin, 'a.md'), sop('id: SOP-001', 'Second.'));
    git(origin, 'commit', '-qam', 'second');
    const first = git(origin, 'rev-list', '--max-parents=0', 'HEAD').trim();
    const clone = workspace({});
    git(clone, 'clone', '-q', '--depth', '1', `file://${origin}`, 'c');
    const run = await sopkit(join(clone, 'c'), ['lint', '--base', first, ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not in this shallow clone; fetch it first \(git fetch --depth=50 origin [0-9a-f]+\)/);
  });

  it('usage: --changed needs --base; --base needs a repository and a ref that is not an option', async () => {
    const plain = workspace({ 'a.md': sop('id: SOP-001') });
    const changed = await sopkit(plain, ['lint', '--changed', ...TODAY]);
    assert.equal(changed.code, 2);
    assert.match(changed.stderr, /--changed lints the files changed since --base/);
    const noRepo = await sopkit(plain, ['lint', '--base', 'main', ...TODAY]);
    assert.equal(noRepo.code, 2);
    assert.match(noRepo.stderr, /not in a git repository/);
    const dir = repository({ 'a.md': sop('id: SOP-001') });
    const option = await sopkit(dir, ['lint', '--base=--output=x', ...TODAY]);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--base needs a git branch, tag or commit/);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), sop('id: SOP-001'));
  });
});
