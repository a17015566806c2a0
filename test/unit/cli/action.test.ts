/**
 * CI integrations: the GitHub Action (action.yml and the script it runs, with a temporary
 * GITHUB_STEP_SUMMARY) and the pre-commit hook definition.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
// @ts-expect-error plain .mjs script without type declarations
import { actionArgs } from '../../../scripts/action.mjs';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, sopkit, workspace } from './helpers.js';

const root = resolve('.');
const ACTION_SCRIPT = join(root, 'scripts/action.mjs');
const TODAY = '2026-11-23';

function runAction(cwd: string, env: Record<string, string>) {
  const run = spawnSync(process.execPath, [ACTION_SCRIPT], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOPKIT_DEBUG: '', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A stand-in CLI that records its arguments (one JSON line per run) and exits with the code asked for. */
function recordingCli(dir: string, lintExit: number): { cli: string; calls: () => string[][] } {
  const log = join(dir, 'calls.jsonl');
  const cli = join(dir, 'fake-sopkit.cjs');
  writeFileSync(cli, `const fs = require('fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n');
if (args[0] === 'report') process.stdout.write('<!-- sopkit report -->\\nfake report\\n');
process.exit(args[0] === 'lint' ? ${lintExit} : 0);
`);
  return { cli, calls: () => readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]) };
}

describe('GitHub Action: scripts/action.mjs', function () {
  this.timeout(120_000);
  after(cleanUpWorkspaces);

  it('builds the lint and report arguments from the inputs; --base and --changed only when base is set', () => {
    assert.deepEqual(actionArgs({}), { lint: ['lint', '--format', 'github'], report: ['report', '--format', 'markdown'] });
    assert.deepEqual(actionArgs({ SOPKIT_PATHS: 'sops\n  docs/more sops  \n\n', SOPKIT_BASE: 'origin/main', SOPKIT_TODAY: TODAY }), {
      lint: ['lint', '--format', 'github', '--base', 'origin/main', '--changed', '--today', TODAY, '--', 'sops', 'docs/more sops'],
      report: ['report', '--format', 'markdown', '--today', TODAY, '--', 'sops', 'docs/more sops'],
    });
    assert.equal(actionArgs({ SOPKIT_REPORT: 'false' }).report, undefined);
  });

  it('passes the inputs to the CLI it runs and keeps lint\'s exit code', () => {
    const dir = workspace({});
    const summary = join(dir, 'summary.md');
    const { cli, calls } = recordingCli(dir, 1);
    const run = runAction(dir, { SOPKIT_CLI: cli, SOPKIT_BASE: 'origin/main', SOPKIT_PATHS: 'sops', GITHUB_STEP_SUMMARY: summary });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(calls(), [['lint', '--format', 'github', '--base', 'origin/main', '--changed', '--', 'sops'], ['report', '--format', 'markdown', '--', 'sops']]);
    assert.equal(readFileSync(summary, 'utf8'), '<!-- sopkit report -->\nfake report\n\n');
  });

  describe('with the bundled CLI', () => {
    before(() => {
      const build = spawnSync(process.execPath, ['scripts/build.mjs', '--only=cli,cli-worker'], { cwd: root, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    });

    it('annotates the problems, appends the report to the job summary and fails when lint finds errors', () => {
      const dir = workspace({ 'sops/clean.md': CLEAN_SOP, 'sops/broken.md': BROKEN_SOP, 'README.md': '# Not an SOP\n' });
      const summary = join(workspace({}), 'summary.md');
      writeFileSync(summary, '## Earlier step\n\n');
      const run = runAction(dir, { SOPKIT_PATHS: 'sops', SOPKIT_TODAY: TODAY, GITHUB_STEP_SUMMARY: summary });
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /^::error file=sops\/broken\.md,line=\d+,/m);
      const text = readFileSync(summary, 'utf8');
      assert.ok(text.startsWith('## Earlier step\n\n<!-- sopkit report -->\n## SOP library report\n'), text);
      assert.match(text, /2 SOPs · 0 overdue for review/);
      assert.match(text, /\| {3}\| Opening the Store \| sops\/broken\.md \| checklist \|/);
      assert.doesNotMatch(text, /README/);
    });

    it('passes when lint is clean; without GITHUB_STEP_SUMMARY it says so and writes nothing', () => {
      const dir = workspace({ 'clean.md': CLEAN_SOP });
      // GitHub keeps the summary file outside the workspace.
      const summary = join(workspace({}), 'summary.md');
      assert.equal(runAction(dir, { SOPKIT_TODAY: TODAY, GITHUB_STEP_SUMMARY: summary }).code, 0);
      assert.match(readFileSync(summary, 'utf8'), /^<!-- sopkit report -->\n## SOP library report\n\n1 SOP · /);
      const bare = runAction(dir, { SOPKIT_TODAY: TODAY, GITHUB_STEP_SUMMARY: '' });
      assert.equal(bare.code, 0);
      assert.match(bare.stderr, /GITHUB_STEP_SUMMARY is not set/);
    });

    it('a bad input is lint\'s usage error: exit 2', () => {
      const dir = workspace({ 'clean.md': CLEAN_SOP });
      const summary = join(workspace({}), 'summary.md');
      const run = runAction(dir, { SOPKIT_TODAY: '2026-02-30', GITHUB_STEP_SUMMARY: summary });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--today must be a real date/);
      assert.equal(existsSync(summary), false, 'no report of a run that could not start');
    });
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    name: string; inputs: Record<string, { required: boolean; default: string }>;
    runs: { using: string; steps: { run: string; shell: string; env?: Record<string, string> }[] };
  };

  it('is a composite action with the paths, base, report and today inputs, none required', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs), ['paths', 'base', 'report', 'today']);
    for (const input of Object.values(action.inputs)) assert.equal(input.required, false);
    for (const step of action.runs.steps) assert.equal(step.shell, 'bash');
  });

  it('builds the CLI it runs, and hands every input to scripts/action.mjs', () => {
    const [setup, lint] = action.runs.steps;
    assert.match(setup.run, /npm ci .*&& node scripts\/build\.mjs --production --only=cli,cli-worker/);
    assert.equal(lint.run, 'node "$GITHUB_ACTION_PATH/scripts/action.mjs"');
    assert.deepEqual(lint.env, {
      SOPKIT_PATHS: '${{ inputs.paths }}', SOPKIT_BASE: '${{ inputs.base }}', SOPKIT_REPORT: '${{ inputs.report }}', SOPKIT_TODAY: '${{ inputs.today }}',
    });
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

  it('defines sopkit-lint: a node hook on Markdown files', () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook.id, 'sopkit-lint');
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'sopkit lint');
    const files = new RegExp(hook.files);
    assert.ok(files.test('sops/refunds.md') && !files.test('notes.txt') && !files.test('a.md.bak'));
  });

  it('its entry is the package\'s bin, which the package builds when packed, and a real command', async () => {
    const [command, ...args] = hooks[0].entry.split(' ');
    assert.ok(pkg.bin[command], `package.json bin has ${command}`);
    assert.ok(existsSync(join(root, pkg.bin[command])));
    assert.match(pkg.scripts.prepack, /build\.mjs .*--only=cli,cli-worker/);
    const dir = workspace({ 'a.md': CLEAN_SOP, 'b.md': BROKEN_SOP });
    // pre-commit appends the staged files to the entry.
    assert.equal((await sopkit(dir, [...args, 'a.md', '--today', TODAY])).code, 0);
    assert.equal((await sopkit(dir, [...args, 'a.md', 'b.md', '--today', TODAY])).code, 1);
  });
});
