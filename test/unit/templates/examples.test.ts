/**
 * examples/: one clean SOP per format, and examples/needs-work/ showing every rule of the
 * registry firing (the demo workspace for the editor and for `sopkit lint`).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../../src/core/lint/lint.js';
import { rules } from '../../../src/core/lint/rules/index.js';
import { SOP_FORMATS } from '../../../src/core/types.js';

const examplesDir = join(import.meta.dirname, '../../../examples');
const needsWorkDir = join(examplesDir, 'needs-work');
const TODAY = '2026-11-23';
const markdownIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();

describe('examples/', () => {
  const files = markdownIn(examplesDir);

  it('has one example per format', () => {
    const formats = files.map((f) => lint(readFileSync(join(examplesDir, f), 'utf8'), { today: TODAY }).format).sort();
    assert.deepEqual(formats, [...SOP_FORMATS].sort());
  });

  for (const file of files) {
    it(`${file} lints clean, and stays clean for the next ten months`, () => {
      const text = readFileSync(join(examplesDir, file), 'utf8');
      for (const today of [TODAY, '2027-09-30']) {
        const messages = lint(text, { today }).messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`);
        assert.deepEqual(messages, [], `${file} on ${today}`);
      }
      assert.match(text, /^review_interval: 12 months$/m);
    });
  }

  it('has a README that explains every example and every needs-work file', () => {
    const readme = readFileSync(join(examplesDir, 'README.md'), 'utf8');
    for (const file of [...files, ...markdownIn(needsWorkDir).map((f) => `needs-work/${f}`)]) assert.ok(readme.includes(file), file);
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

  it('reports every rule for examples/needs-work and exits 1', () => {
    const run = cli(['--format', 'json', 'examples/needs-work']);
    assert.equal(run.status, 1, run.stderr);
    const results = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
    assert.deepEqual([...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort(), rules.map((r) => r.id).sort());
  });
});

describe('examples/needs-work/', () => {
  const results = markdownIn(needsWorkDir).map((file) => ({
    file,
    messages: lint(readFileSync(join(needsWorkDir, file), 'utf8'), { today: TODAY }).messages,
  }));

  it('shows every rule in the registry firing', () => {
    const fired = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    assert.deepEqual([...fired].sort(), rules.map((r) => r.id).sort());
  });

  it('is a few realistic files, each with several problems, not one file per rule', () => {
    assert.ok(results.length >= 3 && results.length < rules.length / 2, `${results.length} files`);
    for (const { file, messages } of results) assert.ok(messages.length >= 2, `${file}: several problems`);
  });
});
