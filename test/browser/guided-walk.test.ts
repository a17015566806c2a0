/**
 * The guided walk over every path of every workflow the project ships (examples/ and the
 * workflow templates), in real Chromium. What the walk must show is worked out here from the
 * SOP model alone, not from the walk's data or code: each branch's "Take Action" text, unless it
 * is nothing but "Proceed to Step N", is shown before the walk moves on, in the order reached.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { buildSopDocument } from '../../src/core/model/build.js';
import { renderStandaloneHtml } from '../../src/core/render/index.js';
import type { SopDocument } from '../../src/core/types.js';
import { StandaloneBrowser, TODAY, screenshot } from './helpers.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** "Proceed to Step 4." and nothing else: there is no action to show, the walk goes straight on. */
const BARE_JUMP = /^(?:then\s+)?(?:proceed|return|go|move|continue|skip|jump)(?:\s+back)?\s+to\s+step\s+\d+\s*\.?$/i;

interface Choice { step: number; branch: number }
interface Path { choices: Choice[] }

function stepNumber(doc: SopDocument, index: number): number {
  return doc.steps[index].number ?? doc.steps[index].ordinal;
}

/** Every path from Step 1: it ends at an action, an open or broken branch, or a step already on the path. */
function allPaths(doc: SopDocument): Path[] {
  const out: Path[] = [];
  const visit = (index: number, onPath: number[], choices: Choice[]) => {
    const step = doc.steps[index];
    if (step.branches.length === 0) {
      out.push({ choices }); // the walks in these files always branch; a plain step ends the path here
      return;
    }
    step.branches.forEach((branch, b) => {
      const next = [...choices, { step: index, branch: b }];
      const target = branch.target === undefined ? -1 : doc.steps.findIndex((_, i) => stepNumber(doc, i) === branch.target);
      if (target < 0 || onPath.includes(target)) out.push({ choices: next });
      else visit(target, [...onPath, target], next);
    });
  };
  visit(0, [0], []);
  return out;
}

function workflowFiles(): { name: string; text: string }[] {
  const dirs = ['examples', 'examples/needs-work', 'templates'];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => ({ name: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })))
    .filter(({ text }) => buildSopDocument(text).format === 'workflow');
}

async function walk(page: Page, doc: SopDocument, path: Path): Promise<{ shown: string[]; expected: string[] }> {
  const stage = page.locator('.sop-guided-stage');
  const shown: string[] = [];
  const expected: string[] = [];
  await page.getByRole('button', { name: 'Restart' }).click();
  for (const { step, branch: b } of path.choices) {
    const branch = doc.steps[step].branches[b];
    assert.match(await stage.locator('.sop-guided-step').innerText(), new RegExp(`^Step ${stepNumber(doc, step)}:`));
    const button: Locator = stage.locator('.sop-guided-choice').nth(b);
    assert.equal(squash(await button.innerText()), squash(branch.condition));
    await button.click();
    const target = branch.target === undefined ? -1 : doc.steps.findIndex((_, i) => stepNumber(doc, i) === branch.target);
    const hasAction = branch.outcome !== undefined && !BARE_JUMP.test(squash(branch.outcome));
    if (hasAction) expected.push(squash(branch.outcome!));
    const outcome = stage.locator('.sop-guided-outcome');
    if (await outcome.count()) {
      const text = squash(await outcome.innerText());
      if (!/does not exist in the document|No action is written/.test(text)) shown.push(text);
    }
    if (target >= 0 && hasAction) await stage.getByRole('button', { name: `Continue to Step ${branch.target}` }).click();
    if (target >= 0) assert.match(await stage.locator('.sop-guided-step').innerText(), new RegExp(`^Step ${branch.target}:`));
  }
  return { shown, expected };
}

