/**
 * axe-core over every format's preview in the colours of VS Code's default light, dark and high
 * contrast themes, set the way the webview host sets them (a body class and --vscode-* variables
 * on the root element). axe is evaluated into the page through the debugging protocol, so the
 * page's strict Content-Security-Policy stays as it is. Also the smaller reading details: the
 * progress bar's fill against its track, "Untick all", and FAQ answers the filter matched.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { renderStandaloneHtml } from '../../src/core/render/index.js';
import { StandaloneBrowser, TODAY, renderFixture, screenshot } from './helpers.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The colours VS Code gives a webview in Light Modern, Dark Modern and Dark High Contrast. */
const THEMES: Record<string, { bodyClass: string; scheme: 'light' | 'dark'; colors: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light', scheme: 'light', colors: {
      'editor-foreground': '#3b3b3b', 'editor-background': '#ffffff', descriptionForeground: '#3b3b3b', 'panel-border': '#e5e5e5',
      'widget-border': '#e5e5e5', 'editorWidget-background': '#f8f8f8', 'textLink-foreground': '#005fb8', 'button-foreground': '#ffffff',
      'button-background': '#005fb8', 'button-hoverBackground': '#0258a8', 'button-secondaryBackground': '#e5e5e5',
      'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc', 'editorError-foreground': '#e51400',
      'editorWarning-foreground': '#bf8803', 'editorInfo-foreground': '#1a85ff', 'testing-iconPassed': '#73c991', 'focusBorder': '#005fb8',
      'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece',
    },
  },
  dark: {
    bodyClass: 'vscode-dark', scheme: 'dark', colors: {
      'editor-foreground': '#cccccc', 'editor-background': '#1f1f1f', descriptionForeground: '#9d9d9d', 'panel-border': '#2b2b2b',
      'widget-border': '#313131', 'editorWidget-background': '#202020', 'textLink-foreground': '#4daafc', 'button-foreground': '#ffffff',
      'button-background': '#0078d4', 'button-hoverBackground': '#026ec1', 'button-secondaryBackground': '#313131',
      'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c', 'editorError-foreground': '#f14c4c',
      'editorWarning-foreground': '#cca700', 'editorInfo-foreground': '#3794ff', 'testing-iconPassed': '#73c991', 'focusBorder': '#0078d4',
      'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c',
    },
  },
  'high contrast': {
    bodyClass: 'vscode-high-contrast', scheme: 'dark', colors: {
      'editor-foreground': '#ffffff', 'editor-background': '#000000', descriptionForeground: 'rgba(255, 255, 255, 0.7)', 'panel-border': '#6fc3df',
      'widget-border': '#6fc3df', 'editorWidget-background': '#0c141f', 'textLink-foreground': '#21a6ff', 'button-foreground': '#ffffff',
      'button-border': '#6fc3df', 'button-secondaryForeground': '#ffffff', 'editorError-foreground': '#f48771',
      'editorWarning-foreground': '#ffd370', 'editorInfo-foreground': '#3794ff', 'testing-iconPassed': '#73c991', 'focusBorder': '#f38518',
      'contrastBorder': '#6fc3df', 'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df',
    },
  },
};

async function applyTheme(page: Page, theme: string): Promise<void> {
  const { bodyClass, scheme, colors } = THEMES[theme];
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate(`(() => {
    document.body.classList.remove('sop-standalone', 'vscode-light', 'vscode-dark', 'vscode-high-contrast');
    document.body.classList.add(${JSON.stringify(bodyClass)});
    const style = document.documentElement.style;
    for (const [name, value] of Object.entries(${JSON.stringify(colors)})) style.setProperty('--vscode-' + name, value);
  })()`);
}

interface Finding { id: string; impact: string; nodes: string[] }

