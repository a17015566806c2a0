/** `sopkit report`: finding and reading the files, the formats on stdout, `-o`, and bad input. */
import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, sopkit, TODAY, WARNING_SOP, workspace } from './helpers.js';

after(cleanUpWorkspaces);

const library = () => workspace({
  'sops/clean.md': CLEAN_SOP.replace('title: Answering Billing Calls', 'id: SOP-001\ntitle: Answering Billing Calls\nstatus: approved'),
  'sops/warning.md': WARNING_SOP.replace('last_reviewed: 2026-06-01', 'last_reviewed: 2026-06-01\nnext_review: 2026-10-01'),
  'sops/broken.md': BROKEN_SOP,
});

describe('sopkit report', () => {
  it('prints a Markdown report of every SOP by default, exit 0 whatever lint finds', async () => {
    const run = await sopkit(library(), ['report', ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^<!-- sopkit report -->\n## SOP library report\n\n3 SOPs · 1 overdue for review/);
    assert.match(run.stdout, /\| SOP-001 \| Answering Billing Calls \| sops\/clean\.md \| article \| Billing Support Lead \| approved \| 1\.1 \|/);
    assert.match(run.stdout, /\| {3}\| Opening the Store \| sops\/broken\.md \| checklist \|/);
  });

  it('resolves references against the library, as lint does: unresolved ones are counted', async () => {
    const dir = workspace({
      'sops/a.md': CLEAN_SOP.replace('title: Answering Billing Calls', 'id: SOP-001\ntitle: Answering Billing Calls').replace('## References', '## References\n\n- SOP-002 and SOP-404 and [missing](gone.md)\n'),
      'sops/b.md': CLEAN_SOP.replace('title: Answering Billing Calls', 'id: SOP-002\ntitle: Answering Billing Calls'),
    });
    const report = JSON.parse((await sopkit(dir, ['report', '-f', 'json', ...TODAY])).stdout);
    const lint = JSON.parse((await sopkit(dir, ['lint', '-f', 'json', ...TODAY])).stdout) as { messages: { ruleId: string }[] }[];
    const unresolved = lint.flatMap((r) => r.messages).filter((m) => m.ruleId === 'sop-reference').length;
    assert.equal(unresolved, 2, 'SOP-404 and gone.md');
    assert.equal(report.summary.unresolvedReferences, unresolved);
  });

  it('json counts what lint counts, per file', async () => {
    const dir = library();
    const report = JSON.parse((await sopkit(dir, ['report', '-f', 'json', ...TODAY])).stdout);
    const lint = JSON.parse((await sopkit(dir, ['lint', '-f', 'json', ...TODAY])).stdout) as { filePath: string; errorCount: number; warningCount: number }[];
    assert.equal(report.sops.length, 3);
    for (const sop of report.sops as { file: string; errors: number; warnings: number }[]) {
      const linted = lint.find((l) => l.filePath.endsWith(sop.file))!;
      assert.deepEqual([sop.errors, sop.warnings], [linted.errorCount, linted.warningCount], sop.file);
    }
    assert.equal(report.today, '2026-11-23');
    assert.equal(report.summary.overdue, 1);
  });

  it('csv and html on stdout; only the named files or folders', async () => {
    const dir = library();
    const csv = await sopkit(dir, ['report', 'sops/clean.md', '-f', 'csv', ...TODAY]);
    assert.equal(csv.code, 0);
    assert.equal(csv.stdout.split('\r\n').length, 3);
    const html = await sopkit(dir, ['report', 'sops', '--format', 'html', ...TODAY]);
    assert.match(html.stdout, /^<!doctype html>/);
    assert.equal((html.stdout.match(/<tr data-index=/g) ?? []).length, 3);
  });

  it('an invalid --today or format is one line and exit 2', async () => {
    const dir = library();
    for (const args of [['--today', '2026-02-30'], ['--today', 'tomorrow'], ['-f', 'xml']]) {
      const run = await sopkit(dir, ['report', ...args]);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
  });

  it('does not crash on bad front matter, binary files or a broken config', async () => {
    const dir = workspace({
      'a.md': '---\ntitle: [unclosed\nowner: {\n---\n# A\n',
      'b.md': '---\n- just\n- a list\n---\n',
      'c.md': Buffer.from([0, 1, 2]),
    });
    const run = await sopkit(dir, ['report', '-f', 'json', ...TODAY]);
    assert.equal(run.code, 2, 'an unreadable file makes the exit code 2');
    assert.match(run.stderr, /^sopkit: c\.md: skipped, it is a binary file/m);
    assert.equal(JSON.parse(run.stdout).sops.length, 2);
    writeFileSync(join(dir, '.sopkit.yaml'), 'rules: [not, a, mapping\n');
    const broken = await sopkit(dir, ['report', ...TODAY]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /configuration has problems/);
    assert.equal(broken.stdout, '');
  });

  it('leaves out files the config ignores and reports on no files as a usage error', async () => {
    const dir = workspace({ '.sopkit.yaml': 'ignore:\n  - drafts/**\n', 'drafts/x.md': CLEAN_SOP, 'y.md': CLEAN_SOP });
    const run = await sopkit(dir, ['report', '-f', 'json', ...TODAY]);
    assert.deepEqual(JSON.parse(run.stdout).sops.map((s: { file: string }) => s.file), ['y.md']);
    const empty = await sopkit(workspace({ 'notes.txt': 'x' }), ['report', ...TODAY]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no Markdown files to report on/);
  });
});

describe('sopkit report -o', () => {
  it('writes a new file, and replaces an earlier report of any format without --force', async () => {
    const dir = library();
    for (const format of ['markdown', 'json', 'html', 'csv']) {
      const out = join(dir, `report.${format}`);
      const first = await sopkit(dir, ['report', 'sops', '-f', format, '-o', `report.${format}`, ...TODAY]);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stdout, '');
      assert.match(first.stderr, /wrote report\./);
      const before = readFileSync(out, 'utf8');
      writeFileSync(join(dir, 'sops/new.md'), CLEAN_SOP);
      const again = await sopkit(dir, ['report', 'sops', '-f', format, '-o', `report.${format}`, ...TODAY]);
      assert.equal(again.code, 0, again.stderr);
      assert.notEqual(readFileSync(out, 'utf8'), before, format);
      writeFileSync(join(dir, 'sops/new.md'), '');
    }
  });

  it('a report written into the folder it reports on is not reported on the next run', async () => {
    const dir = library();
    assert.equal((await sopkit(dir, ['report', '-o', 'sops/REPORT.md', ...TODAY])).code, 0);
    const again = await sopkit(dir, ['report', '-o', 'sops/REPORT.md', ...TODAY]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(readFileSync(join(dir, 'sops/REPORT.md'), 'utf8'), /^<!-- sopkit report -->\n## SOP library report\n\n3 SOPs/);
  });

  it('refuses to write over an SOP it reports on, even with --force', async () => {
    const dir = library();
    const run = await sopkit(dir, ['report', '-o', 'sops/clean.md', '--force', ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /one of the files being reported on/);
    assert.match(readFileSync(join(dir, 'sops/clean.md'), 'utf8'), /^---\nid: SOP-001/);
  });

  it('replaces any other existing file only with --force', async () => {
    const dir = library();
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
    const refused = await sopkit(dir, ['report', 'sops', '-o', 'notes.txt', ...TODAY]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /cannot write 'notes\.txt': it exists and is not a sopkit report; use --force/);
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'my notes\n');
    const forced = await sopkit(dir, ['report', 'sops', '-o', 'notes.txt', '--force', ...TODAY]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(readFileSync(join(dir, 'notes.txt'), 'utf8'), /^<!-- sopkit report -->/);
  });

  it('never writes through a link or into a folder it cannot write', async () => {
    const dir = library();
    writeFileSync(join(dir, 'target.md'), 'keep\n');
    symlinkSync(join(dir, 'target.md'), join(dir, 'link.md'));
    const linked = await sopkit(dir, ['report', 'sops', '-o', 'link.md', '--force', ...TODAY]);
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /symbolic link/);
    assert.equal(readFileSync(join(dir, 'target.md'), 'utf8'), 'keep\n');
    if (process.getuid?.() !== 0) {
      mkdirSync(join(dir, 'locked'));
      chmodSync(join(dir, 'locked'), 0o500);
      const locked = await sopkit(dir, ['report', 'sops', '-o', 'locked/r.md', ...TODAY]);
      assert.equal(locked.code, 2);
      assert.equal(locked.stderr.trim().split('\n').length, 1);
      assert.equal(existsSync(join(dir, 'locked/r.md')), false);
      chmodSync(join(dir, 'locked'), 0o700);
    }
  });
});
