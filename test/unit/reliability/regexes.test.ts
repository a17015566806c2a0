/**
 * No regular expression in src/core backtracks catastrophically. Every literal is found with the
 * TypeScript parser and run over ~100 KB of adversarial near-matches; the patterns built at run
 * time (dates, delimiter runs, version mentions) and the rules' own scans are driven through the
 * functions that use them. Times are printed; a test fails only past a generous bound, far above
 * the milliseconds a linear pattern needs and far below the seconds a quadratic one takes.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { findRegexLiterals, adversarialInputs, timeRegex } from './regex-harness.js';
import { findDate } from '../../../src/core/dates.js';
import { normalizeTitle, displayTitle } from '../../../src/core/model/sections.js';
import { limitNesting } from '../../../src/core/parse/nesting.js';
import { lint } from '../../../src/core/lint/lint.js';
import { resultProblems, TODAY } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SIZE = 100_000;
/** Per pattern and input: linear patterns take milliseconds here; a quadratic one on 100 KB takes many seconds. */
const BOUND_MS = 1_500;

function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/**
 * The fastest of up to three runs, stopping as soon as one is under `bound`. A linear pattern
 * over 100 KB takes milliseconds; a run over the bound on a loaded machine (other suites, CI
 * neighbours) is measured again, while a quadratic pattern stays seconds slow every time.
 */
function fastest(fn: () => number, bound: number): number {
  let best = fn();
  for (let i = 0; i < 2 && best >= bound; i++) best = Math.min(best, fn());
  return best;
}

