/**
 * The one ConfigResolver setup every CLI command uses: configs and team schemas are read through
 * safe-fs (regular files, capped, no links out of the workspace), the upward search for
 * `.sopkit.yaml` stops at the repository root (outside a repository: at the command's folder), and
 * team schemas and templates must lie inside that same folder.
 */
import { join } from 'node:path';
import { ConfigResolver } from '../core/index.js';
import type { CliIo } from './io.js';
import { nodeConfigHostFor } from './node-host.js';
import { workspaceRoot } from './safe-fs.js';

export function cliConfigResolver(io: CliIo, opts: { config?: string; today?: string }): ConfigResolver {
  // Asked once per linted file; files share folders, and each answer costs a walk up to find .git.
  const roots = new Map<string, string>();
  const rootOf = (folder: string) => {
    let root = roots.get(folder);
    if (root === undefined) roots.set(folder, (root = workspaceRoot(join(folder, 'x'), io.cwd)));
    return root;
  };
  return new ConfigResolver(nodeConfigHostFor(io.cwd), {
    configFile: opts.config ? io.resolve(opts.config) : undefined,
    stopAt: rootOf,
    boundary: rootOf,
    today: opts.today,
  });
}
