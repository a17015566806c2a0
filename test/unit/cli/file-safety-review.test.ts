/**
 * Issue 11, second adversarial pass over the CLI's file handling: cases the first fix missed.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fixText } from '../../../src/core/lint/fix.js';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, sopkit, TODAY, workspace } from './helpers.js';
import { openToAll, runCliSync } from './spawn.js';

after(cleanUpWorkspaces);

const fixed = (text: string) => fixText(text, { today: '2026-11-23' }).text;

describe('--fix respects what the file system says (issue 11, second pass)', function () {
  this.timeout(120000);

  it('a read-only file is not replaced, even in a folder that may be written', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ 'w/a.md': BROKEN_SOP });
    openToAll(dir);
    openToAll(join(dir, 'w'));
    chmodSync(join(dir, 'w/a.md'), 0o444);
    const before = statSync(join(dir, 'w/a.md'));
    const run = runCliSync(dir, ['lint', 'w', '--fix', ...TODAY], { unprivileged: true });
    assert.equal(readFileSync(join(dir, 'w/a.md'), 'utf8'), BROKEN_SOP, 'the read-only file keeps its text');
    const after = statSync(join(dir, 'w/a.md'));
    assert.equal(after.ino, before.ino, 'not replaced');
    assert.equal(after.uid, before.uid);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /a\.md: skipped, not fixed, the file is unchanged: it may not be written \(permission denied\)/);
    assert.match(run.stdout, /Missing section 'Scope'/, 'reports the problems of the text on disk');
    assert.deepEqual(readdirSync(join(dir, 'w')), ['a.md'], 'no temporary file is left');
  });

  it('fixes a file whose name is as long as the file system allows (the temporary name stays short enough)', async () => {
    const name = `${'n'.repeat(252)}.md`;
    const dir = workspace({ [name]: BROKEN_SOP });
    const run = await sopkit(dir, ['lint', '--fix', ...TODAY]);
    assert.doesNotMatch(run.stderr, /skipped/);
    assert.equal(readFileSync(join(dir, name), 'utf8'), fixed(BROKEN_SOP));
    assert.deepEqual(readdirSync(dir), [name]);
  });
});

describe('outputs are never written through a folder link that leads outside the workspace (issue 11, second pass)', () => {
  const template = ['-t', 'escalation-of-complex-issues', '--set', 'business_name=Acme'];

  it('render -o, new -o (missing folders included) and --cache-location refuse a folder link out of the repository', async () => {
    const outer = workspace({ 'repo/.git/HEAD': '', 'repo/x.md': CLEAN_SOP, 'outside/.keep': '' });
    const repo = join(outer, 'repo');
    symlinkSync('../outside', join(repo, 'public'));
    const render = await sopkit(repo, ['render', 'x.md', '-o', 'public/x.html', ...TODAY]);
    assert.equal(render.code, 2);
    assert.match(render.stderr, /cannot write 'public\/x\.html': its folder is a link to .*outside, outside .*repo/);
    const made = await sopkit(repo, ['new', ...template, '-o', 'public/deep/n.md', ...TODAY]);
    assert.equal(made.code, 2);
    assert.match(made.stderr, /its folder is a link to .*outside/);
    const cached = await sopkit(repo, ['lint', 'x.md', '--cache', '--cache-location', 'public/c/cache.json', ...TODAY]);
    assert.equal(cached.code, 0, 'a cache that cannot be written is not a lint failure');
    assert.match(cached.stderr, /the cache was not written to .*cache\.json: its folder is a link to .*outside/);
    assert.deepEqual(readdirSync(join(outer, 'outside')), ['.keep'], 'nothing written or created outside');
  });

  it('a folder link inside the repository, and an output named outside any repository, are still written', async () => {
    const outer = workspace({ 'repo/.git/HEAD': '', 'repo/x.md': CLEAN_SOP, 'repo/site/.keep': '', 'elsewhere/.keep': '' });
    const repo = join(outer, 'repo');
    symlinkSync('site', join(repo, 'public'));
    assert.equal((await sopkit(repo, ['render', 'x.md', '-o', 'public/x.html', ...TODAY])).code, 0);
    assert.ok(existsSync(join(repo, 'site/x.html')));
    mkdirSync(join(outer, 'elsewhere/new'));
    const far = await sopkit(repo, ['new', ...template, '-o', join(outer, 'elsewhere/new/deeper/n.md'), ...TODAY]);
    assert.equal(far.code, 0, far.stderr);
    assert.ok(existsSync(join(outer, 'elsewhere/new/deeper/n.md')));
  });
});

describe('honest lines for odd input (issue 11, second pass)', () => {
  it('a link loop is reported as a loop, not as a link that changed while being read', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP });
    symlinkSync('loop2.md', join(dir, 'loop1.md'));
    symlinkSync('loop1.md', join(dir, 'loop2.md'));
    const run = await sopkit(dir, ['lint', ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /loop1\.md: skipped, cannot be read \(it is a link that leads round in a loop\)/);
    assert.doesNotMatch(run.stderr, /changed while/);
  });

  it('render and new refuse an impossible --today, as lint does', async () => {
    const dir = workspace({ 'x.md': CLEAN_SOP });
    const render = await sopkit(dir, ['render', 'x.md', '--today', '2026-02-31']);
    assert.equal(render.code, 2);
    assert.match(render.stderr, /--today must be a real date written YYYY-MM-DD; got '2026-02-31'/);
    assert.equal(render.stdout, '');
    const made = await sopkit(dir, ['new', '-t', 'escalation-of-complex-issues', '--set', 'business_name=Acme', '--today', '2026-13-45']);
    assert.equal(made.code, 2);
    assert.doesNotMatch(made.stdout, /2026-13-45/);
  });
});
