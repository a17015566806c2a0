/** The page script's `#fragment` handling, without a browser (issue 11: a malformed escape threw). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fragmentId } from '../../../src/webview/fragment.js';

describe('FAQ fragments', () => {
  it('decodes percent-escapes', () => {
    assert.equal(fragmentId('#how-do-i-refund-%C3%A9'), 'how-do-i-refund-é');
    assert.equal(fragmentId('plain'), 'plain');
    assert.equal(fragmentId('#'), '');
  });
  it('takes a malformed escape as written instead of throwing', () => {
    for (const bad of ['#%E0%A4%A', '#100%', '#%zz', '#%']) assert.equal(fragmentId(bad), bad.slice(1));
  });
  it('the page script decodes fragments only through fragmentId', () => {
    const script = readFileSync(new URL('../../../src/webview/preview.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(script, /decodeURIComponent/);
  });
});
