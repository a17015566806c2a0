/**
 * The config host for Node: reads configs and team schemas through safe-fs. A missing file is
 * `undefined`; every other failure throws with a reason (the core turns it into a config problem
 * naming the file). A config or schema is read only when it is a regular file of at most 32 MB
 * whose real path (links resolved) lies inside the workspace of the path that named it, so a
 * link in a repository cannot make sopkit read (and quote) a file from elsewhere.
 */
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import type { ConfigHost } from '../core/index.js';
import { readInside, workspaceRoot } from './safe-fs.js';

class HostReadError extends Error {}

export function nodeConfigHostFor(cwd: string): ConfigHost {
  return {
    readFile(path: string) {
      const read = readInside(path, workspaceRoot(path, cwd));
      if (!('reason' in read)) return read.bytes.toString('utf8');
      if (read.code === 'ENOENT' || read.code === 'ENOTDIR' || read.code === 'EISDIR') return undefined;
      // A folder that cannot be searched hides whatever is in it: that is no config (and its
      // files cannot be read either; they are reported one line each).
      if (read.code === 'EACCES' || read.code === 'EPERM') {
        try { accessSync(dirname(path), constants.X_OK); } catch { return undefined; }
      }
      throw new HostReadError(read.reason.replace(/^cannot be read \((.*)\)$/, '$1'));
    },
  };
}