describe('reliability: regular expressions under adversarial input', function () {
  this.timeout(120_000);
  const literals = findRegexLiterals(ROOT);

  it('finds the regular expressions of src/core', () => {
    assert.ok(literals.length >= 100, `${literals.length} literals`);
    const files = new Set(literals.map((r) => r.file));
    for (const file of ['src/core/model/steps.ts', 'src/core/model/sections.ts', 'src/core/dates.ts', 'src/core/lint/disable.ts', 'src/core/model/parts.ts', 'src/core/lint/rules/placeholder.ts']) {
      assert.ok(files.has(file), `no regex found in ${file}`);
    }
  });

  it(`every literal runs over ${SIZE / 1000} KB of near-matches in linear time`, () => {
    const slow: string[] = [];
    let worst = { ms: 0, what: '' };
    let runs = 0;
    for (const r of literals) {
      for (const input of adversarialInputs(r.source, SIZE)) {
        runs++;
        const ms = fastest(() => timeRegex(r.regex, input.text), BOUND_MS);
        if (ms > worst.ms) worst = { ms, what: `${r.file}:${r.line} /${r.source}/ on ${input.name}` };
        if (ms > BOUND_MS) slow.push(`${ms.toFixed(0)} ms: ${r.file}:${r.line} /${r.source}/${r.flags} on ${input.name}`);
      }
    }
    console.log(`      ${literals.length} regexes × near-matches = ${runs} runs; worst ${worst.ms.toFixed(1)} ms (${worst.what})`);
    assert.deepEqual(slow, []);
  });

  const through: [string, () => unknown][] = [
    ['findDate: "June " repeated', () => findDate('June '.repeat(SIZE / 5) + 'x')],
    ['findDate: "27 June " repeated', () => findDate('27 June '.repeat(SIZE / 8) + 'x')],
    ['findDate: "september" + spaces', () => findDate(`september${' '.repeat(SIZE)}x`)],
    ['findDate: "2024-" repeated', () => findDate('2024-'.repeat(SIZE / 5))],
    ['findDate: "12 of jan., " repeated', () => findDate('12 of jan., '.repeat(SIZE / 12))],
    ['findDate: digits', () => findDate('1'.repeat(SIZE))],
    ['normalizeTitle: "1." repeated', () => normalizeTitle('1.'.repeat(SIZE / 2) + 'x')],
    ['normalizeTitle: " -" repeated then x', () => normalizeTitle(`a${' -'.repeat(SIZE / 2)} x`)],
    ['normalizeTitle: "(" repeated', () => normalizeTitle(`a ${'('.repeat(SIZE)})`)],
    ['normalizeTitle: "step " repeated', () => normalizeTitle('step '.repeat(SIZE / 5))],
    ['displayTitle: "— " repeated then x', () => displayTitle(`x${'— '.repeat(SIZE / 2)}x`)],
    ['limitNesting: "*_" alternating', () => limitNesting('*_'.repeat(SIZE / 2))],
    ['limitNesting: "> - 1. " repeated', () => limitNesting('> - 1. '.repeat(SIZE / 7))],
  ];
  for (const [name, run] of through) {
    it(`${name} (${SIZE / 1000} KB)`, () => {
      const ms = fastest(() => timed(run), BOUND_MS);
      console.log(`      ${ms.toFixed(1)} ms`);
      assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
    });
  }

  /** Whole documents made of one rule's near-matches, linted: placeholders, step references, dates, numbering, disable comments, FAQ prefixes. */
  const documents: [string, string][] = [
    ['placeholder: "[insert " repeated', `# T\n\n${'[insert '.repeat(SIZE / 8)}`],
    ['placeholder: "{{ a" repeated', `# T\n\n${'{{ a'.repeat(SIZE / 4)}`],
    ['placeholder: "TODOx" repeated', `# T\n\n${'TODOx'.repeat(SIZE / 5)}`],
    ['step reference: "proceed back to step " repeated', `# T\n\n## Procedure\n\n1. ${'proceed back to step '.repeat(SIZE / 21)}`],
    ['step reference: "go" + spaces', `# T\n\n## Procedure\n\n1. go${' '.repeat(SIZE)}to step x`],
    ['step reference: If/Take Action on one line with spaces', `# T\n\n## Procedure\n\n### Step 1: a\n\n- If: x${' '.repeat(SIZE)}y Take Action: z\n`],
    ['dates: revision list of near-dates', `# T\n\n## Revision history\n\n${Array.from({ length: 2000 }, (_, i) => `- June ${i} 20${i} — v1.${i}.${i}.${i}.${i} — x`).join('\n')}\n`],
    ['dates: revision item of " - " separators', `# T\n\n## Revision history\n\n- x${' - :'.repeat(SIZE / 4)} y\n`],
    ['numbering: heading "1.1.1." repeated', `# ${'1.'.repeat(SIZE / 2)} Purpose\n\n## ${'IV. '.repeat(SIZE / 4)}x\n`],
    ['numbering: heading of spaces and dashes', `## Scope${' -'.repeat(SIZE / 2)} x\n`],
    ['disable comments: "<!-- sopkit-disable " repeated', `# T\n\n${'<!-- sopkit-disable '.repeat(SIZE / 20)}\n`],
    ['disable comments: 5,000 real comments', `# T\n\n${'<!-- sopkit-disable-next-line placeholder -->\nTODO\n\n'.repeat(5000)}`],
    ['FAQ: "Q: " repeated', `# T\n\n${'Q: '.repeat(SIZE / 3)}?\n`],
    ['FAQ: "Q" + spaces, answer prefix + spaces', `# T\n\nq${' '.repeat(SIZE / 2)}x?\nanswer${' '.repeat(SIZE / 2)}y\n`],
    ['front matter: version near-matches', `---\nversion: ${'1.'.repeat(SIZE / 2)}1\n---\n\n## Revision history\n\n- 2026-01-15 — ${'v1.'.repeat(SIZE / 3)}\n`],
  ];
  for (const [name, text] of documents) {
    it(`lint: ${name}`, () => {
      let result: ReturnType<typeof lint> | undefined;
      const ms = fastest(() => timed(() => { result = lint(text, { today: TODAY }); }), BOUND_MS * 4);
      console.log(`      ${ms.toFixed(0)} ms, ${result!.messages.length} messages`);
      assert.deepEqual(resultProblems(text, result!), []);
      assert.ok(ms < BOUND_MS * 4, `${ms.toFixed(0)} ms`);
    });
  }
});
