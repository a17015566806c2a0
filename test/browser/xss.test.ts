/**
 * Hostile SOPs: every payload, in every place a document can put text (body, headings, FAQ
 * questions, checklist items, workflow conditions and actions, front matter), rendered to the
 * standalone page and opened in Chromium. A payload that ran would set `window.__pwned` or open a
 * dialog; the page is clicked, focused and toggled through to give handlers every chance.
 */
import assert from 'node:assert/strict';
import { renderStandaloneHtml } from '../../src/core/render/index.js';
import { StandaloneBrowser, TODAY } from './helpers.js';

const flag = (id: string) => `window.__pwned=(window.__pwned||[]).concat('${id}')`;

export const PAYLOADS: string[] = [
  `<script>${flag('script')}</script>`,
  `<img src=x onerror="${flag('img-onerror')}">`,
  `<IMG SRC=x ONERROR="${flag('img-upper')}">`,
  `<svg onload="${flag('svg-onload')}"></svg>`,
  `<svg><script>${flag('svg-script')}</script></svg>`,
  `<svg><animate onbegin="${flag('svg-animate')}" attributeName="x" dur="1s"></animate></svg>`,
  `<svg><a xlink:href="javascript:${flag('svg-xlink')}"><text x="0" y="10">svg link</text></a></svg>`,
  `[md link](javascript:${flag('md-js-link')})`,
  `<a href="javascript:${flag('a-js')}">a js</a>`,
  `<a href="jav&#x09;ascript:${flag('entity-tab')}">entity tab</a>`,
  `<a href="&#106;avascript:${flag('entity-j')}">entity j</a>`,
  `<a href="JaVaScRiPt:${flag('mixed-case')}">mixed case</a>`,
  `<a href="data:text/html,<script>${flag('data-url')}</script>">data url</a>`,
  `<a href="#" onclick="${flag('onclick')}">onclick</a>`,
  `<iframe src="javascript:parent.${flag('iframe-js')}"></iframe>`,
  `<iframe srcdoc="<script>parent.${flag('srcdoc')}</script>"></iframe>`,
  `<object data="javascript:${flag('object')}"></object>`,
  `<embed src="javascript:${flag('embed')}">`,
  `<style>.sop-header{display:none!important}</style>`,
  `<div style="background:url('javascript:${flag('style-attr')}')">styled div</div>`,
  `<link rel="stylesheet" href="https://evil.invalid/x.css">`,
  `<details open ontoggle="${flag('ontoggle')}"><summary>details</summary>x</details>`,
  `<input autofocus onfocus="${flag('onfocus')}">`,
  `<form action="javascript:${flag('form')}"><button>go</button></form>`,
  `<body onload="${flag('body-onload')}">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${flag('mxss')}">`,
  `<noscript><p title="</noscript><img src=x onerror=${flag('noscript')}>"></p></noscript>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${flag('meta-refresh')}">`,
  `<base href="javascript:${flag('base')}//">`,
  `<video><source onerror="${flag('video')}"></video>`,
  `<audio src=x onerror="${flag('audio')}"></audio>`,
  `![md image](javascript:${flag('md-img')})`,
  `<template><script>${flag('template')}</script></template>`,
  `<scr<script>ipt>${flag('split')}</script>`,
  `&lt;script&gt;${flag('entities')}&lt;/script&gt;`,
  `</script><script>${flag('json-breakout')}</script>`,
  `<!--<img src=x onerror="${flag('comment')}">-->`,
  `<marquee onstart="${flag('marquee')}">marquee</marquee>`,
  `<div data-jump-line="1" onmouseover="${flag('mouseover')}">hover me</div>`,
  `<img src="https://evil.invalid/pixel.png" alt="remote pixel">`,
  `<a href="vbscript:msgbox(1)">vbscript</a>`,
  `<script>alert('alert')</script><img src=x onerror=alert(2)>`,
  `<a id="sop-workflow-data" name="sop-root">DOM clobbering of the page's own ids</a>`,
  `<img name="getElementById" src="x.png"><form id="sop-root"></form>`,
];

