// Runs last (files load in the order index.ts lists them): everything above must have left the
// extension host log free of sopkit errors.
import * as assert from 'node:assert/strict';
import { sopkitProblemsInExtensionHostLog } from './helpers.js';

describe('extension host log', () => {
  it('holds no errors from sopkit and no host warnings about it after the whole suite', () => {
    assert.deepEqual(sopkitProblemsInExtensionHostLog(), []);
  });
});
