/**
 * bin/sopkit.cjs starts the CLI once more under a larger young generation (a V8 flag that only
 * works when Node starts). Each Node process records its flags through a --require'd probe, so
 * the test sees the re-run itself, and that arguments, stdin and the exit code survive it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/sopkit.cjs');

describe('bin/sopkit.cjs: a larger young generation', function () {
  this.timeout(120_000);
  let dir: string;
  let probe: string;
  let log: string;

  before(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--only=cli,cli-worker'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    dir = mkdtempSync(join(tmpdir(), 'sopkit-bin-'));
    probe = join(dir, 'probe.cjs');
    log = join(dir, 'flags.jsonl');
    writeFileSync(probe, `require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.execArgv) + '\\n');\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[], options: { input?: string; nodeOptions?: string; env?: Record<string, string> } = {}) => {
    rmSync(log, { force: true });
    const result = spawnSync(process.execPath, [bin, ...args], {
      cwd: dir, encoding: 'utf8', input: options.input,
      env: { ...process.env, NO_COLOR: '1', ...options.env, NODE_OPTIONS: `--require ${probe} ${options.nodeOptions ?? ''}` },
    });
    const flags = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
    return { ...result, flags };
  };

  it('runs the CLI in a second Node with --max-semi-space-size, keeping stdin, output and exit code', () => {
    const draft = '# Draft\n\nTODO write this.\n';
    const direct = spawnSync(process.execPath, [join(root, 'dist/cli.cjs'), 'lint', '--stdin', '--format', 'json', '--today', '2026-11-23'], { cwd: dir, encoding: 'utf8', input: draft, env: { ...process.env, NO_COLOR: '1' } });
    const viaBin = run(['lint', '--stdin', '--format', 'json', '--today', '2026-11-23'], { input: draft });
    assert.deepEqual(viaBin.flags, [[], ['--max-semi-space-size=64']]);
    assert.equal(viaBin.stdout, direct.stdout);
    assert.equal(viaBin.status, direct.status);
    assert.equal(viaBin.status, 1, 'the draft has errors: exit 1');
  });

  it('runs in place when Node already has the flag, or when told not to', () => {
    assert.deepEqual(run(['--version'], { nodeOptions: '--max-semi-space-size=32' }).flags, [[]]);
    assert.deepEqual(run(['--version'], { env: { SOPKIT_NO_REEXEC: '1' } }).flags, [[]]);
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});
