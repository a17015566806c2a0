/**
 * The preview script in "VS Code mode", in real Chromium: a stand-in for acquireVsCodeApi records
 * what the page posts, and host messages are delivered the way the webview host delivers them.
 * This checks the page side of the protocol: live updates patch the DOM and keep what the reader
 * did, ticks are sent with the marker offset and the rendered version, links and jumps become
 * messages, and nothing is sent when write-back is off.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildSopDocument } from '../../src/core/model/build.js';
import { renderSopBody } from '../../src/core/render/index.js';
import { StandaloneBrowser, TODAY, fixture, renderFixture } from './helpers.js';

const FAKE_VSCODE_API = `
  window.__posted = [];
  window.__state = undefined;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => window.__state,
    setState: (s) => { window.__state = s; },
  });
`;

type Posted = { type: string; [key: string]: unknown };

async function posted(page: Page): Promise<Posted[]> {
  return page.evaluate('window.__posted') as Promise<Posted[]>;
}

/** The last message of a type (scrolling to click also sends didScroll, which is not what these check). */
async function last(page: Page, type: string): Promise<Posted | undefined> {
  return (await posted(page)).filter((m) => m.type === type).at(-1);
}

async function sendFromHost(page: Page, message: unknown): Promise<void> {
  await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  await page.evaluate('new Promise((r) => setTimeout(r, 50))');
}

function body(markdown: string): string {
  return renderSopBody(buildSopDocument(markdown), { lint: [], today: TODAY });
}