async function runAxe(page: Page): Promise<Finding[]> {
  if (!await page.evaluate('typeof window.axe')) await page.evaluate(AXE_SOURCE).catch(() => undefined);
  if (await page.evaluate('typeof window.axe') !== 'object') await page.evaluate(`${AXE_SOURCE}\n;0`);
  const result = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.any[0]?.message ?? n.failureSummary ?? '')),
  })))`) as Finding[];
  return result;
}

function exampleImage(src: string): string | undefined {
  const type = /^images\/[\w.-]+\.(png|svg)$/.exec(src)?.[1];
  if (!type) return undefined;
  try { return `data:image/${type === 'svg' ? 'svg+xml' : 'png'};base64,${readFileSync(`examples/${src}`).toString('base64')}`; } catch { return undefined; }
}

/** Every format, and the states a reader brings the page into (a walk at its action, a ticked list, a filter). */
const PAGES: { name: string; html: () => string; prepare?: (page: Page) => Promise<void> }[] = [
  { name: 'article (fixture)', html: () => renderFixture('article.md') },
  { name: 'guide (fixture)', html: () => renderFixture('guide.md') },
  { name: 'checklist (fixture)', html: () => renderFixture('checklist.md') },
  { name: 'faq (fixture)', html: () => renderFixture('faq.md'), prepare: async (page) => { await page.getByRole('searchbox').fill('refund'); } },
  { name: 'workflow (fixture)', html: () => renderFixture('workflow.md') },
  ...['missed-delivery-workflow', 'damaged-delivery-claim', 'subscription-billing-faq', 'support-desk-shift-start-checklist', 'social-media-response-protocol'].map((name) => ({
    name: `examples/${name}.md`,
    html: () => renderStandaloneHtml(readFileSync(`examples/${name}.md`, 'utf8'), { today: TODAY, resolveImage: exampleImage }),
    prepare: name === 'missed-delivery-workflow' ? async (page: Page) => {
      await page.locator('.sop-guided-choice').first().click(); // to its final action
    } : name === 'support-desk-shift-start-checklist' ? async (page: Page) => {
      for (const box of (await page.locator('input.sop-task').all()).slice(0, 3)) await box.check();
    } : undefined,
  })),
];

describe('accessibility of every preview (axe-core), light, dark and high contrast', function () {
  this.timeout(300_000);
  const browser = new StandaloneBrowser();
  before(async () => { await browser.start(); });
  after(async () => { await browser.stop(); });
  const summary: string[] = [];
  after(() => { console.log(`\n  axe violations (rule: nodes):\n${summary.map((l) => `    ${l}`).join('\n')}\n`); });

  for (const { name, html, prepare } of PAGES) {
    it(`${name}: no serious or critical violation, text contrast at least 4.5:1`, async () => {
      const { page, problems } = await browser.open(html());
      await prepare?.(page);
      const failures: string[] = [];
      for (const theme of Object.keys(THEMES)) {
        await applyTheme(page, theme);
        const found = await runAxe(page);
        summary.push(`${name} / ${theme}: ${found.length ? found.map((f) => `${f.id} (${f.impact}): ${f.nodes.length}`).join(', ') : 'none'}`);
        for (const f of found) if (f.impact === 'serious' || f.impact === 'critical' || f.id === 'color-contrast') failures.push(`${theme}: ${f.id} (${f.impact})\n      ${f.nodes.slice(0, 6).join('\n      ')}`);
        if (name.startsWith('examples/missed') || name.startsWith('checklist')) await screenshot(page, `a11y-${name.replace(/\W+/g, '-')}-${theme.replace(' ', '-')}`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(problems, []);
    });
  }
});

describe('reading details', function () {
  const browser = new StandaloneBrowser();
  before(async () => { await browser.start(); });
  after(async () => { await browser.stop(); });

  /** Mean luminance of a strip of the element's pixels at a fraction of its width. */
  async function luminanceAt(page: Page, selector: string, fraction: number): Promise<number> {
    const box = (await page.locator(selector).first().boundingBox())!;
    const png = await page.screenshot({ clip: { x: box.x + box.width * fraction - 2, y: box.y + box.height / 2 - 1, width: 4, height: 2 } });
    return page.evaluate(`(async () => {
      const bytes = Uint8Array.from(atob(${JSON.stringify(png.toString('base64'))}), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      return sum / (data.length / 4);
    })()`) as Promise<number>;
  }

  it('light theme: the checklist progress fill is darker than its track, so it reads forwards', async () => {
    const { page } = await browser.open(renderFixture('checklist.md'));
    await applyTheme(page, 'light');
    for (const box of await page.locator('input.sop-task').all()) await box.uncheck();
    for (const box of (await page.locator('input.sop-task').all()).slice(0, 4)) await box.check();
    const bar = '[data-progress-group="all"] progress';
    const fill = await luminanceAt(page, bar, 0.2);
    const track = await luminanceAt(page, bar, 0.9);
    assert.ok(fill < track - 40, `fill ${fill.toFixed(0)} is clearly darker than the track ${track.toFixed(0)} (0–255)`);
    await page.locator('.sop-checklist-toolbar').scrollIntoViewIfNeeded();
    await screenshot(page, 'checklist-light');
  });

  it('"Untick all" is a secondary button, turned off while nothing is ticked', async () => {
    const { page } = await browser.open(renderFixture('checklist.md'));
    const reset = page.getByRole('button', { name: 'Untick all' });
    assert.match(await reset.getAttribute('class') ?? '', /sop-button-secondary/);
    assert.equal(await reset.isEnabled(), true, 'the fixture has 2 ticked');
    await reset.click();
    assert.equal(await reset.isDisabled(), true, 'nothing left to untick');
    await page.getByRole('checkbox', { name: 'Count the till float' }).check();
    assert.equal(await reset.isEnabled(), true);
    const clean = await browser.open(renderStandaloneHtml('---\nformat: checklist\n---\n# Open\n\n## Steps\n\n- [ ] One\n- [ ] Two\n', { today: TODAY }));
    assert.equal(await clean.page.getByRole('button', { name: 'Untick all' }).isDisabled(), true, 'disabled as rendered at 0 done');
  });

  it('FAQ: an answer the filter matched is opened, and closed again when the filter is cleared', async () => {
    const { page } = await browser.open(renderFixture('faq.md'));
    const open = () => page.locator('details.sop-faq-entry[open]').count();
    assert.equal(await open(), 0);
    await page.getByRole('searchbox').fill('after verifying identity');
    assert.equal(await page.locator('details.sop-faq-entry:visible').count(), 1);
    assert.equal(await page.locator('details.sop-faq-entry:visible').evaluate((d) => (d as unknown as { open: boolean }).open), true);
    await page.getByRole('searchbox').fill('');
    assert.equal(await open(), 0, 'the filter\'s opens are undone');
  });
});
