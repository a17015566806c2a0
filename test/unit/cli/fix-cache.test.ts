import { strict as assert } from 'node:assert';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../../src/core/lint/lint.js';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, sopkit, TODAY, WARNING_SOP, workspace } from './helpers.js';

after(cleanUpWorkspaces);

describe('sopkit lint --fix', () => {
  it('writes safe fixes; the fixed text lints clean of the fixed rules; a second --fix changes nothing', async () => {
    const dir = workspace({ 'a.md': BROKEN_SOP, 'clean.md': CLEAN_SOP });
    const before = lint(BROKEN_SOP, { today: '2026-11-23' }).messages;
    const fixedRules = [...new Set(before.filter((m) => m.fix).map((m) => m.ruleId))].sort();
    assert.deepEqual(fixedRules, ['checklist-item', 'required-section']);
    const cleanMtime = statSync(join(dir, 'clean.md')).mtimeMs;

    const first = await sopkit(dir, ['lint', '--fix', ...TODAY]);
    const fixed = readFileSync(join(dir, 'a.md'), 'utf8');
    assert.notEqual(fixed, BROKEN_SOP);
    assert.match(fixed, /^- \[ \] Switch on the tills$/m);
    assert.match(fixed, /^## Scope$/m);
    assert.match(fixed, /^## References$/m);
    for (const line of BROKEN_SOP.split('\n').filter((l) => l !== '- Switch on the tills')) assert.ok(fixed.includes(line), `kept: ${line}`);
    assert.match(first.stdout, /fixed 1 file/);
    const after = lint(fixed, { today: '2026-11-23' }).messages;
    for (const rule of fixedRules) assert.deepEqual(after.filter((m) => m.ruleId === rule), [], `${rule} fixed`);
    assert.equal(statSync(join(dir, 'clean.md')).mtimeMs, cleanMtime, 'unchanged files are not written');

    const second = await sopkit(dir, ['lint', '--fix', ...TODAY]);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), fixed);
    assert.doesNotMatch(second.stdout, /fixed \d+ file/);
  });

  it('keeps a byte-order mark and CRLF line endings', async () => {
    const crlf = `\ufeff${BROKEN_SOP.replace(/\n/g, '\r\n')}`;
    const dir = workspace({ 'a.md': crlf });
    await sopkit(dir, ['lint', '--fix', ...TODAY]);
    const bytes = readFileSync(join(dir, 'a.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    assert.notEqual(text, crlf.slice(1));
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'every line ending stays CRLF');
  });

  it('reports what is left after fixing, with the exit code of what is left', async () => {
    const dir = workspace({ 'w.md': WARNING_SOP });
    const run = await sopkit(dir, ['lint', '--fix', '-f', 'json', ...TODAY]);
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId), ['placeholder']);
  });
});