describe('preview page protocol (VS Code mode)', function () {
  const browser = new StandaloneBrowser();
  before(async () => { await browser.start(); });
  after(async () => { await browser.stop(); });

  async function open(name: string, viewport?: { width: number; height: number }): Promise<Page> {
    const { page } = await browser.open(renderFixture(name), viewport, FAKE_VSCODE_API);
    return page;
  }

  it('says it is ready, and an update patches the page keeping open answers, the filter and scroll', async () => {
    const page = await open('faq.md', { width: 900, height: 500 });
    assert.deepEqual((await posted(page)).map((m) => m.type), ['ready']);
    await page.evaluate('window.__marker = "same page"');
    await page.locator('details.sop-faq-entry summary').nth(1).click();
    await page.getByRole('searchbox').fill('e-mail');
    await page.mouse.move(450, 250);
    await page.mouse.wheel(0, 300); // the reader scrolls (a page scrolled by no one is put back at its start)
    await page.waitForFunction('window.scrollY > 0');
    await page.evaluate('new Promise((r) => setTimeout(r, 300))');
    const scrolled = await page.evaluate('window.scrollY');
    const changed = fixture('faq.md').replace('after verifying identity', 'after verifying identity in the admin console');
    await sendFromHost(page, { type: 'update', html: body(changed), version: 2, writeBack: true });
    assert.match(await page.locator('details.sop-faq-entry').nth(1).innerText(), /in the admin console/);
    assert.equal(await page.locator('details.sop-faq-entry').nth(1).evaluate((d) => (d as unknown as { open: boolean }).open), true);
    assert.equal(await page.getByRole('searchbox').inputValue(), 'e-mail');
    assert.equal(await page.locator('details.sop-faq-entry:visible').count(), 1, 'the filter still applies to the new content');
    assert.equal(await page.evaluate('window.__marker'), 'same page');
    assert.equal(await page.evaluate('window.scrollY'), scrolled);
  });

  it('sends a tick with its marker offset and the version it was rendered from; none when write-back is off', async () => {
    const page = await open('checklist.md');
    const box = page.getByRole('checkbox', { name: 'Count the till float' });
    const offset = Number(await box.getAttribute('data-offset'));
    assert.equal(fixture('checklist.md').slice(offset, offset + 3), '[ ]');
    await box.check();
    assert.deepEqual(await last(page, 'toggleTask'), { type: 'toggleTask', offset, checked: true, version: 0 });

    // The host refused that tick (the document had moved on) and re-rendered the real state: the box is unticked again.
    await sendFromHost(page, { type: 'update', html: body(fixture('checklist.md')), version: 7, writeBack: true });
    assert.equal(await box.isChecked(), false);
    await page.getByRole('checkbox', { name: 'Switch on the card terminal' }).check();
    assert.equal((await last(page, 'toggleTask'))?.version, 7);

    await sendFromHost(page, { type: 'update', html: body(fixture('checklist.md')), version: 8, writeBack: false });
    const before = (await posted(page)).filter((m) => m.type === 'toggleTask').length;
    await page.getByRole('checkbox', { name: 'Unlock the front door at 09:00' }).check();
    assert.equal((await posted(page)).filter((m) => m.type === 'toggleTask').length, before, 'no tick sent with write-back off');
    const state = await page.evaluate('window.__state') as { localTicks: Record<string, boolean> };
    assert.equal(state.localTicks['Unlock the front door at 09:00#1'], true);
    assert.equal(await page.locator('[data-progress-group="all"] .sop-progress-label').innerText(), '3 of 7 done');
    // A later update keeps the local tick.
    await sendFromHost(page, { type: 'update', html: body(fixture('checklist.md')), version: 9, writeBack: false });
    assert.equal(await page.getByRole('checkbox', { name: 'Unlock the front door at 09:00' }).isChecked(), true);
    await sendFromHost(page, { type: 'resetLocalTicks' });
    assert.equal(await page.locator('[data-progress-group="all"] .sop-progress-label').innerText(), '0 of 7 done');
  });

  it('keeps a sent tick through a late re-render of the same version, and takes the document\'s answer from a newer one', async () => {
    const page = await open('checklist.md');
    const box = page.getByRole('checkbox', { name: 'Count the till float' });
    await box.check();
    // The lint of the text before the tick lands after the click: same version, box unticked in its HTML.
    await sendFromHost(page, { type: 'update', html: body(fixture('checklist.md')), version: 0, writeBack: true });
    assert.equal(await box.isChecked(), true, 'no flicker back to unticked');
    assert.equal(await page.locator('[data-progress-group="all"] .sop-progress-label').innerText(), '3 of 7 done');
    // The document moved on without the tick (the host refused it): the newer render wins.
    await sendFromHost(page, { type: 'update', html: body(fixture('checklist.md')), version: 1, writeBack: true });
    assert.equal(await box.isChecked(), false);
    assert.equal(await page.locator('[data-progress-group="all"] .sop-progress-label').innerText(), '2 of 7 done');
  });

  it('turns jumps, links and "Untick all" into messages, and ignores malformed host messages', async () => {
    const page = await open('workflow.md');
    await page.locator('.sop-lint-error a.sop-jump').first().click();
    assert.deepEqual(await last(page, 'revealLine'), { type: 'revealLine', line: 34 });
    await page.locator('g.sop-flow-step[data-step="2"]').click();
    assert.deepEqual(await last(page, 'revealLine'), { type: 'revealLine', line: 27 });

    const links = await open('article.md');
    await links.getByRole('link', { name: 'Complaint handling policy' }).click();
    assert.deepEqual(await last(links, 'openLink'), { type: 'openLink', href: 'https://intranet.example.invalid/complaints' });
    await sendFromHost(links, { type: 'update', html: body('# T\n\nSee [refunds](../policies/refunds.md).\n'), version: 3, writeBack: true });
    await links.getByRole('link', { name: 'refunds' }).click();
    assert.deepEqual(await last(links, 'openFile'), { type: 'openFile', path: '../policies/refunds.md' });
    const scrollBefore = await links.evaluate('window.scrollY');
    await sendFromHost(links, { type: 'update', html: 1, version: 'x' });
    await sendFromHost(links, { type: 'scrollToLine', line: -4 });
    assert.equal(await links.evaluate('window.scrollY'), scrollBefore);
    assert.match(await links.locator('.sop-body').innerText(), /See refunds/);

    const checklist = await open('checklist.md');
    await checklist.getByRole('button', { name: 'Untick all' }).click();
    assert.deepEqual(await last(checklist, 'resetChecklist'), { type: 'resetChecklist' });
  });

  it('a page of another document starts at its top: the old page\'s offset the webview host restores is undone and never sent to the editor', async () => {
    const page = await open('workflow.md', { width: 900, height: 400 });
    // What VS Code does when it replaces a webview's HTML: scroll the new page to the old one's offset.
    await page.evaluate('window.scrollTo(0, 1500)');
    await page.evaluate('new Promise((r) => setTimeout(r, 150))');
    assert.equal(await page.evaluate('window.scrollY'), 0, 'the new document starts at its top');
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'didScroll'), [], 'the editor is not dragged');
    // The host then says where the editor is: the page goes there, still without an echo.
    await sendFromHost(page, { type: 'scrollToLine', line: 36 });
    await page.evaluate('new Promise((r) => setTimeout(r, 150))');
    const top = await page.evaluate(`document.querySelector('.sop-body h2[data-line="36"]').getBoundingClientRect().top`) as number;
    assert.ok(Math.abs(top) < 40, `the editor's line 36 is at the top (top=${top})`);
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'didScroll'), []);
    // Once the reader scrolls, the page reports again.
    await page.mouse.move(450, 200);
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction('window.scrollY === 0');
    await page.evaluate('new Promise((r) => setTimeout(r, 100))');
    assert.ok((await posted(page)).some((m) => m.type === 'didScroll'), 'a scroll by the reader is reported');
  });

  it('a reloaded page of the same document starts where it was read', async () => {
    const { page } = await browser.open(renderFixture('workflow.md'), { width: 900, height: 400 }, `${FAKE_VSCODE_API}; window.__state = { uri: '', locked: false, line: 36 };`);
    await page.evaluate('new Promise((r) => setTimeout(r, 150))');
    const top = await page.evaluate(`document.querySelector('.sop-body h2[data-line="36"]').getBoundingClientRect().top`) as number;
    assert.ok(Math.abs(top) < 40, `line 36 is at the top (top=${top})`);
  });

  it('scrolls to the line the editor shows, and reports the line at the top when the reader scrolls', async () => {
    const page = await open('workflow.md', { width: 900, height: 400 });
    await sendFromHost(page, { type: 'scrollToLine', line: 36 });
    const top = await page.evaluate(`document.querySelector('.sop-body h2[data-line="36"]').getBoundingClientRect().top`) as number;
    assert.ok(Math.abs(top) < 40, `the Escalation heading (line 36) is at the top (top=${top})`);
    await page.evaluate('new Promise((r) => setTimeout(r, 200))'); // past the echo guard
    await page.mouse.move(450, 200);
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction('window.scrollY === 0');
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const last = (await posted(page)).filter((m) => m.type === 'didScroll').at(-1);
    assert.ok(last && (last.line as number) <= 2, `reported line ${JSON.stringify(last)}`);
  });
});
