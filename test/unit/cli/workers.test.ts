import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, TODAY, WARNING_SOP, workspace } from './helpers.js';

const root = resolve('.');

/** Runs the bundled CLI (dist/cli.cjs + dist/cli-worker.cjs), the way users run it. */
function bundled(cwd: string, args: string[]) {
  const run = spawnSync(process.execPath, [resolve(root, 'bin/sopkit.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOPKIT_DEBUG: '1', NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('sopkit lint on worker threads (bundled CLI)', function () {
  this.timeout(120000);
  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--only=cli,cli-worker'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });
  after(cleanUpWorkspaces);

  it('gives the same results on two threads as in one, in the same order', () => {
    const files: Record<string, string> = {};
    const kinds = [CLEAN_SOP, WARNING_SOP, BROKEN_SOP];
    for (let i = 0; i < 60; i++) files[`sops/${String(i).padStart(2, '0')}.md`] = kinds[i % 3].replace('## Purpose\n\n', `## Purpose\n\nCopy ${i}. `);
    const dir = workspace({ ...files, 'sops/binary.md': Buffer.from([0, 1]) });
    const threaded = bundled(dir, ['lint', 'sops', '-f', 'json', '--concurrency', '2', ...TODAY]);
    const three = bundled(dir, ['lint', 'sops', '-f', 'json', '--concurrency', '3', ...TODAY]);
    const single = bundled(dir, ['lint', 'sops', '-f', 'json', '--concurrency', '1', ...TODAY]);
    assert.match(threaded.stderr, /linted 60 file\(s\) on 2 threads \(the main thread and 1 worker\)/);
    assert.match(single.stderr, /linted 60 file\(s\) in the main thread/);
    assert.equal(threaded.code, 2);
    assert.equal(threaded.stdout, single.stdout);
    assert.match(three.stderr, /on 3 threads \(the main thread and 2 workers\)/);
    assert.equal(three.stdout, single.stdout);
    const results = JSON.parse(threaded.stdout);
    assert.equal(results.length, 61);
    assert.equal(results.filter((r: { errorCount: number }) => r.errorCount === 2).length, 20);
  });

  it('fixes files on worker threads', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${i}.md`] = BROKEN_SOP;
    const dir = workspace(files);
    const run = bundled(dir, ['lint', '--fix', '--concurrency', '2', ...TODAY]);
    assert.match(run.stderr, /on 2 threads/);
    assert.match(run.stdout, /fixed 40 files/);
    assert.equal(bundled(dir, ['lint', ...TODAY]).code, 0);
  });

  it('caps --concurrency at 16 threads (issue 11): 200 asked, 40 files, 16 started', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${i}.md`] = CLEAN_SOP;
    const run = bundled(workspace(files), ['lint', '--concurrency', '200', ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /linted 40 file\(s\) on 16 threads \(the main thread and 15 workers\)/);
  });
});
