/**
 * The npm package as users get it: `npm pack` builds the CLI bundle (prepack) and the tarball
 * holds what `sopkit` needs and no sources or tests; installed from the tarball into an empty
 * folder, `npx sopkit` lints and reports. Slow (a build and an install; dependencies come from
 * the npm cache or the registry), so it sits with the other bundled-CLI tests.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BROKEN_SOP, CLEAN_SOP, TODAY } from './helpers.js';

const root = resolve('.');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };

/** The variables an outer npm (`npm test`) exports to its scripts, removed so a nested npm behaves as from a shell (see scripts/npm-clean-env.sh). */
const KEPT = /^npm_config_(registry|cache|userconfig|globalconfig|cafile|ca|proxy|https_proxy|noproxy|strict_ssl|prefer_offline|offline)$/i;
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [name, value] of Object.entries(process.env)) {
    if ((/^npm_/i.test(name) && !KEPT.test(name)) || name === 'INIT_CWD' || name === 'NODE' || name === 'SOPKIT_DEBUG') continue;
    env[name] = value;
  }
  return env;
}

function npm(cwd: string, args: string[]) {
  const run = spawnSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 300_000 });
  return { code: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

/** `npx` in the project: `--no` so it runs the installed bin and never fetches a package. */
function npx(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync('npx', ['--no', '--', ...args], { cwd, encoding: 'utf8', env: { ...cleanEnv(), ...env }, timeout: 120_000 });
  return { code: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

interface PackedFile { path: string }

describe('the npm package (npm pack, installed from the tarball)', function () {
  this.timeout(600_000);
  const work = mkdtempSync(join(tmpdir(), 'sopkit-pack-'));
  let tarball = '';
  let files: string[] = [];

  before(() => {
    const packed = npm(root, ['pack', '--json', '--pack-destination', work, '--loglevel=error']);
    assert.equal(packed.code, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: PackedFile[] }[];
    tarball = join(work, info.filename);
    files = info.files.map((f) => f.path);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the CLI bundle, its bin and what installing runs; no sources, tests, bench or source maps', () => {
    for (const needed of ['package.json', 'README.md', 'LICENSE', pkg.bin.sopkit.replace(/^\.\//, ''), 'dist/cli.cjs', 'dist/cli-worker.cjs', 'scripts/postinstall.mjs']) {
      assert.ok(files.includes(needed), `${needed} is in the tarball`);
    }
    const unwanted = files.filter((f) => /^(src|test|bench|out|examples|node_modules|patches|\.ci|\.github)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') || f.endsWith('.vsix'));
    assert.deepEqual(unwanted, []);
    assert.ok(files.length < 30, `${files.length} files: ${files.join(', ')}`);
  });

  it('`npx sopkit` in an empty folder, installed from the tarball, lints and reports', () => {
    const project = mkdtempSync(join(work, 'project-'));
    const installed = npm(project, ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
    assert.equal(installed.code, 0, installed.stderr);
    writeFileSync(join(project, 'clean.md'), CLEAN_SOP);
    writeFileSync(join(project, 'broken.md'), BROKEN_SOP);
    const version = npx(project, ['sopkit', '--version']);
    assert.equal(version.stdout.trim(), pkg.version, version.stderr);
    const clean = npx(project, ['sopkit', 'lint', 'clean.md', ...TODAY]);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    const broken = npx(project, ['sopkit', 'lint', 'broken.md', '--format', 'github', ...TODAY]);
    assert.equal(broken.code, 1, broken.stderr);
    assert.match(broken.stdout, /^::error file=broken\.md,line=\d+/m);
    const report = npx(project, ['sopkit', 'report', '--format', 'json', ...TODAY]);
    assert.equal(report.code, 0, report.stderr);
    assert.deepEqual((JSON.parse(report.stdout).sops as { file: string }[]).map((s) => s.file), ['broken.md', 'clean.md']);
    // Enough files for a worker thread: the worker bundle is found next to the CLI's.
    for (let i = 0; i < 40; i++) writeFileSync(join(project, `many-${i}.md`), CLEAN_SOP);
    const threaded = npx(project, ['sopkit', 'lint', '.', '--concurrency', '2', ...TODAY], { SOPKIT_DEBUG: '1' });
    assert.equal(threaded.code, 1, threaded.stderr);
    assert.match(threaded.stderr, /linted 42 file\(s\) on 2 threads/);
  });
});
