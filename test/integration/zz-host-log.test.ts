// Runs last (files load in the order index.ts lists them): everything above must have left the
// extension host log free of sopkit errors.
import * as assert from 'node:assert/strict';
import { sopkitErrorsInExtensionHostLog } from './helpers.js';

describe('extension host log', () => {
  it('holds no errors from sopkit after the whole suite', () => {
    assert.deepEqual(sopkitErrorsInExtensionHostLog(), []);
  });
});
