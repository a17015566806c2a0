/**
 * The standalone preview in real Debian Chromium: the interactive parts work the way a reader
 * uses them, and each format is photographed to test-output/screenshots/ for a human look.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildSopDocument } from '../../src/core/model/build.js';
import { StandaloneBrowser, fixture, renderFixture, screenshot } from './helpers.js';

describe('standalone preview in Chromium', function () {
  const browser = new StandaloneBrowser();
  before(async () => { await browser.start(); });
  after(async () => { await browser.stop(); });

  const label = (page: Page, selector: string) => page.locator(selector).innerText();

  describe('checklist', () => {
    it('ticking boxes updates the phase and overall progress; "Untick all" clears them', async () => {
      const { page, problems } = await browser.open(renderFixture('checklist.md'));
      const phase = page.locator('section.sop-phase').filter({ has: page.locator('h3', { hasText: 'At opening' }) });
      assert.equal(await phase.locator('.sop-progress-label').innerText(), '0 of 2 done');
      assert.equal(await label(page, '[data-progress-group="all"] .sop-progress-label'), '2 of 7 done');
      await page.getByRole('checkbox', { name: 'Unlock the front door at 09:00' }).check();
      await page.getByRole('checkbox', { name: 'Switch on the card terminal' }).press('Space'); // keyboard works too
      assert.equal(await phase.locator('.sop-progress-label').innerText(), '2 of 2 done');
      assert.equal(await phase.locator('progress').evaluate((p) => (p as unknown as { value: number }).value), 2);
      assert.equal(await phase.locator('.sop-progress').getAttribute('class'), 'sop-progress sop-progress-complete');
      assert.equal(await label(page, '[data-progress-group="all"] .sop-progress-label'), '4 of 7 done');
      await screenshot(page, 'checklist');
      await page.getByRole('button', { name: 'Untick all' }).click();
      assert.equal(await label(page, '[data-progress-group="all"] .sop-progress-label'), '0 of 7 done');
      assert.deepEqual(problems, []);
    });
  });

  describe('faq', () => {
    it('the filter narrows questions and the index as you type', async () => {
      const { page, problems } = await browser.open(renderFixture('faq.md'));
      await screenshot(page, 'faq');
      assert.equal(await page.locator('details.sop-faq-entry:visible').count(), 4);
      await page.getByRole('searchbox').fill('refund');
      assert.equal(await page.locator('details.sop-faq-entry:visible').count(), 1);
      assert.equal(await page.locator('.sop-faq-index-item:visible').count(), 1);
      assert.equal(await label(page, '.sop-faq-count'), '1 of 4 questions');
      assert.match(await page.locator('details.sop-faq-entry:visible summary').innerText(), /refunds visible/);
      await page.getByRole('searchbox').fill('customer phone');
      assert.equal(await page.locator('details.sop-faq-entry:visible').count(), 1);
      await page.getByRole('searchbox').fill('no such words');
      assert.equal(await page.locator('details.sop-faq-entry:visible').count(), 0);
      assert.equal(await page.locator('.sop-faq-empty').isVisible(), true);
      await page.getByRole('searchbox').fill('');
      assert.equal(await page.locator('details.sop-faq-entry:visible').count(), 4);
      assert.deepEqual(problems, []);
    });

    it('a deep link opens its question, and index links open theirs', async () => {
      const { page, file } = await browser.open(renderFixture('faq.md'));
      const slug = await page.locator('details.sop-faq-entry').nth(2).getAttribute('id');
      assert.ok(slug);
      await page.goto(`file://${file}#${slug}`);
      await page.reload();
      assert.equal(await page.locator(`details#${slug}`).evaluate((d) => (d as unknown as { open: boolean }).open), true);
      assert.equal(await page.locator('details.sop-faq-entry[open]').count(), 1);
      await page.locator('nav.sop-faq-index a').first().click();
      assert.equal(await page.locator('details.sop-faq-entry').first().evaluate((d) => (d as unknown as { open: boolean }).open), true);
    });
  });

  describe('workflow', () => {
    it('the flowchart has one node per step', async () => {
      const { page } = await browser.open(renderFixture('workflow.md'));
      const steps = buildSopDocument(fixture('workflow.md')).steps;
      assert.equal(await page.locator('svg.sop-flowchart g.sop-flow-step').count(), steps.length);
      assert.equal(await page.locator('svg.sop-flowchart g.sop-flow-missing').count(), 1);
      const box = await page.locator('svg.sop-flowchart').boundingBox();
      assert.ok(box && box.width > 200 && box.height > 100, 'the flowchart is drawn at a readable size');
      await screenshot(page, 'workflow');
      // "Actual size" stops scaling the chart down to the pane; pressing again fits it back.
      const narrow = await browser.open(renderFixture('workflow.md'), { width: 420, height: 800 });
      const svgWidth = () => narrow.page.locator('svg.sop-flowchart').evaluate((svg) => svg.getBoundingClientRect().width);
      const fitted = await svgWidth();
      await narrow.page.getByRole('button', { name: 'Actual size' }).click();
      assert.ok(await svgWidth() > fitted, 'actual size is wider than the fitted chart');
      assert.equal(await narrow.page.getByRole('button', { name: 'Fit to width' }).getAttribute('aria-pressed'), 'true');
      await narrow.page.getByRole('button', { name: 'Fit to width' }).click();
      assert.equal(await svgWidth(), fitted);
    });

    it('the guided walk follows branches, including "Return to Step 1", to the right action', async () => {
      const { page, problems } = await browser.open(renderFixture('workflow.md'));
      const stage = page.locator('.sop-guided-stage');
      const choose = (name: string) => stage.getByRole('button', { name }).click();
      assert.match(await stage.locator('.sop-guided-step').innerText(), /^Step 1: Identify the issue/);
      assert.match(await stage.locator('.sop-guided-question').innerText(), /card was declined/);
      await choose('The card is active.');
      assert.match(await stage.locator('.sop-guided-step').innerText(), /^Step 2: Check the bank response/);
      await choose('The code is unknown.'); // Return to Step 1
      assert.match(await stage.locator('.sop-guided-step').innerText(), /^Step 1:/);
      assert.deepEqual(await page.locator('.sop-crumb').allInnerTexts(), [
        'Step 1 → The card is active.', 'Step 2 → The code is unknown.', 'Step 1',
      ]);
      await choose('The card has expired.');
      assert.equal(await stage.locator('.sop-guided-outcome').innerText(), 'Advise the customer to renew the card.');
      assert.match(await stage.locator('.sop-guided-kicker').innerText(), /action to take/i);
      await screenshot(page, 'workflow-guided');
      await page.getByRole('button', { name: 'Back' }).click();
      assert.match(await stage.locator('.sop-guided-step').innerText(), /^Step 1:/);
      await page.getByRole('button', { name: 'Restart' }).click();
      assert.deepEqual(await page.locator('.sop-crumb').allInnerTexts(), ['Step 1']);
      assert.equal(await page.getByRole('button', { name: 'Back' }).isDisabled(), true);
      await choose('The card is active.');
      await choose('Fraud suspected.'); // Proceed to Step 7, which does not exist
      assert.match(await stage.locator('.sop-guided-result-missing .sop-guided-outcome').innerText(), /Step 7, which does not exist/);
      await page.locator('.sop-crumb-button').first().click(); // back to the first question through the breadcrumb
      assert.match(await stage.locator('.sop-guided-step').innerText(), /^Step 1:/);
      assert.deepEqual(problems, []);
    });
  });

  describe('guide and article', () => {
    it('guide: step cards with the local image loaded and the remote one blocked', async () => {
      const { page, problems } = await browser.open(renderFixture('guide.md'));
      assert.equal(await page.locator('.sop-step-card').count(), 3);
      const width = await page.locator('.sop-step-card img').first().evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
      assert.equal(width, 240);
      assert.equal(await page.locator('.sop-step-card .sop-image-blocked').count(), 1);
      await screenshot(page, 'guide');
      assert.deepEqual(problems, []);
    });

    it('article: header card with an overdue badge and the revision table', async () => {
      const { page, problems } = await browser.open(renderFixture('article.md'));
      assert.equal(await page.locator('.sop-header .sop-badge-error').innerText(), 'Overdue');
      assert.equal(await page.locator('table.sop-revisions tbody tr').count(), 2);
      await screenshot(page, 'article');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'article-dark');
      await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      await screenshot(page, 'article-print');
      assert.deepEqual(problems, []);
    });

    it('keyboard only: a flowchart node takes focus and Enter jumps to its step; guided choices are buttons', async () => {
      const { page } = await browser.open(renderFixture('workflow.md'), { width: 1000, height: 500 });
      const node = page.locator('g.sop-flow-step[data-step="2"]');
      await node.focus();
      assert.equal(await page.evaluate('document.activeElement.getAttribute("data-step")'), '2');
      await page.keyboard.press('Enter');
      const top = await page.evaluate(`document.querySelector('.sop-body h3[data-line="27"]').getBoundingClientRect().top`) as number;
      assert.ok(top >= -2 && top < 60, `Step 2's heading is at the top (top=${top})`);
      await page.locator('.sop-guided-choice').first().focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // the second branch of Step 1: "The card is active." → Step 2
      assert.match(await page.locator('.sop-guided-step').innerText(), /^Step 2:/);
    });

    it('lint summary links scroll to the source line', async () => {
      const { page } = await browser.open(renderFixture('workflow.md'), { width: 1000, height: 400 });
      const link = page.locator('.sop-lint-error a.sop-jump').first();
      const line = Number(await link.getAttribute('data-jump-line'));
      await link.click();
      // A string, so the DOM code is not type-checked against Node's lib.
      const top = await page.evaluate(`(() => {
        const blocks = [...document.querySelectorAll('.sop-body [data-line]')].filter((el) => Number(el.dataset.line) <= ${line});
        return blocks.at(-1).getBoundingClientRect().top;
      })()`) as number;
      assert.ok(top >= -2 && top < 60, `the block for line ${line} is at the top (top=${top})`);
    });
  });
});
