/**
 * Every example of the CommonMark spec (the commonmark-spec package) through lint and render:
 * no exception, well-formed messages, sanitized HTML. The nesting guard must not change any of
 * them (they are the grammar's edge cases, not pathological input).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { lint } from '../../../src/core/lint/lint.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { limitNesting } from '../../../src/core/parse/nesting.js';
import { renderSopBody } from '../../../src/core/render/index.js';
import { htmlProblems, resultProblems, TODAY } from './helpers.js';

interface SpecExample { markdown: string; html: string; section: string; number: number }
const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[]; version?: string };
/** The spec writes tabs as '→'; each example is run as printed and with real tabs. */
const variants = (markdown: string): string[] => (markdown.includes('→') ? [markdown, markdown.replace(/→/g, '\t')] : [markdown]);

describe('reliability: CommonMark spec examples', function () {
  this.timeout(120_000);

  it('the spec package provides its examples', () => {
    assert.ok(spec.tests.length >= 600, `${spec.tests.length} examples`);
  });

  it('every example lints without an exception and with every range inside the example', () => {
    const failures: string[] = [];
    for (const example of spec.tests) {
      for (const markdown of variants(example.markdown)) {
        const problems = resultProblems(markdown, lint(markdown, { today: TODAY }));
        if (problems.length) failures.push(`example ${example.number} (${example.section}): ${problems.join('; ')}`);
      }
    }
    assert.deepEqual(failures, []);
    console.log(`      ${spec.tests.length} CommonMark examples linted`);
  });

  it('every example renders to sanitized HTML', () => {
    const failures: string[] = [];
    for (const example of spec.tests) {
      for (const markdown of variants(example.markdown)) {
        try {
          const html = renderSopBody(buildSopDocument(markdown), { today: TODAY });
          const problems = htmlProblems(html);
          if (problems.length) failures.push(`example ${example.number}: ${problems.join('; ')}`);
        } catch (error) {
          failures.push(`example ${example.number} (${example.section}) threw ${(error as Error).message}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    console.log(`      ${spec.tests.length} CommonMark examples rendered`);
  });

  it('the nesting guard leaves every example unchanged', () => {
    const changed = spec.tests.filter((e) => variants(e.markdown).some((m) => limitNesting(m) !== m)).map((e) => e.number);
    assert.deepEqual(changed, []);
  });
});
