/**
 * The library index: every SOP under a config root, by path and by id, with the id prefixes the
 * library uses. Built once from the texts the shell reads; `update` re-reads one entry and
 * adjusts the maps by what that entry changed, so an edit costs one file's scan.
 */
import { compileUserRegex, type UserRegex } from '../user-regex.js';
import { normalizePath } from '../config/paths.js';
import { scanEntry } from './entry.js';
import type { IdToken, LibraryEntry, LibrarySettings, PathKind } from './types.js';

/** A prefix counts when it has a letter and is at least two characters ("CS-", "SOP", not "V"). */
export function usablePrefix(id: string): string | undefined {
  let cut = id.length;
  while (cut > 0 && id.charCodeAt(cut - 1) >= 48 && id.charCodeAt(cut - 1) <= 57) cut--;
  const prefix = id.slice(0, cut);
  return cut < id.length && prefix.length >= 2 && /[A-Za-z]/.test(prefix) && !/\s/.test(prefix) ? prefix : undefined;
}

/** The snapshot a worker thread rebuilds the index from (plain data, structured-clone safe). */
export interface LibrarySnapshot {
  settings: LibrarySettings;
  entries: LibraryEntry[];
  pathKinds: [string, PathKind][];
}

export class LibraryIndex {
  private readonly byPath = new Map<string, LibraryEntry>();
  private readonly pathsById = new Map<string, Set<string>>();
  private readonly prefixCounts = new Map<string, number>();
  /** id → paths of the SOPs whose `supersedes:` names it. */
  private readonly supersededByPaths = new Map<string, Set<string>>();
  private readonly pathKinds = new Map<string, PathKind>();
  readonly settings: LibrarySettings;
  readonly pattern?: UserRegex;
  /** Why the configured id pattern cannot be used, when it cannot. */
  readonly patternProblem?: string;

  constructor(settings: LibrarySettings) {
    this.settings = { ...settings, root: normalizePath(settings.root), workspace: normalizePath(settings.workspace ?? settings.root) };
    if (settings.idPattern) {
      const compiled = compileUserRegex(settings.idPattern);
      if ('error' in compiled) this.patternProblem = compiled.error;
      else this.pattern = compiled;
    }
  }

  static build(files: { path: string; text: string; lintable?: boolean }[], settings: LibrarySettings): LibraryIndex {
    const index = new LibraryIndex(settings);
    for (const file of files) index.update(file.path, file.text, file.lintable);
    return index;
  }

  static fromSnapshot(snapshot: LibrarySnapshot): LibraryIndex {
    const index = new LibraryIndex(snapshot.settings);
    for (const entry of snapshot.entries) index.put(entry);
    for (const [path, kind] of snapshot.pathKinds) index.pathKinds.set(path, kind);
    return index;
  }

  /** Plain data for another thread; references are left out (each file's own are read from its text). */
  snapshot(): LibrarySnapshot {
    return { settings: this.settings, entries: [...this.byPath.values()].map((e) => ({ ...e, links: [], tokens: [] })), pathKinds: [...this.pathKinds] };
  }

  /** Reads one file again (or for the first time) and returns its new entry. */
  update(path: string, text: string, lintable = true): LibraryEntry {
    const entry = scanEntry(normalizePath(path), text, { pattern: this.pattern, lintable });
    this.put(entry);
    return entry;
  }

  /** Puts an entry read elsewhere (the linter reads the file it lints itself). */
  put(entry: LibraryEntry): void {
    this.remove(entry.path);
    this.byPath.set(entry.path, entry);
    if (entry.id !== undefined) {
      addTo(this.pathsById, entry.id, entry.path);
      const prefix = usablePrefix(entry.id);
      if (prefix) this.prefixCounts.set(prefix, (this.prefixCounts.get(prefix) ?? 0) + 1);
    }
    for (const id of entry.supersedes) addTo(this.supersededByPaths, id, entry.path);
  }

  remove(path: string): void {
    const old = this.byPath.get(normalizePath(path));
    if (!old) return;
    this.byPath.delete(old.path);
    if (old.id !== undefined) {
      deleteFrom(this.pathsById, old.id, old.path);
      const prefix = usablePrefix(old.id);
      const count = prefix ? (this.prefixCounts.get(prefix) ?? 0) - 1 : 0;
      if (prefix && count > 0) this.prefixCounts.set(prefix, count);
      else if (prefix) this.prefixCounts.delete(prefix);
    }
    for (const id of old.supersedes) deleteFrom(this.supersededByPaths, id, old.path);
  }

  get size(): number { return this.byPath.size; }
  entries(): IterableIterator<LibraryEntry> { return this.byPath.values(); }
  entry(path: string): LibraryEntry | undefined { return this.byPath.get(normalizePath(path)); }
  prefixes(): string[] { return [...this.prefixCounts.keys()].sort(); }

  /** The entries that carry exactly this id. */
  withId(id: string): LibraryEntry[] {
    return [...(this.pathsById.get(id) ?? [])].map((p) => this.byPath.get(p)!);
  }

  /** True when the token is shaped like the library's own ids (or the configured pattern matched it). */
  isReference(token: IdToken): boolean {
    return !!token.configured || (token.prefix !== undefined && this.prefixCounts.has(token.prefix));
  }

  /** The SOPs a reference names: exactly, else by the same prefix and number ("CS-9" for "CS-009"). */
  resolve(text: string): LibraryEntry[] {
    const exact = this.withId(text);
    if (exact.length || !usablePrefix(text)) return exact;
    const prefix = usablePrefix(text)!;
    const number = Number(text.slice(prefix.length));
    return [...this.pathsById.keys()].filter((id) => usablePrefix(id) === prefix && Number(id.slice(prefix.length)) === number).flatMap((id) => this.withId(id));
  }

  /** The SOPs whose `supersedes:` names this id. */
  supersedersOf(id: string): LibraryEntry[] {
    return [...(this.supersededByPaths.get(id) ?? [])].map((p) => this.byPath.get(p)!);
  }

  /** What the shell found at a link target that is no entry (a folder, a missing file…). */
  setPathKind(path: string, kind: PathKind): void { this.pathKinds.set(normalizePath(path), kind); }
  pathKind(path: string): PathKind | undefined { return this.pathKinds.get(normalizePath(path)); }

  /**
   * What other files' findings depend on, as one string: when it is unchanged, a file whose own
   * text is unchanged lints the same (the CLI's cache keys on it).
   */
  fingerprint(): string {
    const rows = [...this.byPath.values()].sort((a, b) => (a.path < b.path ? -1 : 1)).map((e) => [
      e.path, e.id, e.status, e.lintable, e.supersedes, e.supersededBy, e.headings.map((h) => h.slug), e.anchors,
    ]);
    return JSON.stringify([this.settings, rows, [...this.pathKinds].sort()]);
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function deleteFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
