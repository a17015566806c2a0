/**
 * Turns the command line's files, folders and globs into the list of Markdown files to lint.
 * Folders expand to every *.md / *.markdown below them; .gitignore files (from the repository
 * root down) are respected unless `--no-gitignore`; node_modules, .git and other dot folders are
 * never searched.
 *
 * Folders are walked here rather than by the glob library because the walk must (1) read names
 * as bytes, so a file whose name is not UTF-8 is linted instead of reported missing, (2) follow a
 * folder link only when it stays inside the workspace and only once (a link loop lints each file
 * once), and (3) report a folder it cannot search as one line instead of skipping it silently.
 * Globs still go through tinyglobby.
 */
import { accessSync, constants, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ignoredBy } from '../core/index.js';
import { errorReason, findGitRoot, isInsideFolder, readRegular, realRoot, workspaceRoot, type FsPath } from './safe-fs.js';

export { findGitRoot } from './safe-fs.js';

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface LintTarget {
  /** Absolute path, as named or found (for display and config lookup; lossy if a name is not UTF-8). */
  path: string;
  /** The same path for fs calls: bytes when a name on the way is not valid UTF-8. */
  fsPath: FsPath;
  /** Nothing is read or written outside this folder (see safe-fs.ts). */
  root: string;
}

export interface Expansion {
  files: LintTarget[];
  /** Globs that matched nothing (a usage error). */
  unmatched: string[];
  /** Folders that could not be searched, one line each. */
  unsearchable: { folder: string; reason: string }[];
}

/**
 * .gitignore rules, each applied relative to the folder of its own .gitignore. They run on the
 * core's linear-time glob engine: a repository's .gitignore is untrusted input, and a line of a
 * dozen `**` against a deep path kept backtracking matchers busy for minutes.
 */
class GitIgnores {
  private readonly byDir = new Map<string, readonly string[] | null>();
  constructor(private readonly top: string) {}

  private rulesIn(dir: string): readonly string[] | null {
    let rules = this.byDir.get(dir);
    if (rules === undefined) {
      const read = readRegular(join(dir, '.gitignore'), 1024 * 1024, '1 MB');
      rules = 'reason' in read ? null : read.bytes.toString('utf8').split(/\r?\n/);
      this.byDir.set(dir, rules);
    }
    return rules;
  }

  ignores(file: string): boolean {
    const dirs: string[] = [];
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      dirs.push(dir);
      if (dir === this.top || dirname(dir) === dir) break;
    }
    if (dirs[dirs.length - 1] !== this.top) return false;
    return dirs.some((dir) => {
      const rules = this.rulesIn(dir);
      const rel = relative(dir, file).split('\\').join('/');
      return !!rules && rel !== '' && !rel.startsWith('..') && ignoredBy(rules, rel);
    });
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

function childPath(parentFs: FsPath, name: Buffer): { fs: FsPath; text: string } | { fs: Buffer; text: string } {
  let nameText: string | undefined;
  try { nameText = utf8.decode(name); } catch { nameText = undefined; }
  if (typeof parentFs === 'string' && nameText !== undefined) return { fs: join(parentFs, nameText), text: join(parentFs, nameText) };
  const parentBytes = typeof parentFs === 'string' ? Buffer.from(parentFs) : parentFs;
  const bytes = Buffer.concat([parentBytes, Buffer.from('/'), name]);
  return { fs: bytes, text: lossy.decode(bytes) };
}

function realKey(path: FsPath): string {
  try {
    const real = typeof path === 'string' ? realpathSync.native(path) : realpathSync.native(path, { encoding: 'buffer' });
    return typeof real === 'string' ? real : real.toString('latin1');
  } catch {
    return typeof path === 'string' ? path : path.toString('latin1');
  }
}

const MARKDOWN = /\.(md|markdown)$/;

/** Every Markdown file below `top`, following folder links that stay inside `root`, each real folder once. */
function walkFolder(top: string, root: string, keep: (file: string) => boolean, out: LintTarget[], seenFolders: Set<string>, unsearchable: Expansion['unsearchable']): void {
  const realTop = realRoot(root);
  const stack: { text: string; fs: FsPath }[] = [{ text: top, fs: top }];
  while (stack.length) {
    const folder = stack.pop()!;
    const key = realKey(folder.fs);
    if (seenFolders.has(key)) continue;
    seenFolders.add(key);
    let entries: Dirent<Buffer>[];
    try {
      // Listing needs read permission; reaching what is listed needs search (x) permission.
      accessSync(folder.fs, constants.R_OK | constants.X_OK);
      entries = readdirSync(folder.fs, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      unsearchable.push({ folder: folder.text, reason: errorReason(error) });
      continue;
    }
    const folders: { text: string; fs: FsPath }[] = [];
    for (const entry of entries) {
      const name = entry.name;
      if (name[0] === 0x2e /* . */ || name.equals(NODE_MODULES)) continue;
      const child = childPath(folder.fs, name);
      let isFolder = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target;
        try { target = statSync(child.fs); } catch { target = undefined; }
        isFolder = !!target?.isDirectory();
        // A folder link is followed only when it stays inside the workspace.
        if (isFolder && !isInsideFolder(realTop, realKey(child.fs))) continue;
      }
      if (isFolder) {
        folders.push(child);
      } else if (MARKDOWN.test(child.text) && keep(child.text)) {
        out.push({ path: child.text, fsPath: child.fs, root });
      }
    }
    // Depth first, in name order (the list is sorted at the end anyway).
    for (let i = folders.length - 1; i >= 0; i--) stack.push(folders[i]);
  }
}
const NODE_MODULES = Buffer.from('node_modules');

export async function expandFileArguments(args: string[], cwd: string, useGitignore: boolean): Promise<Expansion> {
  const patterns = args.length ? args : ['.'];
  const found: LintTarget[] = [];
  const unmatched: string[] = [];
  const unsearchable: Expansion['unsearchable'] = [];
  const gitRoot = useGitignore ? findGitRoot(cwd) : undefined;
  const gitIgnores = new GitIgnores(gitRoot ?? cwd);
  const keep = (file: string) => !useGitignore || !gitIgnores.ignores(file);
  const seenFolders = new Set<string>();

  for (const pattern of patterns) {
    const absolute = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
    let stat: ReturnType<typeof statSync> | undefined;
    try { stat = statSync(absolute); } catch { stat = undefined; }
    if (stat?.isDirectory()) {
      walkFolder(absolute, workspaceRoot(join(absolute, 'x'), cwd), keep, found, seenFolders, unsearchable);
    } else if (!stat?.isFile() && isDynamicPattern(pattern)) {
      const matches = (await glob([pattern.split('\\').join('/')], { cwd, absolute: true, ignore: ALWAYS_SKIPPED, dot: false })).filter(keep);
      for (const file of matches) found.push({ path: resolve(file), fsPath: resolve(file), root: workspaceRoot(resolve(file), cwd) });
      if (matches.length === 0) unmatched.push(pattern);
    } else {
      // Named explicitly: linted even when a .gitignore lists it; a missing or non-regular file is reported when read.
      found.push({ path: absolute, fsPath: absolute, root: workspaceRoot(absolute, cwd) });
    }
  }

  // One entry per real file: a link to a file that is also listed (or a folder loop) lints it once.
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seenFiles = new Set<string>();
  const files = found.filter((target) => {
    const key = realKey(target.fsPath);
    if (seenFiles.has(key)) return false;
    seenFiles.add(key);
    return true;
  });
  return { files, unmatched, unsearchable };
}
