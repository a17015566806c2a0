/**
 * Text from file names, documents and configs reaches terminals and CI logs only escaped, and JSON
 * only as well-formed Unicode (issue 11, item 10): a file name with line breaks must not inject a
 * GitHub workflow command, ESC and BEL from a document must not reach the terminal.
 */
import { strict as assert } from 'node:assert';
import { formatJson } from '../../../src/cli/formatters/json.js';
import { formatSarif } from '../../../src/cli/formatters/sarif.js';
import { formatStylish } from '../../../src/cli/formatters/stylish.js';
import type { LintRun } from '../../../src/cli/results.js';
import { clip, terminalText, wellFormed } from '../../../src/core/display.js';
import { CLEAN_SOP, cleanUpWorkspaces, sopkit, workspace } from './helpers.js';

const TODAY = ['--today', '2026-11-23'];
const INJECTED = 'a\n::error file=README.md,line=1::x\n.md';
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** A line GitHub's runner would read as a workflow command (it trims leading spaces first). */
const injected = (output: string) => output.split('\n').some((line) => /^\s*::error file=README\.md/.test(line));

describe('output safety (issue 11)', () => {
  after(cleanUpWorkspaces);

  it('a skipped file whose name holds line breaks injects no annotation with --format github, on either stream', async () => {
    const dir = workspace({ [`sops/${INJECTED}`]: Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]) });
    const run = await sopkit(dir, ['lint', 'sops', '-f', 'github', ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /skipped/);
    assert.ok(!injected(run.stderr), run.stderr);
    assert.ok(!injected(run.stdout), run.stdout);
    assert.equal(run.stderr.trim().split('\n').length, 1, 'one line per skipped file');
    assert.match(run.stderr, /a\\n::error file=README\.md,line=1::x\\n\.md/);
  });

  it('a config value with line breaks and ESC stays on its problem line', async () => {
    const dir = workspace({ '.sopkit.yaml': 'reviewInterval: "soon\\n::error file=README.md,line=1::injected\\u001b]0;pwned\\u0007"\n', 'sops/a.md': CLEAN_SOP });
    const run = await sopkit(dir, ['lint', 'sops', '-f', 'github', ...TODAY]);
    assert.equal(run.code, 2);
    assert.ok(!injected(run.stderr), run.stderr);
    assert.ok(!CONTROL.test(run.stderr), JSON.stringify(run.stderr));
    assert.equal(run.stderr.trim().split('\n').length, 2, run.stderr);
  });

  it('stylish output shows ESC and BEL from document text as escapes', async () => {
    const dir = workspace({ 'sops/a.md': CLEAN_SOP.replace('Resolve billing questions on the first call.', 'Resolve [INSERT \u001b[2J\u0007 title] on the first call.') });
    const run = await sopkit(dir, ['lint', 'sops', ...TODAY]);
    assert.match(run.stdout, /Unfilled placeholder '\[INSERT \\e\[2J\\x07 title\]'/);
    assert.ok(!CONTROL.test(run.stdout), JSON.stringify(run.stdout));
  });

  it('stylish, JSON and SARIF never carry lone surrogates', () => {
    const run: LintRun = {
      cwd: '/w',
      quiet: false,
      fixedFiles: 0,
      skipped: [{ filePath: '/w/b\uDC00.md', reason: 'cannot be read (\uD800)' }],
      results: [{
        filePath: '/w/a.md', format: 'article', formatSource: 'inferred', formatReason: 'x',
        messages: [{ ruleId: 'placeholder', severity: 'warning', message: 'Unfilled placeholder \'\uD83D\'', line: 1, column: 1, endLine: 1, endColumn: 2, fixable: false, url: '' }],
        errorCount: 0, warningCount: 1, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0,
      }],
    };
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);
    for (const text of [formatJson(run, { color: false, version: '0' }), formatSarif(run, { color: false, version: '0' })]) {
      const all = strings(JSON.parse(text));
      assert.ok(all.some((s) => s.includes('\uFFFD')), 'replaced, not dropped');
      assert.ok(!all.some((s) => lone.test(s)), all.filter((s) => lone.test(s)).join(' | '));
    }
    assert.ok(!lone.test(formatStylish(run, { color: false, version: '0' })));
  });
});

describe('display helpers', () => {
  it('terminalText escapes controls, separators and bidi overrides, keeps tabs and ordinary text', () => {
    assert.equal(terminalText('a\nb\r\u001b[31m\u0007\u0085\u2028\u202Ec\td é 😀'), 'a\\nb\\r\\e[31m\\x07\\x85\\u2028\\u202ec\td é 😀');
  });
  it('clip cuts long values with an ellipsis, never inside a surrogate pair', () => {
    assert.equal(clip('x'.repeat(50_000_000)).length, 80);
    assert.ok(clip('x'.repeat(50_000_000)).endsWith('…'));
    assert.equal(clip(`${'x'.repeat(78)}😀yy`), `${'x'.repeat(78)}…`);
    assert.equal(clip('short'), 'short');
  });
  it('wellFormed replaces lone surrogates only', () => {
    assert.equal(wellFormed('a\uD800b\uDC00😀'), 'a\uFFFDb\uFFFD😀');
  });
});
