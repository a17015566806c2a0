import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { renderSopBody, renderStandaloneHtml } from '../../../src/core/render/index.js';
import { planTaskToggle, resetChecklistEdits, toggleTaskEdit } from '../../../src/core/render/checklist-edits.js';
import { jsonForScript } from '../../../src/core/render/markdown.js';
import { isHostMessage, isWebviewMessage } from '../../../src/webview/messages.js';
// @ts-expect-error plain .mjs helper without type declarations
import { bundleWebviewScript, moduleSource, GENERATED_MODULE } from '../../../scripts/webview-inline.mjs';

const render = (markdown: string): string => renderSopBody(buildSopDocument(markdown), { lint: [], today: '2026-01-01' });

describe('render: sanitizing', () => {
  it('drops scripts, event handlers, javascript: URLs, iframes and styles from raw HTML', () => {
    const html = render([
      '# T', '', '<script>window.pwned = 1</script>', '', '<img src="x.png" onerror="window.pwned = 1">', '',
      '[click](javascript:window.pwned=1)', '', '<iframe src="https://evil.invalid"></iframe>', '',
      '<p style="background:url(https://evil.invalid/x)">styled</p>', '', '<svg><script>window.pwned=1</script></svg>', '',
      '<a href="jav&#x09;ascript:alert(1)">entity</a>', '',
    ].join('\n'));
    assert.doesNotMatch(html, /<script(?![^>]*application\/json)/i);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /javascript:/i);
    assert.doesNotMatch(html, /<iframe|style=|<svg(?![^>]*sop-flowchart)/i);
    assert.match(html, /styled/);
  });

  it('drops remote <source srcset> candidates as it drops remote <img src> (issue 11)', () => {
    const html = render(['# T', '', '<picture><source srcset="https://evil.invalid/a.png 1x, //evil.invalid/b.png 2x"><source srcset="local.png 1x, https://evil.invalid/c.png 2x"><img src="https://evil.invalid/d.png" alt="d"></picture>', ''].join('\n'));
    assert.doesNotMatch(html, /evil\.invalid\/[abc]\.png/);
    assert.match(html, /srcset="local\.png 1x"/i);
    const embedded = renderSopBody(buildSopDocument('# T\n\n<picture><source srcset="https://evil.invalid/a.png, x.png 2x"></picture>\n'), { lint: [], today: '2026-01-01', resolveImage: (src) => (src === 'x.png' ? 'data:image/png;base64,AA' : undefined) });
    assert.doesNotMatch(embedded, /evil\.invalid/);
    assert.match(embedded, /srcset="data:image\/png;base64,AA 2x"/i);
  });

  it('keeps harmless raw HTML such as <kbd> and <br>', () => {
    const html = render('# T\n\nPress <kbd>Ctrl</kbd>+<kbd>S</kbd><br>then wait.\n');
    assert.match(html, /<kbd>Ctrl<\/kbd>/);
    assert.match(html, /<br>/);
  });

  it('escapes JSON so document text cannot close the data <script>', () => {
    const json = jsonForScript({ text: '</script><script>alert(1)</script><!--' });
    assert.doesNotMatch(json, /<|>/);
    assert.deepEqual(JSON.parse(json), { text: '</script><script>alert(1)</script><!--' });
    const html = render('---\nformat: workflow\n---\n# W\n\n## Procedure\n\n### Step 1: </script><script>alert(1)</script>\n- **Condition:** x\n');
    const scripts = selectAll('script', fromHtml(html, { fragment: true }));
    assert.deepEqual(scripts.map((el) => el.properties.type), ['application/json']);
  });

  it('standalone HTML has a nonce CSP with default-src none, and a fresh nonce each time', () => {
    const a = renderStandaloneHtml('---\ntitle: Title\n---\nText.\n', { today: '2026-01-01' });
    const b = renderStandaloneHtml('---\ntitle: Title\n---\nText.\n', { today: '2026-01-01' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(a)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16);
    assert.match(a, new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}">`));
    assert.notEqual(nonce, /script-src 'nonce-([^']+)'/.exec(b)?.[1]);
    assert.match(a, /<title>Title<\/title>/);
  });
});

describe('render: checklist write-back edits', () => {
  const text = '# C\n\n## Phase\n- [ ] one\n- [x] two\n- [X] three\n';
  it('toggles the marker at an offset, and refuses an offset that is not a marker', () => {
    const offset = text.indexOf('[ ]');
    assert.deepEqual(toggleTaskEdit(text, offset, true), { offset, length: 3, text: '[x]' });
    assert.deepEqual(toggleTaskEdit(text, text.indexOf('[x]'), false), { offset: text.indexOf('[x]'), length: 3, text: '[ ]' });
    assert.equal(toggleTaskEdit(text, offset, false)?.length, 0);
    assert.equal(toggleTaskEdit(text, offset + 1, true), undefined);
    assert.equal(toggleTaskEdit(text, text.length - 1, true), undefined);
    assert.equal(toggleTaskEdit(text, -1, true), undefined);
  });

  it('unticks every ticked item', () => {
    const edits = resetChecklistEdits(buildSopDocument(text));
    assert.deepEqual(edits.map((e) => text.slice(e.offset, e.offset + e.length)), ['[x]', '[X]']);
    assert.ok(edits.every((e) => e.text === '[ ]'));
  });
});

