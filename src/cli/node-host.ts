/** The config host for Node: reads through fs; a missing file is `undefined`, other failures throw. */
import { readFile } from 'node:fs/promises';
import type { ConfigHost } from '../core/index.js';

export const nodeConfigHost: ConfigHost = {
  async readFile(path: string) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
      throw error;
    }
  },
};