function hostileDocuments(): Record<string, string> {
  const frontMatter = (format: string) => [
    '---', `title: "Hostile ${format} <img src=x onerror=${flag('fm-title')}>"`, `format: ${format}`,
    `owner: "<script>${flag('fm-owner')}</script>"`, 'version: "1.0"', 'status: draft', '---', '',
  ].join('\n');
  const body = PAYLOADS.map((p, i) => `Payload ${i}: ${p}\n`).join('\n');
  return {
    article: `${frontMatter('article')}# Title ${PAYLOADS[1]}\n\n## Purpose\n\n${body}\n## Revision History\n- 2026-01-01 — v1 — ${PAYLOADS[0]}\n`,
    faq: `${frontMatter('faq')}# FAQ\n\n## FAQ\n\n${PAYLOADS.map((p, i) => `### Question ${i} ${p}?\nAnswer ${i}: ${p}\n`).join('\n')}`,
    checklist: `${frontMatter('checklist')}# List\n\n## Phase ${PAYLOADS[4]}\n${PAYLOADS.map((p, i) => `- [ ] item ${i} ${p}`).join('\n')}\n`,
    workflow: `${frontMatter('workflow')}# Flow\n\n## Workflow Steps\n\n${PAYLOADS.map((p, i) => [
      `### Step ${i + 1}: ${p}`,
      `- **Condition:** ${p}`,
      `  - **If:** yes ${i} ${p}`,
      `    - **Take Action:** ${i + 2 <= PAYLOADS.length ? `Proceed to Step ${i + 2}` : 'Return to Step 1'}.`,
      `  - **If:** no ${i}`,
      `    - **Take Action:** act ${p}`,
    ].join('\n')).join('\n\n')}\n`,
    guide: `${frontMatter('guide')}# Guide\n\n## Steps\n\n${PAYLOADS.map((p, i) => `### Step ${i + 1}: ${p}\n${p}\n`).join('\n')}`,
  };
}

describe('hostile documents execute nothing', function () {
  const browser = new StandaloneBrowser();
  before(async () => { await browser.start(); });
  after(async () => { await browser.stop(); });

  it(`has at least 30 payloads (${PAYLOADS.length})`, () => {
    assert.ok(PAYLOADS.length >= 30);
  });

  for (const [format, markdown] of Object.entries(hostileDocuments())) {
    it(`${format}: no payload runs, no dialog opens, the CSP is in place`, async () => {
      const html = renderStandaloneHtml(markdown, { today: TODAY });
      const { page, problems } = await browser.open(html);
      const requests: string[] = [];
      page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
      await page.waitForLoadState('load');
      // Give handlers every chance: toggle details, hover, focus inputs, click safe links and guided buttons.
      await page.evaluate(`(() => {
        for (const d of document.querySelectorAll('details')) d.open = !d.open;
        for (const el of document.querySelectorAll('.sop-body *')) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        for (const input of document.querySelectorAll('input')) input.focus();
        for (const a of document.querySelectorAll('a')) {
          if (!/^https?:/i.test(a.getAttribute('href') ?? '')) a.click();
        }
      })()`);
      for (let i = 0; i < 5; i++) {
        const choice = page.locator('.sop-guided-choice').first();
        if (await choice.count() === 0) break;
        await choice.click();
      }
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
      assert.deepEqual(await page.evaluate('window.__pwned ?? []'), []);
      assert.deepEqual(problems.filter((p) => p.startsWith('dialog') || p.startsWith('page error')), []);
      // Nothing was sanitized so loosely that the CSP had to step in.
      assert.deepEqual(problems.filter((p) => /Content Security Policy/i.test(p)), []);
      assert.deepEqual(requests, []);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp ?? '', /default-src 'none'/);
      assert.match(csp ?? '', /script-src 'nonce-[A-Za-z0-9+/=]{20,}'/);
      assert.equal(await page.locator('.sop-header').isVisible(), true, 'injected <style> hid the header');
      assert.equal(await page.locator('script').count(), await page.locator('script[nonce], script[type="application/json"]').count());
      assert.equal(await page.locator('iframe, object, embed, form, base, link, meta[http-equiv="refresh"]').count(), 0);
      if (format === 'workflow') assert.ok(await page.locator('.sop-guided-step, .sop-guided-outcome').count() > 0, 'the guided walk still works');
    });
  }

  it('the check can fail: a script carrying the page nonce does set the flag', async () => {
    const html = renderStandaloneHtml('# Title\n\nText\n', { today: TODAY });
    const nonce = /script-src 'nonce-([^']+)'/.exec(html)![1];
    const { page } = await browser.open(html.replace('</main>', `</main><script nonce="${nonce}">${flag('control')}</script>`));
    assert.deepEqual(await page.evaluate('window.__pwned ?? []'), ['control']);
  });

  it('the CSP itself blocks a script that got past the renderer (defence in depth)', async () => {
    const html = renderStandaloneHtml('# Title\n\nText\n', { today: TODAY })
      .replace('</main>', `</main><script>${flag('injected')}</script><img src=x onerror="${flag('injected-handler')}">`);
    const { page, problems } = await browser.open(html);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    assert.deepEqual(await page.evaluate('window.__pwned ?? []'), []);
    assert.ok(problems.some((p) => /Content Security Policy/i.test(p)), 'Chromium reported the blocked script');
  });
});
