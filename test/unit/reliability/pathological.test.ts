/**
 * Pathological inputs, each linted and rendered; times are printed. A test fails on an exception,
 * an internal-error message, a range outside the document, a document script in the output, or
 * when it runs past a generous bound (mocha's timeout, not a timed assertion). `npm test` uses the
 * smaller variant of the inputs that take seconds at full size; SOPKIT_PATHOLOGICAL=full (and
 * bench/pathological.mjs) run every input at full size.
 */
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint/lint.js';
import { renderStandaloneHtml } from '../../../src/core/render/index.js';
import { PATHOLOGICAL_INPUTS } from './pathological-inputs.js';
import { resultProblems, TODAY } from './helpers.js';

const FULL = process.env.SOPKIT_PATHOLOGICAL === 'full';
/** Generous: typical times are well under a second per input at the bounded sizes. */
const BOUND_MS = FULL ? 120_000 : 30_000;

describe(`reliability: pathological inputs (${FULL ? 'full size' : 'bounded sizes'})`, () => {
  let worst = { ms: 0, name: '' };
  after(() => console.log(`      worst: ${worst.ms.toFixed(0)} ms (${worst.name})`));

  for (const input of PATHOLOGICAL_INPUTS) {
    const make = FULL || !input.quick ? input.make : input.quick;
    it(input.name, function () {
      this.timeout(BOUND_MS);
      const text = make();
      let started = performance.now();
      const result = lint(text, { today: TODAY });
      const lintMs = performance.now() - started;
      assert.deepEqual(resultProblems(text, result), []);
      started = performance.now();
      const html = renderStandaloneHtml(text, { lint: result.messages, today: TODAY });
      const renderMs = performance.now() - started;
      assert.match(html, /<\/main>\n<script nonce="[^"]+">/);
      const scripts = html.match(/<script\b/g)?.length ?? 0;
      const own = html.match(/<script nonce="[^"]+">|<script type="application\/json"/g)?.length ?? 0;
      assert.equal(scripts, own, 'only the renderer\'s own script and data elements');
      const total = lintMs + renderMs;
      if (total > worst.ms) worst = { ms: total, name: input.name };
      console.log(`      ${(text.length / 1e6).toFixed(2)} MB: lint ${lintMs.toFixed(0)} ms, render ${renderMs.toFixed(0)} ms, ${result.messages.length} messages`);
    });
  }
});
