/**
 * Debian Chromium driven by playwright-core (never a downloaded browser), opening standalone
 * preview files from disk the way a person opens `sopkit render` output.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderStandaloneHtml } from '../../src/core/render/index.js';

export const FIXTURES = resolve('test/browser/fixtures');
export const SCREENSHOTS = resolve('test-output/screenshots');
export const TODAY = '2026-11-23';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export class StandaloneBrowser {
  private browser?: Browser;
  private readonly dir = mkdtempSync(join(tmpdir(), 'sopkit-browser-'));
  private count = 0;

  async start(): Promise<void> {
    // launch() gives every run a fresh, throw-away profile (user-data-dir).
    this.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Writes the HTML to a file and opens it; console errors, page errors and dialogs are collected. */
  async open(html: string, viewport = { width: 1000, height: 900 }, initScript?: string): Promise<{ page: Page; problems: string[]; file: string }> {
    if (!this.browser) throw new Error('browser not started');
    const file = join(this.dir, `page-${++this.count}.html`);
    writeFileSync(file, html);
    const context = await this.browser.newContext({ viewport, offline: true });
    const page = await context.newPage();
    if (initScript) await page.addInitScript(initScript);
    const problems: string[] = [];
    page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    await page.goto(pathToFileURL(file).href);
    return { page, problems, file };
  }
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Local images become data: URLs, the way the CLI embeds them in a standalone file. */
export function dataUrlResolver(src: string): string | undefined {
  if (!/\.png$/i.test(src) || src.includes('..')) return undefined;
  try {
    return `data:image/png;base64,${readFileSync(join(FIXTURES, src)).toString('base64')}`;
  } catch {
    return undefined;
  }
}

export function renderFixture(name: string): string {
  return renderStandaloneHtml(fixture(name), { today: TODAY, resolveImage: dataUrlResolver });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
