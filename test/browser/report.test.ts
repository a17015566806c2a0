/**
 * The HTML library report (`sopkit report --format html`) in Debian Chromium: nothing blocked by
 * its Content-Security-Policy and nothing run from the documents, axe-core in light and dark,
 * sorting from the keyboard (aria-sort follows), and the filters with their live count.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { buildReport, renderReport, reportRow } from '../../src/core/report/index.js';
import { StandaloneBrowser, TODAY, screenshot } from './helpers.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

function sop(front: Record<string, string>): string {
  return `---\n${Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n# Title\n\n## Purpose\n\nWhy.\n`;
}

function reportPage(): string {
  const rows = [
    reportRow('sops/alpha.md', sop({ id: 'SOP-001', title: 'Alpha', owner: 'Ops Lead', status: 'draft', next_review: '2026-12-10' }), {}, TODAY),
    reportRow('sops/beta.md', sop({ id: 'SOP-002', title: 'Beta', owner: 'Ops Lead', status: 'approved', last_reviewed: '2025-01-01' }), {}, TODAY),
    reportRow('sops/gamma.md', sop({ id: 'SOP-010', title: 'Gamma', owner: 'Finance', status: 'approved', next_review: '2027-03-01' }), {}, TODAY),
    reportRow('sops/evil.md', sop({ title: JSON.stringify('<img src=x onerror=alert(1)><script>alert(2)</script>'), owner: '"\'><svg onload=alert(3)>"' }), {}, TODAY),
  ];
  return renderReport(buildReport(rows, TODAY, 'sopkit test'), 'html');
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE}\n;0`);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`) as Promise<string[]>;
}

const columnText = (page: Page, index: number) => page.locator(`#sops tbody tr:visible > :nth-child(${index})`).allTextContents();

describe('HTML library report in Chromium', function () {
  this.timeout(120_000);
  const browser = new StandaloneBrowser();
  before(async () => { await browser.start(); });
  after(async () => { await browser.stop(); });

  it('runs its own script only: no CSP violation, no page error, nothing from the documents runs', async () => {
    const { page, problems } = await browser.open(reportPage());
    assert.equal(await page.locator('#filters').isVisible(), true, 'the script ran and showed the filters');
    assert.equal(await page.locator('#sops img, #sops svg, #sops script').count(), 0);
    assert.match(await page.locator('#sops tbody').innerText(), /<img src=x onerror=alert\(1\)>/);
    assert.deepEqual(problems, []);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no accessibility violation (axe-core), ${scheme}`, async () => {
      const { page } = await browser.open(reportPage());
      await page.emulateMedia({ colorScheme: scheme });
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `report-${scheme}`);
    });
  }

  it('sorts by a column from the keyboard, both ways, and says so with aria-sort', async () => {
    const { page } = await browser.open(reportPage());
    const next = page.getByRole('button', { name: 'Next review' });
    await next.focus();
    await page.keyboard.press('Enter');
    const header = page.locator('#sops thead th').nth(9);
    assert.equal(await header.getAttribute('aria-sort'), 'ascending');
    assert.equal(await page.locator('#sops thead th[aria-sort]').count(), 1, 'only the sorted column has aria-sort');
    assert.deepEqual(await columnText(page, 10), ['2026-01-01', '2026-12-10', '2027-03-01', '']);
    await page.keyboard.press('Space');
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await columnText(page, 10), ['2027-03-01', '2026-12-10', '2026-01-01', ''], 'an empty cell stays last');
    await page.getByRole('button', { name: 'Errors' }).click();
    const errors = (await columnText(page, 12)).map(Number);
    assert.deepEqual(errors, [...errors].sort((a, b) => a - b), 'numbers sort as numbers');
  });

  it('filters by text, status and overdue, and announces the count', async () => {
    const { page } = await browser.open(reportPage());
    const shown = page.getByRole('status');
    assert.equal(await shown.textContent(), '4 of 4 SOPs shown');
    await page.getByLabel('Filter').fill('gamma');
    assert.deepEqual(await columnText(page, 1), ['SOP-010']);
    assert.equal(await shown.textContent(), '1 of 4 SOPs shown');
    await page.getByLabel('Filter').fill('');
    await page.getByLabel('Status').selectOption('approved');
    assert.deepEqual(await columnText(page, 1), ['SOP-002', 'SOP-010']);
    await page.getByLabel('Overdue only').check();
    assert.deepEqual(await columnText(page, 1), ['SOP-002']);
    assert.equal(await shown.textContent(), '1 of 4 SOPs shown');
  });
});
