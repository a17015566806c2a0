// The SOP preview in a real VS Code (code-server's workbench in Debian Chromium), used the way a
// person uses it: open an SOP, run "sopkit: Open Preview to the Side", type in the editor and see
// the preview change in place, tick a box in the preview and see `- [x]` appear in the document.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, startCodeServer, workbenchUrl } from '../../../scripts/vscode-harness.mjs';

const repo = resolve(import.meta.dirname, '../../..');
const screenshots = join(repo, 'test-output/screenshots');
const FILE = 'opening.sop.md';

/** The frame that holds the preview page (webviews are nested iframes in the workbench). */
async function previewFrame(page, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.evaluate(() => !!document.getElementById('sop-root'))) return frame;
      } catch { /* frame navigating or detached */ }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the preview webview did not appear');
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  // Click the row that names the file: Enter takes whichever row is selected, and while the list
  // is still filtering that can be the previously opened file.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor();
  await row.click();
  await page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor();
}

/** Waits until `probe` returns something truthy (polling: the page is in another process). */
async function until(what, probe, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  await row.click();
}

/** The document text as the editor model holds it, read back through the file on disk after saving. */
function fileText(workspace) {
  return readFileSync(join(workspace, 'sops', FILE), 'utf8');
}

describe('preview in a real VS Code', function () {
  this.timeout(300_000);
  let server; let browser; let page; let scratch; let workspace;

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'sopkit-preview-ui-'));
    workspace = join(scratch, 'workspace');
    mkdirSync(join(workspace, 'sops'), { recursive: true });
    cpSync(join(repo, 'test/browser/fixtures/checklist.md'), join(workspace, 'sops', FILE));
    cpSync(join(repo, 'test/browser/fixtures/workflow.md'), join(workspace, 'sops', 'declined.sop.md'));
    cpSync(join(repo, 'test/browser/fixtures/checklist.md'), join(workspace, 'sops', 'unopened.sop.md'));
    cpSync(join(repo, 'examples/missed-delivery-workflow.md'), join(workspace, 'sops', 'long.sop.md'));
    cpSync(join(repo, 'examples/damaged-delivery-claim.md'), join(workspace, 'sops', 'guide.sop.md'));
    cpSync(join(repo, 'examples/images'), join(workspace, 'sops', 'images'), { recursive: true });
    server = await startCodeServer({ settings: { 'files.autoSave': 'off', 'workbench.editor.enablePreview': false } });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    page = await context.newPage();
    // The machine may be busy (other suites, two cores): wait on events generously, never on a clock.
    page.setDefaultTimeout(60_000);
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repo }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 }).catch(() => {});
  });

  // A failure on a CI machine cannot be watched: leave a screenshot and say what the workbench showed.
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    const name = `failed-preview-${this.currentTest.title.slice(0, 30).replace(/[^a-z0-9]+/gi, '-')}`;
    await page.screenshot({ path: join(screenshots, `${name}.png`) }).catch(() => {});
    const tabs = await page.locator('.tab').allInnerTexts().catch(() => []);
    const active = await page.locator('.tab.active').allInnerTexts().catch(() => []);
    const status = await page.locator('.statusbar').innerText().catch(() => '?');
    const notices = await page.locator('.notification-toast').allInnerTexts().catch(() => []);
    console.log(`      workbench at the failure: tabs [${tabs.join(' | ')}], active [${active.join(' | ')}], status bar "${status.replace(/\s+/g, ' ')}", notifications [${notices.join(' | ')}]`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('opens beside the SOP, patches in place as you type, and writes ticks back', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(FILE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').first().waitFor();

    await runCommand(page, 'sopkit: Open Preview to the Side');
    let frame = await previewFrame(page);
    await frame.locator('h1.sop-title', { hasText: 'Store opening checklist' }).waitFor();
    assert.equal(await frame.locator('section.sop-phase').count(), 3);
    assert.equal(await frame.locator('meta[http-equiv="Content-Security-Policy"]').count(), 1);
    await page.screenshot({ path: join(screenshots, 'vscode-preview.png') });

    // Type in the editor: the page is patched, not reloaded (a marker on its window survives).
    await frame.evaluate(() => { window.__sopkitMarker = 'kept'; });
    const editor = page.locator('.monaco-editor .view-lines').first();
    await editor.click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(':23');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(' twice');
    await frame.locator('.sop-task-item', { hasText: 'Count the till float twice' }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.evaluate(() => window.__sopkitMarker), 'kept');

    // Tick that box in the preview: the document gets `- [x]`.
    // click, not check(): a re-render for the lint of the typing can land right after the click and
    // show the box unticked for a moment (known flicker); what must hold is the document and the
    // settled preview, both asserted below.
    await frame.getByRole('checkbox', { name: 'Count the till float twice' }).click();
    frame = await previewFrame(page);
    // Save and read the file: the tick is in the document text, not just in the page.
    const deadline = Date.now() + 15_000;
    let saved = '';
    while (Date.now() < deadline) {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+S');
      await new Promise((r) => setTimeout(r, 300));
      saved = fileText(workspace);
      if (/- \[x\] Count the till float twice/.test(saved)) break;
    }
    assert.match(saved, /- \[x\] Count the till float twice/);
    assert.match(saved, /- \[ \] Check the customer toilets are clean/, 'only the ticked item changed');
    // A re-render for the lint of the typing may land between the tick and the edited document's
    // render; once the document holds the tick, the preview must settle on it.
    const label = (await previewFrame(page)).locator('[data-progress-group="all"] .sop-progress-label');
    await until('the preview to count the tick', async () => ((await label.innerText()) === '3 of 7 done' ? true : undefined), 15_000);
    assert.equal(await label.innerText(), '3 of 7 done');
    await page.screenshot({ path: join(screenshots, 'vscode-preview-ticked.png') });
  });

  it('guided walk, lint jumps and two-way scroll sync work inside VS Code', async () => {
    await openFile(page, 'declined.sop.md');
    let frame = await until('the preview to show declined.sop.md', async () => {
      const f = await previewFrame(page);
      return (await f.locator('h1.sop-title').innerText()) === 'Declined card payments' ? f : undefined;
    });
    // The guided walk, clicked in the real webview.
    const stage = frame.locator('.sop-guided-stage');
    await stage.getByRole('button', { name: 'The card is active.' }).click();
    await stage.getByRole('button', { name: 'The code is unknown.' }).click();
    await stage.getByRole('button', { name: 'The card has expired.' }).click();
    assert.equal(await stage.locator('.sop-guided-outcome').innerText(), 'Advise the customer to renew the card.');
    // A problem in the summary moves the editor's cursor to its line.
    const link = frame.locator('.sop-lint-error a.sop-jump').first();
    const line = Number(await link.getAttribute('data-jump-line'));
    // A click that lands while the lint's re-render patches the summary can be lost, as a person's
    // could be; like a person, click again if the cursor has not moved after a few seconds.
    const cursorOn = async () => (await page.locator('.statusbar').innerText()).includes(`Ln ${line},`);
    for (let attempt = 1; ; attempt++) {
      await link.click();
      const moved = await until(`the cursor on line ${line}`, cursorOn, attempt < 3 ? 5_000 : 20_000).catch((error) => { if (attempt >= 3) throw error; });
      if (moved) break;
    }
    await page.screenshot({ path: join(screenshots, 'vscode-preview-workflow.png') });

    // Scroll sync: the editor drives the preview, and the preview drives the editor.
    await openFile(page, 'long.sop.md');
    frame = await until('the preview to show long.sop.md', async () => {
      const f = await previewFrame(page);
      return /Missed Delivery/.test(await f.locator('h1.sop-title').innerText()) ? f : undefined;
    });
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(':120');
    await page.keyboard.press('Enter');
    await until('the preview to scroll with the editor', async () => (await (await previewFrame(page)).evaluate(() => window.scrollY)) > 300);
    frame = await previewFrame(page);
    // Let the echo guard of the editor-driven scroll lapse, as it would for a person.
    await new Promise((r) => setTimeout(r, 600));
    await frame.evaluate(() => window.scrollTo({ top: 0 }));
    await until('the editor to scroll back with the preview', async () => {
      const numbers = (await page.locator('.monaco-editor .margin-view-overlays .line-numbers').allInnerTexts()).map(Number).filter((n) => n > 0);
      return Math.min(...numbers) <= 5;
    });
  });

  it("shows a guide's local images through the webview (workspace files only)", async () => {
    await openFile(page, 'guide.sop.md');
    const frame = await until('the preview to show the guide', async () => {
      const f = await previewFrame(page);
      return (await f.locator('.sop-step-card').count()) > 0 ? f : undefined;
    });
    // Images load lazily: bring each into view and let it load, as a reader scrolling down would.
    // (Scrolling past them all at once leaves the first unloaded: it is off screen again before
    // the lazy loader's intersection check runs.)
    const images = await frame.locator('.sop-step-card img').all();
    assert.ok(images.length >= 2, `the guide has ${images.length} step images`);
    const sizes = [];
    for (const [i, img] of images.entries()) {
      sizes.push(await until(`step image ${i + 1} to load`, async () => {
        await img.scrollIntoViewIfNeeded();
        const width = await img.evaluate((el) => el.naturalWidth);
        return width > 0 ? width : undefined;
      }));
    }
    await page.screenshot({ path: join(screenshots, 'vscode-preview-guide.png') });
  });

  it('a document the preview follows starts at its own top and does not drag the new editor (issue 19, item 5)', async () => {
    // The image test above leaves the guide's preview scrolled far down.
    const before = await (await previewFrame(page)).evaluate(() => window.scrollY);
    assert.ok(before > 300, `the guide's preview is scrolled (${before} px)`);
    // A file not opened before, so its editor starts at line 1 and so must its preview.
    await openFile(page, 'unopened.sop.md');
    await until('the preview to show the checklist', async () => {
      const f = await previewFrame(page);
      return (await f.locator('.sop-checklist, .sop-task').count()) > 0 && !(await f.locator('.sop-step-card img').count()) ? f : undefined;
    });
    // Give a stale scroll (VS Code restores the old page's offset on new HTML) time to arrive and be echoed.
    await new Promise((r) => setTimeout(r, 1500));
    const frame = await previewFrame(page);
    assert.ok(await frame.evaluate(() => window.scrollY) < 80, `the new document's preview opened at ${await frame.evaluate(() => window.scrollY)} px, not at its top`);
    const numbers = (await page.locator('.monaco-editor .margin-view-overlays .line-numbers').allInnerTexts()).map(Number).filter((n) => n > 0);
    assert.ok(Math.min(...numbers) <= 2, `the editor was dragged to line ${Math.min(...numbers)}`);
    // Leave the guide in front again, as the tests below expect.
    await openFile(page, 'guide.sop.md');
    await until('the preview to show the guide again', async () => (await (await previewFrame(page)).locator('.sop-step-card').count()) > 0);
  });

  it('follows the VS Code theme (dark, high contrast)', async () => {
    const background = async () => (await previewFrame(page)).evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    for (const [theme, file] of [['Dark Modern', 'vscode-preview-dark.png'], ['Dark High Contrast', 'vscode-preview-high-contrast.png']]) {
      const before = await background();
      await runCommand(page, 'Preferences: Color Theme');
      await page.waitForTimeout(500);
      await page.keyboard.type(theme);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first();
      await row.waitFor().catch(async (error) => { await page.screenshot({ path: join(screenshots, 'vscode-theme-failed.png') }); throw error; });
      await row.click();
      await until(`the preview to take the ${theme} colours`, async () => (await background()) !== before);
      await page.screenshot({ path: join(screenshots, file) });
    }
    assert.notEqual(await background(), light);
  });

  it('comes back after the window reloads (webview panel serializer)', async function () {
    // A browser reload (page.reload) does not wait for the workbench to save its editor state, so
    // it sometimes restored an older layout (seen: the guide's tab gone, another SOP active, and
    // the unlocked preview following that). "Developer: Reload Window", as a person reloads, saves
    // the state first. One retry is left for a reload that lands on a busy machine.
    this.retries(1);
    // Start from a known state whatever the tests before left: the guide in the editor and the preview.
    await openFile(page, 'guide.sop.md');
    await until('the preview to show the guide before the reload', async () => {
      const f = await previewFrame(page);
      return (await f.locator('.sop-step-card').count()) > 0;
    }, 30_000);
    const before = await page.evaluate(() => performance.timeOrigin);
    await runCommand(page, 'Developer: Reload Window');
    await until('the window to reload', async () => (await page.evaluate(() => performance.timeOrigin).catch(() => before)) !== before, 60_000);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The restored panel may paint its title before the guide's body has been re-rendered: poll for the body.
    const frame = await until('the restored preview to show the guide it showed before', async () => {
      const f = await previewFrame(page, 60_000);
      return (await f.locator('h1.sop-title').innerText()).length > 0 && (await f.locator('.sop-step-card').count()) > 0 ? f : undefined;
    }, 60_000);
    assert.ok(await frame.locator('.sop-step-card').count() > 0, 'the restored preview shows the guide it showed before');
    await page.screenshot({ path: join(screenshots, 'vscode-preview-restored.png') });
  });
});