describe('preview messages', () => {
  it('accepts well-formed messages and rejects anything else', () => {
    assert.equal(isWebviewMessage({ type: 'toggleTask', offset: 10, checked: true, version: 3 }), true);
    assert.equal(isWebviewMessage({ type: 'toggleTask', offset: '10', checked: true, version: 3 }), false);
    assert.equal(isWebviewMessage({ type: 'toggleTask', offset: -1, checked: true, version: 3 }), false);
    assert.equal(isWebviewMessage({ type: 'openLink', href: 'javascript:alert(1)' }), false);
    assert.equal(isWebviewMessage({ type: 'openLink', href: 'https://example.invalid' }), true);
    assert.equal(isWebviewMessage({ type: 'revealLine', line: 0 }), false);
    assert.equal(isWebviewMessage({ type: 'runCommand', command: 'x' }), false);
    assert.equal(isWebviewMessage(null), false);
    assert.equal(isHostMessage({ type: 'update', html: '<p>x</p>', version: 1, writeBack: true }), true);
    assert.equal(isHostMessage({ type: 'update', html: 1, version: 1, writeBack: true }), false);
    assert.equal(isHostMessage({ type: 'scrollToLine', line: 4 }), true);
  });
});

describe('generated webview module', () => {
  it('matches the webview source (run `node scripts/build.mjs` and commit when this fails)', async function () {
    this.timeout(30000);
    const expected = moduleSource(await bundleWebviewScript());
    assert.equal(readFileSync(GENERATED_MODULE, 'utf8') === expected, true, `${GENERATED_MODULE} is stale`);
  });
});

describe('webview script', () => {
  it('type-checks against the DOM library (src/webview/tsconfig.json)', async function () {
    this.timeout(60000);
    const ts = (await import('typescript')).default;
    const configPath = 'src/webview/tsconfig.json';
    const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    assert.ok(config, `${configPath} could not be read`);
    const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(problems, []);
  });
});

describe('checklist write-back: version guard', () => {
  const text = '# C\n\n## Phase\n- [ ] one\n- [x] two\n';
  const offset = text.indexOf('[ ]');
  const base = { text, documentVersion: 5, renderedVersion: 5, messageVersion: 5, offset, checked: true };
  it('edits only when the page, the host and the document agree on the version', () => {
    assert.deepEqual(planTaskToggle(base), { kind: 'edit', edit: { offset, length: 3, text: '[x]' } });
    assert.deepEqual(planTaskToggle({ ...base, messageVersion: 4 }), { kind: 'stale' });
    assert.deepEqual(planTaskToggle({ ...base, renderedVersion: 4 }), { kind: 'stale' });
    assert.deepEqual(planTaskToggle({ ...base, documentVersion: 6 }), { kind: 'stale' });
    assert.deepEqual(planTaskToggle({ ...base, offset: offset + 2 }), { kind: 'stale' });
    assert.deepEqual(planTaskToggle({ ...base, checked: false }), { kind: 'unchanged' });
  });
});

describe('preview messages: relative links', () => {
  it('accepts relative paths to open, and refuses schemes and protocol-relative URLs', () => {
    assert.equal(isWebviewMessage({ type: 'openFile', path: 'returns.sop.md' }), true);
    assert.equal(isWebviewMessage({ type: 'openFile', path: '../policies/refunds.md#scope' }), true);
    assert.equal(isWebviewMessage({ type: 'openFile', path: 'file:///etc/passwd' }), false);
    assert.equal(isWebviewMessage({ type: 'openFile', path: 'command:workbench.action.quit' }), false);
    assert.equal(isWebviewMessage({ type: 'openFile', path: '//evil.invalid/x' }), false);
    assert.equal(isWebviewMessage({ type: 'openFile', path: '' }), false);
  });
});

describe('render: footnotes', () => {
  it('footnote references and their targets get the same (prefixed) id', () => {
    const html = render('# T\n\nSee the policy.[^1]\n\n[^1]: Refund policy v3.\n');
    const href = /href="#([^"]+)"[^>]*data-footnote-ref/.exec(html)?.[1] ?? /data-footnote-ref[^>]*href="#([^"]+)"/.exec(html)?.[1];
    assert.ok(href, 'no footnote reference link');
    assert.match(href, /^user-content-/);
    assert.match(html, new RegExp(`id="${href}"`));
  });
});

describe('standalone HTML', () => {
  it('lints the SOP itself when no messages are passed, and uses the given title', () => {
    const html = renderStandaloneHtml('---\ntitle: Returns\nformat: article\n---\n# Returns\n\nText only.\n', { today: '2026-01-01', title: 'Returns (print)' });
    assert.match(html, /<title>Returns \(print\)<\/title>/);
    const tree = fromHtml(html);
    const items = selectAll('.sop-lint-item', tree);
    assert.ok(items.some((li) => /required-section/.test(JSON.stringify(li))), 'missing sections are reported at the top');
    assert.equal(selectAll('script[nonce]', tree).length, 1);
    assert.equal(selectAll('style[nonce]', tree).length, 1);
  });
});
