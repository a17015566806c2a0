/**
 * The reliability properties, registered by both the bounded unit suite (npm test) and the long
 * fuzz run (npm run fuzz). `runs` scales every property; `stats` counts what was exercised.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint } from '../../../src/core/lint/lint.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { applyEdits, fixText } from '../../../src/core/lint/fix.js';
import { renderSopBody, renderStandaloneHtml } from '../../../src/core/render/index.js';
import type { Fix, LintResult } from '../../../src/core/types.js';
import { anyText, fixableDocument, sopDocument, XSS_PAYLOADS } from './arbitraries.js';
import { fixProblems } from './fix-checks.js';
import { htmlProblems, ownScriptCount, resultProblems, TODAY } from './helpers.js';

export const stats = { documents: 0, rendered: 0, fixesApplied: 0, xssPayloads: XSS_PAYLOADS.length };

function lintChecked(text: string): LintResult {
  stats.documents++;
  let result: LintResult | undefined;
  assert.doesNotThrow(() => { result = lint(text, { today: TODAY }); });
  assert.deepEqual(resultProblems(text, result!), []);
  return result!;
}

function renderChecked(text: string, result: LintResult, standalone: boolean): void {
  stats.rendered++;
  const body = renderSopBody(buildSopDocument(text), { lint: result.messages, today: TODAY });
  assert.equal(typeof body, 'string');
  assert.deepEqual(htmlProblems(body), [], `body HTML of ${JSON.stringify(text.slice(0, 300))}`);
  if (standalone) {
    const page = renderStandaloneHtml(text, { lint: result.messages, today: TODAY });
    assert.equal(ownScriptCount(page), 1);
    assert.deepEqual(htmlProblems(page, 1), [], `standalone HTML of ${JSON.stringify(text.slice(0, 300))}`);
  }
}

export interface PropertyRuns { text: number; sop: number; fixes: number; seed?: number }

export function registerProperties(runs: PropertyRuns): void {
  const params = (numRuns: number) => ({ numRuns, ...(runs.seed !== undefined ? { seed: runs.seed } : {}) });

  it(`lint never throws and every range lies inside the document: arbitrary text (${runs.text} runs)`, () => {
    fc.assert(fc.property(anyText, (text) => { lintChecked(text); }), params(runs.text));
  });

  it(`lint and render hold on SOP-shaped documents; the HTML is sanitized (${runs.sop} runs)`, () => {
    let n = 0;
    fc.assert(fc.property(sopDocument, (text) => {
      const result = lintChecked(text);
      renderChecked(text, result, n++ % 10 === 0);
    }), params(runs.sop));
  });

  it('every XSS payload, alone and inside each format, renders without script, handlers or javascript: URLs', () => {
    for (const payload of XSS_PAYLOADS) {
      for (const text of [
        payload,
        `---\ntitle: "${payload.replace(/"/g, '\\"')}"\nformat: faq\n---\n\n## ${payload}?\n\n${payload}\n`,
        `---\nformat: checklist\n---\n\n## Phase\n\n- [ ] ${payload}\n- [x] ok\n- [ ] ok\n`,
        `---\nformat: workflow\n---\n\n## Procedure\n\n### Step 1: ${payload}\n- **If:** ${payload}\n  - **Take Action:** Proceed to Step 2\n\n### Step 2: end\n`,
        `---\nformat: guide\n---\n\n## Procedure\n\n1. ${payload}\n   ![a](pic.png)\n2. ${payload}\n   ![b](pic2.png)\n\n## Revision history\n\n| Date | Change |\n| --- | --- |\n| 2026-01-15 | ${payload.replace(/\|/g, '\\|')} |\n`,
      ]) {
        renderChecked(text, lintChecked(text), true);
      }
    }
  });

  it(`fixes lose nothing: each fix and suggestion only inserts or changes checkbox markers, numbers and front-matter values (${runs.fixes} runs)`, () => {
    fc.assert(fc.property(fixableDocument, (text) => {
      const result = lintChecked(text);
      const fixes: Fix[] = result.messages.flatMap((m) => [...(m.fix ? [m.fix] : []), ...(m.suggestions ?? [])]);
      for (const fix of fixes) {
        stats.fixesApplied++;
        const after = applyEdits(text, fix.edits);
        assert.deepEqual(fixProblems(text, fix.edits, after), [], `fix '${fix.title}' on ${JSON.stringify(text)}`);
      }
    }), params(runs.fixes));
  });

  it(`fixText keeps every original line, and fixing twice equals fixing once (${runs.fixes} runs)`, () => {
    fc.assert(fc.property(fixableDocument, (text) => {
      stats.documents++;
      const once = fixText(text, { today: TODAY }).text;
      assert.deepEqual(fixProblems(text, undefined, once), [], `fixText on ${JSON.stringify(text)}`);
      const twice = fixText(once, { today: TODAY });
      assert.equal(twice.text, once, `second fixText changed ${JSON.stringify(once)}`);
      assert.equal(twice.applied, 0);
    }), params(runs.fixes));
  });
}
