/** Web build (see load.ts): the heavy half is bundled in, since a web worker cannot load a second file. */
import * as Heavy from './entry.js';

export function heavy(): typeof Heavy {
  return Heavy;
}
