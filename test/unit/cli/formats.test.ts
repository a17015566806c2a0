import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { rules } from '../../../src/core/lint/rules/index.js';
import { wantsColor } from '../../../src/cli/io.js';
import { batched } from '../../../src/cli/commands/lint-report.js';
import { FORMAT_NAMES, formatters } from '../../../src/cli/formatters/index.js';
import type { LintRun } from '../../../src/cli/results.js';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, sopkit, TODAY, WARNING_SOP, workspace } from './helpers.js';

after(cleanUpWorkspaces);

const files = { 'sops/open store.md': BROKEN_SOP, 'sops/billing.md': WARNING_SOP, 'sops/clean.md': CLEAN_SOP, 'sops/binary.md': Buffer.from([0, 1, 2]) };

describe('sopkit lint --format json', () => {
  it("is ESLint's result shape plus the SOP format", async () => {
    const dir = workspace(files);
    const run = await sopkit(dir, ['lint', 'sops', '--format', 'json', ...TODAY]);
    assert.equal(run.code, 2, 'the binary file makes it an IO problem');
    const results = JSON.parse(run.stdout);
    assert.equal(results.length, 4);
    const broken = results.find((r: { filePath: string }) => r.filePath === join(dir, 'sops/open store.md'));
    assert.deepEqual(Object.keys(broken), ['filePath', 'format', 'formatSource', 'formatReason', 'sections', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']);
    assert.equal(broken.format, 'checklist');
    assert.equal(broken.formatSource, 'frontmatter');
    assert.deepEqual([broken.errorCount, broken.warningCount, broken.fixableErrorCount, broken.fixableWarningCount], [2, 1, 2, 1]);
    assert.deepEqual(broken.messages[0], {
      ruleId: 'required-section', severity: 2, message: "Missing section 'Scope' (expected after 'Purpose')",
      line: 8, column: 1, endLine: 8, endColumn: 11, fixable: true,
      url: 'https://github.com/sopkit/sopkit/blob/main/docs/rules/required-section.md',
    });
    assert.equal(broken.messages[2].severity, 1);
    const clean = results.find((r: { filePath: string }) => r.filePath.endsWith('clean.md'));
    assert.deepEqual(clean.messages, []);
    assert.equal(clean.format, 'article');
  });
});

describe('sopkit lint --format json: sections', () => {
  it('lists what served each part, the heading or line, how it was recognised, and where', async () => {
    const text = '# Refunds\n\nThis SOP describes how agents refund orders.\n\n## How we refund\n\n1. Check the order.\n2. Refund it.\n\n## Further reading\n\n- [Policy](https://example.com)\n';
    const dir = workspace({ 'sops/refunds.md': text, 'sops/binary.md': Buffer.from([0, 1, 2]) });
    const results = JSON.parse((await sopkit(dir, ['lint', 'sops', '--format', 'json', ...TODAY])).stdout);
    const entry = results.find((r: { filePath: string }) => r.filePath.endsWith('refunds.md'));
    assert.deepEqual(entry.sections.map((s: { part: string; how: string; text: string; line: number }) => [s.part, s.how, s.text, s.line]), [
      ['title', 'heading', 'Refunds', 1],
      ['purpose', 'content', 'This SOP describes how agents refund orders.', 3],
      ['process', 'content', 'How we refund', 5],
      ['references', 'alias', 'Further reading', 10],
    ]);
    assert.ok(entry.messages.every((m: { message: string }) => !/Purpose|Process|References/.test(m.message)), 'no "missing" for a served part');
    assert.deepEqual(results.find((r: { filePath: string }) => r.filePath.endsWith('binary.md')).sections, []);
  });
});

describe('sopkit lint --fix --canonical-headings', () => {
  it('gives content taken as a part its canonical heading, and refuses without --fix', async () => {
    const text = '# Refunds\n\nThis SOP describes how agents refund orders.\n\n## How we refund\n\n1. Check.\n2. Refund.\n';
    const dir = workspace({ 'sops/refunds.md': text });
    const refused = await sopkit(dir, ['lint', 'sops', '--canonical-headings', ...TODAY]);
    assert.equal(refused.code, 2);
    await sopkit(dir, ['lint', 'sops', '--fix', '--canonical-headings', ...TODAY]);
    const written = readFileSync(join(dir, 'sops/refunds.md'), 'utf8');
    // --fix also inserts the sections that are truly missing (scope, references, revision history).
    assert.ok(written.startsWith('# Refunds\n\n## Purpose\n\nThis SOP describes how agents refund orders.\n'), written);
    assert.equal(written.match(/^## Purpose$/gm)?.length, 1);
  });
});

describe('sopkit lint --format sarif', () => {
  it('is valid against the official SARIF 2.1.0 JSON Schema, with rule metadata and help URIs', async () => {
    const dir = workspace(files);
    const run = await sopkit(dir, ['lint', 'sops', '-f', 'sarif', ...TODAY]);
    const log = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
    // The official schema has one pattern that is not valid in Unicode mode, hence unicodeRegExp: false.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid: boolean = validate(log) as boolean;
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'sopkit');
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), rules.map((r) => r.id));
    const required = driver.rules.find((r: { id: string }) => r.id === 'required-section');
    assert.equal(required.helpUri, 'https://github.com/sopkit/sopkit/blob/main/docs/rules/required-section.md');
    assert.equal(required.defaultConfiguration.level, 'error');
    assert.ok(required.shortDescription.text.length > 20);
    const results = log.runs[0].results;
    assert.equal(results.length, 4);
    const first = results.find((r: { ruleId: string }) => r.ruleId === 'required-section');
    assert.equal(driver.rules[first.ruleIndex].id, 'required-section');
    assert.deepEqual(first.locations[0].physicalLocation.artifactLocation, { uri: 'sops/open%20store.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(first.locations[0].physicalLocation.region, { startLine: 8, startColumn: 1, endLine: 8, endColumn: 11 });
    assert.equal(results.find((r: { ruleId: string }) => r.ruleId === 'placeholder').level, 'warning');
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(notes[0].message.text, /binary file/);
  });

  it('a mutated log fails the schema (the validation can fail)', async () => {
    const dir = workspace({ 'a.md': BROKEN_SOP });
    const log = JSON.parse((await sopkit(dir, ['lint', '-f', 'sarif', ...TODAY])).stdout);
    log.runs[0].results[0].level = 'fatal';
    const schema = JSON.parse(readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8'));
    assert.equal(new AjvDraft04({ strict: false, validateFormats: false, unicodeRegExp: false }).validate(schema, log), false);
  });
});

describe('sopkit lint --format github', () => {
  it('prints one workflow command per problem with escaped properties', async () => {
    const dir = workspace({ 'sops/a,b.md': BROKEN_SOP, 'sops/w.md': WARNING_SOP });
    const run = await sopkit(dir, ['lint', '-f', 'github', ...TODAY]);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[0], "::error file=sops/a%2Cb.md,line=8,col=1,endLine=8,endColumn=11,title=sopkit required-section::Missing section 'Scope' (expected after 'Purpose')");
    assert.match(lines[2], /^::warning file=sops\/a%2Cb\.md,line=15,col=1,endLine=15,endColumn=\d+,title=sopkit checklist-item::'Switch on the tills' is a plain list item/);
    assert.match(lines[3], /^::warning file=sops\/w\.md,line=13,col=46,.*title=sopkit placeholder::Unfilled placeholder 'TBD'/);
  });
});

describe('sopkit lint --format stylish', () => {
  it('groups problems by file, aligned, with a summary, and no colours off a terminal', async () => {
    const dir = workspace({ 'sops/a.md': BROKEN_SOP, 'sops/w.md': WARNING_SOP });
    const run = await sopkit(dir, ['lint', ...TODAY]);
    assert.doesNotMatch(run.stdout, /\u001b\[/);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], 'sops/a.md  checklist (from front matter)');
    assert.match(lines[1], /^ {2}8:1 {3}error {4}Missing section 'Scope' \(expected after 'Purpose'\) +required-section$/);
    assert.match(lines[3], /^ {2}15:1 {2}warning {2}'Switch on the tills' is a plain list item/);
    assert.equal(lines[5], 'sops/w.md  article (from front matter)');
    assert.match(run.stdout, /✖ 4 problems \(2 errors, 2 warnings\) in 2 files\n {2}3 problems can be fixed with --fix\n$/);
  });

  it('uses colours on a terminal only, and never with NO_COLOR', async () => {
    const dir = workspace({ 'a.md': BROKEN_SOP });
    const run = await sopkit(dir, ['lint', ...TODAY], { color: true });
    assert.match(run.stdout, /\u001b\[31merror {2}\u001b\[0m/);
    assert.equal(wantsColor({ isTTY: true }, {}), true);
    assert.equal(wantsColor({ isTTY: false }, {}), false);
    assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(wantsColor({ isTTY: false }, { FORCE_COLOR: '1' }), true);
  });
});

describe('formats are written file by file (issue 11, scale)', () => {
  const message = (i: number) => ({ ruleId: 'placeholder', severity: 'warning' as const, message: `Unfilled placeholder 'TBD ${i}'`, line: i + 1, column: 1, endLine: i + 1, endColumn: 4, fixable: false, url: 'u' });
  const result = (i: number) => ({
    filePath: `/w/sops/${i}.md`, format: 'article' as const, formatSource: 'inferred' as const, formatReason: 'x',
    messages: i % 2 ? [message(i), message(i + 1)] : [], sections: [],
    errorCount: 0, warningCount: i % 2 ? 2 : 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
  });
  const run = (files: number, skipped = 0): LintRun => ({
    cwd: '/w', quiet: false, fixedFiles: 0,
    results: Array.from({ length: files }, (_, i) => result(i)),
    skipped: Array.from({ length: skipped }, (_, i) => ({ filePath: `/w/bad${i}.md`, reason: 'binary' })),
  });
  const context = { color: false, version: '9.9.9' };

  for (const name of FORMAT_NAMES) {
    it(`${name}: more than one piece for many files, each piece far smaller than the whole`, () => {
      const pieces = [...formatters[name](run(400, 1), context)];
      const whole = pieces.join('');
      assert.ok(pieces.length > 100, `${pieces.length} pieces`);
      // The largest piece is SARIF's frame (the rule catalogue), not a share of the results.
      assert.ok(Math.max(...pieces.map((p) => p.length)) < whole.length / 10);
    });
  }

  it('json pieces join into the array JSON.stringify prints, also with no files', () => {
    for (const [files, skipped] of [[0, 0], [1, 0], [0, 1], [7, 2]]) {
      const text = [...formatters.json(run(files, skipped), context)].join('');
      const parsed = JSON.parse(text);
      assert.equal(text, `${JSON.stringify(parsed)}\n`);
      assert.equal(parsed.length, files + skipped);
    }
  });

  it('sarif pieces join into exactly the log JSON.stringify prints with two-space indents', () => {
    for (const [files, skipped] of [[0, 0], [1, 0], [2, 1], [9, 0]]) {
      const text = [...formatters.sarif(run(files, skipped), context)].join('');
      const log = JSON.parse(text);
      assert.equal(text, `${JSON.stringify(log, null, 2)}\n`);
      const expected = 2 * Math.floor(files / 2);
      assert.equal(log.runs[0].results.length, expected);
      assert.equal(log.runs[0].invocations[0].toolExecutionNotifications.length, skipped);
    }
  });

  it('writes are batched to about 64 KB', () => {
    const writes = [...batched(formatters.github(run(4000), context))];
    assert.ok(writes.length > 1 && writes.length < 20, `${writes.length} writes`);
    assert.equal(writes.join(''), [...formatters.github(run(4000), context)].join(''));
  });
});
