/**
 * Builds the SOP library each linted file belongs to: every Markdown file under its config root
 * (and `library.include`), read through the same safe path as the files linted, indexed by the
 * core. Link targets that are no SOP are looked up on disk once, so the rules can tell a missing
 * file from a folder. Pure bookkeeping: nothing is written.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliIo } from './io.js';
import { clip, LibraryIndex, terminalText, type ConfigResolver, type FileConfig, type LibrarySnapshot } from '../core/index.js';
import { expandFileArguments, type LintTarget } from './files.js';
import { hashText } from './cache.js';
import { readLintableSync } from './read-file.js';
import { isInsideFolder, resolveInside, workspaceRoot } from './safe-fs.js';

export interface CliLibrary {
  root: string;
  index: LibraryIndex;
  snapshot: LibrarySnapshot;
  /** Changes when anything other files' findings depend on changes (for the cache key). */
  fingerprint: string;
  /** Each member's text hash as the index read it: a file linted with the same text reuses its entry. */
  hashes: Map<string, string>;
}

/** The library root of a file: its config's, else the command's folder (or the file's own, when it lies elsewhere). */
export function libraryRootOf(config: FileConfig, cwd: string, file: string): string {
  return config.libraryRoot ?? (isInsideFolder(cwd, file) ? cwd : dirname(file));
}

interface Member { target: LintTarget; included: boolean }

async function membersOf(root: string, settings: FileConfig['library'], cwd: string, gitignore: boolean): Promise<Member[]> {
  const own = await expandFileArguments([root], cwd, gitignore);
  const members: Member[] = own.files.map((target) => ({ target, included: false }));
  if (settings?.include?.length) {
    const base = settings.includeBase ?? root;
    const extra = await expandFileArguments(settings.include, base, gitignore);
    for (const target of extra.files) members.push({ target, included: true });
  }
  return members;
}

async function readMembers(root: string, members: Member[], resolver: ConfigResolver, cwd: string, notes: Set<string>) {
  const workspace = workspaceRoot(join(root, 'x'), cwd);
  const files: { path: string; text: string; lintable: boolean }[] = [];
  const seen = new Set<string>();
  for (const { target, included } of members) {
    if (seen.has(target.path)) continue;
    seen.add(target.path);
    if (!isInsideFolder(workspace, target.path)) {
      notes.add(`library.include names ${terminalText(target.path)}, outside the workspace (${terminalText(workspace)}); it is not part of the library`);
      continue;
    }
    const config = await resolver.forFile(target.path);
    // A file no config claims belongs to the library that found it.
    const ownRoot = config.libraryRoot ?? root;
    if (!included && ownRoot !== root) {
      const why = config.searchStop?.reason === 'root: true' && config.searchStop.folder === ownRoot ? 'its config says root: true' : 'it has a config of its own and no config above it says root: true';
      notes.add(`${terminalText(ownRoot)} is a library of its own (${why}), inside the library at ${terminalText(root)}; references between the two are not resolved`);
      continue;
    }
    const read = readLintableSync(target.fsPath, target.root);
    if ('reason' in read) continue; // reported when linted, if it is linted
    files.push({ path: target.path, text: read.text, lintable: !config.ignored });
  }
  return { files, workspace };
}

/** What each relative Markdown link that is no SOP points to on disk. */
function recordLinkTargets(index: LibraryIndex, workspace: string): void {
  const checked = new Set<string>();
  for (const entry of index.entries()) {
    for (const link of entry.links) {
      if (!link.path || !/\.(?:md|markdown)$/i.test(link.path)) continue;
      const target = join(dirname(entry.path), link.path);
      if (checked.has(target) || index.entry(target) || !isInsideFolder(workspace, target)) continue;
      checked.add(target);
      let stat;
      try { stat = statSync(target); } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') index.setPathKind(target, 'missing');
        continue;
      }
      if (stat.isDirectory()) index.setPathKind(target, 'folder');
      else index.setPathKind(target, 'reason' in resolveInside(target, workspace) ? 'outside' : 'file');
    }
  }
}

/** One library per root; `notes` collects one line per oddity (nested roots, includes outside). */
export async function buildLibrary(root: string, resolver: ConfigResolver, cwd: string, gitignore: boolean, notes: Set<string>): Promise<CliLibrary> {
  const rootConfig = await resolver.forFile(join(root, '.sopkit-library-root.md'));
  const settings = rootConfig.library;
  const members = await membersOf(root, settings, cwd, gitignore);
  const { files, workspace } = await readMembers(root, members, resolver, cwd, notes);
  const index = LibraryIndex.build(files, { root, workspace, idPattern: settings?.idPattern });
  if (index.patternProblem) notes.add(`library.idPattern cannot be used (${terminalText(clip(index.patternProblem))}); only ids shaped like the library's own are checked`);
  recordLinkTargets(index, workspace);
  const hashes = new Map(files.map((f) => [f.path, hashText(f.text)]));
  return { root, index, snapshot: index.snapshot(), fingerprint: hashText(index.fingerprint()), hashes };
}

/** The libraries of a run's files, each built once (`roots[i]` undefined: file i needs none), with one note line per oddity. */
export async function librariesFor(roots: (string | undefined)[], resolver: ConfigResolver, io: CliIo, gitignore: boolean): Promise<{ libraries: CliLibrary[]; libraryOf: (number | undefined)[] }> {
  const libraries: CliLibrary[] = [];
  const byRoot = new Map<string, number>();
  const notes = new Set<string>();
  const libraryOf: (number | undefined)[] = [];
  for (const root of roots) {
    if (root === undefined) { libraryOf.push(undefined); continue; }
    let id = byRoot.get(root);
    if (id === undefined) {
      id = libraries.push(await buildLibrary(root, resolver, io.cwd, gitignore, notes)) - 1;
      byRoot.set(root, id);
    }
    libraryOf.push(id);
  }
  for (const note of notes) io.stderr(`sopkit: note: ${note}\n`);
  return { libraries, libraryOf };
}