describe('guided walk: every path of every shipped workflow', function () {
  this.timeout(300_000);
  const browser = new StandaloneBrowser();
  before(async () => { await browser.start(); });
  after(async () => { await browser.stop(); });

  for (const { name, text } of workflowFiles()) {
    it(`${name}: each action on each path is shown, in order, and the flowchart marks the path`, async () => {
      const doc = buildSopDocument(text);
      const paths = allPaths(doc);
      assert.ok(paths.length > 1, `${name} has branches to walk`);
      const { page, problems } = await browser.open(renderStandaloneHtml(text, { today: TODAY }));
      for (const path of paths) {
        const route = path.choices.map((c) => `Step ${stepNumber(doc, c.step)} → ${squash(doc.steps[c.step].branches[c.branch].condition)}`).join(' / ');
        const { shown, expected } = await walk(page, doc, path);
        assert.deepEqual(shown, expected, `actions shown on the path ${route}`);
        const marked = await page.locator('svg.sop-flowchart g.sop-flow-step.sop-flow-on-path').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-step'))).sort((a, b) => a - b));
        const onPath = new Set(path.choices.map((c) => stepNumber(doc, c.step)));
        const last = path.choices.at(-1)!;
        const lastTarget = doc.steps[last.step].branches[last.branch].target;
        if (lastTarget !== undefined && doc.steps.some((_, i) => stepNumber(doc, i) === lastTarget)) onPath.add(lastTarget);
        assert.deepEqual(marked, [...onPath].sort((a, b) => a - b), `flowchart steps marked on ${route}`);
        assert.equal(await page.locator('svg.sop-flowchart g.sop-flow-edge.sop-flow-on-path').count(), path.choices.length, `flowchart edges marked on ${route}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('missed delivery: a parcel worth more than £40 gets a carrier investigation before Step 6, with Continue', async () => {
    const text = readFileSync('examples/missed-delivery-workflow.md', 'utf8');
    const { page } = await browser.open(renderStandaloneHtml(text, { today: TODAY }), { width: 1000, height: 1400 });
    const stage = page.locator('.sop-guided-stage');
    await stage.getByRole('button', { name: /Tracking has not updated/ }).click();
    await stage.getByRole('button', { name: /worth more than £40/ }).click();
    assert.match(await stage.locator('.sop-guided-outcome').innerText(), /^Raise an investigation in the carrier portal/);
    assert.match(await stage.locator('.sop-guided-step').count().then(String), /^0$/, 'the walk waits at the action');
    assert.deepEqual(await page.locator('svg.sop-flowchart g.sop-flow-step.sop-flow-on-path').evaluateAll((n) => n.map((g) => g.getAttribute('data-step'))), ['1', '4', '6']);
    await page.locator('.sop-guided').scrollIntoViewIfNeeded();
    await screenshot(page, 'workflow-walk-continue');
    await stage.getByRole('button', { name: 'Continue to Step 6' }).click();
    assert.match(await stage.locator('.sop-guided-step').innerText(), /^Step 6: Reship or refund/);
    assert.deepEqual(await page.locator('.sop-crumb').allInnerTexts(), [
      'Step 1 → Tracking has not updated for 3 or more working days.', 'Step 4 → The order is worth more than £40.', 'Step 6',
    ]);
    assert.equal(await page.locator('svg.sop-flowchart g.sop-flow-here').getAttribute('data-step'), '6');
    await screenshot(page, 'workflow-walk-path');
    // Back from a step reached through an action returns to the question that led there.
    await page.getByRole('button', { name: 'Back' }).click();
    assert.match(await stage.locator('.sop-guided-step').innerText(), /^Step 4:/);
  });

  it('the trail never leaves its "›" alone at the end of a line', async () => {
    const text = readFileSync('templates/card-payment-failures.md', 'utf8');
    const { page } = await browser.open(renderStandaloneHtml(text, { today: TODAY }), { width: 360, height: 900 }); // narrow: long crumbs wrap
    const stage = page.locator('.sop-guided-stage');
    for (let i = 0; i < 4 && await stage.locator('.sop-guided-choice').count(); i++) {
      await stage.locator(".sop-guided-choice").last().click();
      if (await stage.locator('.sop-guided-continue').count()) await stage.locator('.sop-guided-continue').click();
    }
    const crumbs = await page.locator('.sop-crumb').evaluateAll((items) => items.map((li) => {
      const button = li.querySelector('button')!;
      return { li: li.getBoundingClientRect().top, button: button.getBoundingClientRect().top, text: button.textContent };
    }));
    assert.ok(crumbs.length >= 3);
    for (const crumb of crumbs) assert.ok(Math.abs(crumb.button - crumb.li) < 4, `"${crumb.text}" starts on the line of its "›" (${JSON.stringify(crumb)})`);
  });
});
