/**
 * The heavy half of the extension (entry.ts), loaded on first use. Desktop: dist/heavy.cjs beside
 * dist/extension.cjs, required the first time it is asked for. The web build has no file system
 * to load from, so scripts/build.mjs swaps this module for load.web.ts, which bundles it in.
 */
import type * as Heavy from './entry.js';

let loaded: typeof Heavy | undefined;

export function heavy(): typeof Heavy {
  // A plain require of a file that ships beside this bundle (external in scripts/build.mjs).
  return (loaded ??= require('./heavy.cjs') as typeof Heavy);
}
