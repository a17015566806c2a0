// Workspace trust in the real VS Code: in Restricted Mode sopkit still lints, but with the
// built-in schema only — the workspace's team schema (which Ajv would compile into code) is not
// loaded. Trusting the folder brings the team schema in without a reload.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, startCodeServer, workbenchUrl } from '../../../scripts/vscode-harness.mjs';

const repo = resolve(import.meta.dirname, '../../..');
const shots = join(repo, 'test-output', 'screenshots');
const TEAM_SCHEMA = {
  $id: 'https://example.test/team.sop.schema.json',
  allOf: [{ $ref: 'https://sopkit.dev/schemas/sop.schema.json' }],
  properties: { sections: { required: ['training'] } },
  'x-sop-sections': [{ id: 'training', title: 'Training', order: 75, aliases: [], description: 'What an agent must learn first.', template: '- [INSERT course]\n' }],
};

describe('Restricted Mode (workspace trust) in the real VS Code', function () {
  this.timeout(180_000);
  let server;
  let browser;
  let page;
  let scratch;
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) });

  before(async () => {
    mkdirSync(shots, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'sopkit-trust-'));
    const sops = join(scratch, 'workspace', 'sops');
    mkdirSync(sops, { recursive: true });
    cpSync(join(repo, 'test/integration/fixtures/workspace/sops/complete.sop.md'), join(sops, 'complete.sop.md'));
    writeFileSync(join(sops, '.sopkit.yaml'), 'schema: ./team.sop.schema.json\n');
    writeFileSync(join(sops, 'team.sop.schema.json'), JSON.stringify(TEAM_SCHEMA, null, 2));
    server = await startCodeServer({ workspaceTrust: true, settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'editor.minimap.enabled': false } });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(workbenchUrl(server, { folder: join(scratch, 'workspace'), extensionDevelopmentPath: repo }));
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await shot(`failed-restricted-${this.currentTest.title.slice(0, 30).replace(/[^a-z0-9]+/gi, '-')}`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('lints with the built-in schema only while the folder is not trusted', async () => {
    const dontTrust = page.getByRole('button', { name: /No, I don.t trust the authors/ });
    await dontTrust.waitFor({ timeout: 60_000 });
    await shot('8-trust-prompt');
    await dontTrust.click();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('complete.sop.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'complete.sop.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    const status = page.locator('.statusbar-item', { hasText: 'SOP: article' });
    await status.waitFor({ timeout: 30_000 });
    assert.match((await status.innerText()).replace(/\s+/g, ' '), /SOP: article · no problems/);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor();
    assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: "Missing section 'Training'" }).count(), 0);
    await shot('9-restricted-mode');
  });

  it('applies the team schema once the folder is trusted', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Workspaces: Manage Workspace Trust');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Manage Workspace Trust' }).first().click();
    const trust = page.getByRole('button', { name: /^Trust$/ }).first();
    await trust.waitFor({ timeout: 15_000 });
    await trust.click();
    await page.keyboard.press('Control+W');
    await page.locator('.markers-panel .monaco-list-row', { hasText: "Missing section 'Training'" }).first().waitFor({ timeout: 30_000 });
    // The trust editor is modal; once it closes the status bar follows the SOP again.
    await page.locator('.statusbar-item', { hasText: 'SOP: article · 1 problem' }).waitFor({ timeout: 15_000 });
    await shot('10-trusted-team-schema');
  });
});