describe('sopkit lint --cache', () => {
  const stats = (stderr: string) => /cache (\d+) hit\(s\), (\d+) miss\(es\)/.exec(stderr)?.slice(1).map(Number);

  it('misses, then hits; a changed file, config or team schema misses again', async () => {
    const dir = workspace({ 'a.md': BROKEN_SOP, 'b.md': WARNING_SOP, 'c.md': CLEAN_SOP, '.sopkit.yaml': 'rules: { placeholder: error }\n' });
    const args = ['lint', '--cache', '-f', 'json', ...TODAY];
    const cold = await sopkit(dir, args, { verbose: true });
    assert.deepEqual(stats(cold.stderr), [0, 3]);
    const warm = await sopkit(dir, args, { verbose: true });
    assert.deepEqual(stats(warm.stderr), [3, 0]);
    assert.equal(warm.stdout, cold.stdout, 'cached results are the same results');
    assert.equal(warm.code, cold.code);

    writeFileSync(join(dir, 'c.md'), CLEAN_SOP.replace('plain words', 'simple words'));
    assert.deepEqual(stats((await sopkit(dir, args, { verbose: true })).stderr), [2, 1]);

    writeFileSync(join(dir, '.sopkit.yaml'), 'rules: { placeholder: warning }\n');
    const reconfigured = await sopkit(dir, args, { verbose: true });
    assert.deepEqual(stats(reconfigured.stderr), [0, 3]);
    assert.equal(JSON.parse(reconfigured.stdout).find((r: { filePath: string }) => r.filePath.endsWith('b.md')).messages[0].severity, 1);

    writeFileSync(join(dir, '.sopkit.yaml'), 'rules: { placeholder: warning }\nschema: team.json\n');
    writeFileSync(join(dir, 'team.json'), '{ "allOf": [{ "$ref": "https://sopkit.dev/schemas/sop.schema.json" }] }');
    assert.deepEqual(stats((await sopkit(dir, args, { verbose: true })).stderr), [0, 3]);
    assert.deepEqual(stats((await sopkit(dir, args, { verbose: true })).stderr), [3, 0]);
    writeFileSync(join(dir, 'team.json'), '{ "allOf": [{ "$ref": "https://sopkit.dev/schemas/sop.schema.json" }], "description": "v2" }');
    assert.deepEqual(stats((await sopkit(dir, args, { verbose: true })).stderr), [0, 3]);
  });

  it('a fresh checkout (new modification times, same content) still hits, by content hash', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP, 'b.md': BROKEN_SOP });
    await sopkit(dir, ['lint', '--cache', ...TODAY]);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'a.md'), later, later);
    utimesSync(join(dir, 'b.md'), later, later);
    assert.deepEqual(stats((await sopkit(dir, ['lint', '--cache', ...TODAY], { verbose: true })).stderr), [2, 0]);
  });

  it('is invalidated by another sopkit version and by another --today', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP });
    await sopkit(dir, ['lint', '--cache', ...TODAY]);
    assert.deepEqual(stats((await sopkit(dir, ['lint', '--cache', ...TODAY], { verbose: true })).stderr), [1, 0]);
    assert.deepEqual(stats((await sopkit(dir, ['lint', '--cache', ...TODAY], { verbose: true, version: '99.0.0' })).stderr), [0, 1]);
    const later = await sopkit(dir, ['lint', '--cache', '--today', '2028-01-01'], { verbose: true });
    assert.deepEqual(stats(later.stderr), [0, 1]);
    assert.match(later.stdout, /review-overdue/);
  });

  it('writes to --cache-location (a file, or a folder) and survives a corrupt cache file', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP, 'tmp/.keep': '' });
    await sopkit(dir, ['lint', '--cache', '--cache-location', 'tmp/', ...TODAY]);
    const cache = JSON.parse(readFileSync(join(dir, 'tmp/.sopkit-cache'), 'utf8'));
    assert.deepEqual(Object.keys(cache.entries), [join(dir, 'a.md')]);
    // A cache cut short (by an older sopkit killed mid-write) is rebuilt.
    writeFileSync(join(dir, 'custom.json'), '{"sopkit":"0.1.0","entries":{"/x/a.md":{"cont');
    const run = await sopkit(dir, ['lint', '--cache', '--cache-location', 'custom.json', ...TODAY], { verbose: true });
    assert.equal(run.code, 0);
    assert.deepEqual(stats(run.stderr), [0, 1]);
    assert.ok(JSON.parse(readFileSync(join(dir, 'custom.json'), 'utf8')).entries);
  });

  it('--fix re-lints cached files that have fixable problems', async () => {
    const dir = workspace({ 'a.md': BROKEN_SOP });
    await sopkit(dir, ['lint', '--cache', ...TODAY]);
    await sopkit(dir, ['lint', '--cache', '--fix', ...TODAY]);
    assert.match(readFileSync(join(dir, 'a.md'), 'utf8'), /^## Scope$/m);
  });
});

describe('sopkit lint --cache: a cache from somewhere else is not trusted (issue 11)', () => {
  const stats = (stderr: string) => /cache (\d+) hit\(s\), (\d+) miss\(es\)/.exec(stderr)?.slice(1).map(Number);
  const clean = { format: 'article', formatSource: 'inferred', formatReason: 'x', messages: [] };

  it('a cache committed to the repository, declaring a broken file clean, is ignored and rebuilt', async () => {
    const dir = workspace({ 'a.md': BROKEN_SOP });
    await sopkit(dir, ['lint', '--cache', ...TODAY]);
    const real = JSON.parse(readFileSync(join(dir, '.sopkit-cache'), 'utf8'));
    // The forger knows the format and the hashes (they are plain SHA-1); only the key is missing.
    for (const entry of Object.values(real.entries) as { outcome: unknown }[]) entry.outcome = clean;
    for (const mac of [undefined, real.mac, 'f'.repeat(64)]) {
      writeFileSync(join(dir, '.sopkit-cache'), JSON.stringify({ ...real, mac }));
      const run = await sopkit(dir, ['lint', '--cache', '-f', 'json', ...TODAY], { verbose: true });
      assert.equal(run.code, 1, 'the broken file is still reported');
      assert.ok(JSON.parse(run.stdout)[0].messages.length > 0);
      assert.match(run.stderr, /\.sopkit-cache was not written by sopkit on this machine \(its signature does not match\); it is rebuilt/);
      assert.deepEqual(stats(run.stderr), [0, 1]);
    }
    // Rebuilt and signed again: the next run hits without a complaint.
    const warm = await sopkit(dir, ['lint', '--cache', ...TODAY], { verbose: true });
    assert.deepEqual(stats(warm.stderr), [1, 0]);
    assert.doesNotMatch(warm.stderr, /signature/);
  });

  it('with no place to keep the key, --cache is off for the run with one line, and lint still runs', async () => {
    const dir = workspace({ 'a.md': BROKEN_SOP, 'not-a-folder': 'x' });
    const saved = process.env.SOPKIT_CACHE;
    process.env.SOPKIT_CACHE = join(dir, 'not-a-folder');
    try {
      const run = await sopkit(dir, ['lint', '--cache', ...TODAY]);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^sopkit: --cache is off for this run: no key could be kept in .*not-a-folder \(ENOTDIR\)\n$/);
      assert.throws(() => statSync(join(dir, '.sopkit-cache')), /ENOENT/);
    } finally {
      if (saved === undefined) delete process.env.SOPKIT_CACHE; else process.env.SOPKIT_CACHE = saved;
    }
  });
});
