/**
 * Issue 11, second adversarial pass over the CLI's file handling: cases the first fix missed.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fixText } from '../../../src/core/lint/fix.js';
import { BROKEN_SOP, cleanUpWorkspaces, sopkit, TODAY, workspace } from './helpers.js';
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
