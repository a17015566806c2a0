/**
 * Every file the CLI reads or writes goes through here, because a tool that rewrites people's
 * documents must never lose or leak a byte, whatever a hostile repository holds:
 *
 * - reads open only regular files (a FIFO or a device is refused before a byte is read, so it
 *   cannot hang the run) and never read more than a cap, whatever `stat` claims (the zero device
 *   and /proc files report size 0);
 * - nothing is read or written through a link that leads outside the workspace: the repository
 *   root (the folder holding `.git`), or, outside a repository, the folder the command runs in;
 * - a replaced file is written to a temporary file in its own folder, flushed, and renamed over
 *   the original (keeping its mode and, where allowed, its owner), and only when the original is
 *   still exactly what was read: a kill or a full disk leaves either the old or the new text,
 *   and an edit made meanwhile (or a deletion) wins over the fix;
 * - a new output (render -o, new -o) never replaces an existing file, or anything at all that
 *   sits at that path (a dangling link included), unless asked to.
 *
 * Written here rather than with write-file-atomic: that library follows links to their target
 * and has no way to check, between flushing and renaming, that the original is still what was
 * read — the check this module exists for.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, linkSync, lstatSync, openSync, readSync, realpathSync,
  renameSync, statSync, unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

/** The most a lint, render or config read takes in (the README's documented cap). */
export const MAX_TEXT_BYTES = 32 * 1024 * 1024;
export const MAX_TEXT_LABEL = '32 MB';

/** A path as fs takes it: a Buffer when the file name is not valid UTF-8. */
export type FsPath = string | Buffer;

/** O_NONBLOCK lets a FIFO be opened (and then refused) instead of waiting for a writer. */
const OPEN_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** A refusal: `code` is the errno code, or EISDIR / NOTREG / TOOBIG / OUTSIDE. */
export interface Refusal { reason: string; code?: string }
export type ReadResult = { bytes: Buffer; stat: Stats } | Refusal;

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOENT' ? 'it does not exist'
      : code === 'EISDIR' ? 'it is a folder'
        : code === 'ELOOP' ? 'it is a symbolic link that changed while sopkit was reading it'
          : code === 'ENOSPC' ? 'the disk is full'
            : code === 'EFBIG' ? 'the file would be larger than this system allows'
              : code === 'EROFS' ? 'the file system is read-only'
                : (error as Error).message;
}

/**
 * Reads a regular file, at most `cap` bytes. Opens first and checks the open file (no race
 * between a check and the read); a file that grows past the cap while being read is refused too.
 */
export function readRegular(path: FsPath, cap = MAX_TEXT_BYTES, capLabel = MAX_TEXT_LABEL): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_READ);
  } catch (error) {
    return { reason: `cannot be read (${errorReason(error)})`, code: (error as NodeJS.ErrnoException).code };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { reason: `it is ${kindOf(stat)}, not a regular file; not read`, code: stat.isDirectory() ? 'EISDIR' : 'NOTREG' };
    if (stat.size > cap) return { reason: `it is larger than ${capLabel}; not read`, code: 'TOOBIG' };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Sized from stat, but never trusting it: read until the end or one byte past the cap.
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total + 1, 64 * 1024), 8 * 1024 * 1024, cap + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > cap) return { reason: `it is larger than ${capLabel}; not read`, code: 'TOOBIG' };
    }
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total), stat };
  } catch (error) {
    return { reason: `cannot be read (${errorReason(error)})`, code: (error as NodeJS.ErrnoException).code };
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a `.git` found on the way up can be trusted to mark a repository: it must belong to the
 * user running sopkit or to root. Anyone can create `/tmp/.git`; taken as a repository root it
 * would widen the workspace to the whole shared folder and let its `.sopkit.yaml` apply (git
 * itself refuses repositories other users own, for the same reason).
 */
function trustedGitMarker(uid: number): boolean {
  const me = process.getuid?.();
  return me === undefined || uid === me || uid === 0;
}

/** The folder holding a trusted `.git` at or above `from`, if any. */
export function findGitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    let marker;
    try { marker = lstatSync(join(dir, '.git')); } catch { marker = undefined; }
    if (marker && trustedGitMarker(marker.uid)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export function isInsideFolder(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The folder nothing may be read or written outside of, for a path (absolute, as named): its
 * repository root; outside a repository the command's folder when the path lies in it, else the
 * path's own folder.
 */
export function workspaceRoot(path: string, cwd: string): string {
  const folder = dirname(path);
  return findGitRoot(folder) ?? (isInsideFolder(cwd, path) ? cwd : folder);
}

const realRoots = new Map<string, string>();
/** realpath of a workspace root (memoised: one per run, asked for every file). */
export function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try { real = realpathSync.native(root); } catch { real = root; }
    realRoots.set(root, real);
  }
  return real;
}

export type Resolved = { real: FsPath } | Refusal;

/** The real path of `path`, refused when a link takes it outside `root`. */
export function resolveInside(path: FsPath, root: string): Resolved {
  let real: FsPath;
  try {
    real = typeof path === 'string' ? realpathSync.native(path) : realpathSync.native(path, { encoding: 'buffer' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Here (unlike an O_NOFOLLOW open) ELOOP means links that never reach a file.
    return { reason: `cannot be read (${code === 'ELOOP' ? 'it is a link that leads round in a loop' : errorReason(error)})`, code };
  }
  const realText = typeof real === 'string' ? real : real.toString('latin1');
  const rootText = typeof real === 'string' ? realRoot(root) : Buffer.from(realRoot(root)).toString('latin1');
  if (!isInsideFolder(rootText, realText)) {
    const viaLink = typeof real !== 'string' || typeof path !== 'string' || real !== path;
    return { reason: viaLink ? `it is a link to ${typeof real === 'string' ? real : 'a file'} outside ${root}; not read` : `it lies outside ${root}; not read`, code: 'OUTSIDE' };
  }
  return { real };
}

/** What a file was when it was read: enough to tell whether it is still the same before replacing it. */
export interface Snapshot {
  /** The real path (links resolved) that was read, and that a fix replaces. */
  real: FsPath;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  mode: number;
  uid: number;
  gid: number;
  hash: string;
}

export function hashBytes(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

export type SnapshotRead = { bytes: Buffer; snapshot: Snapshot } | Refusal;

/** Reads a file that lies (after resolving links) inside `root`, remembering what it was. */
export function readInside(path: FsPath, root: string, cap = MAX_TEXT_BYTES, capLabel = MAX_TEXT_LABEL): SnapshotRead {
  const resolved = resolveInside(path, root);
  if ('reason' in resolved) return resolved;
  const read = readRegular(resolved.real, cap, capLabel);
  if ('reason' in read) return read;
  const { stat } = read;
  return {
    bytes: read.bytes,
    snapshot: { real: resolved.real, dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode, uid: stat.uid, gid: stat.gid, hash: hashBytes(read.bytes) },
  };
}

export const CHANGED_WHILE_RUNNING = 'changed while sopkit was running; not fixed';

/** Null when the file at `snapshot.real` is still what was read; else why not. */
function changedSince(snapshot: Snapshot): string | null {
  let now: Stats;
  try {
    now = lstatSync(snapshot.real);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? `it was deleted or moved while sopkit was running; not fixed` : CHANGED_WHILE_RUNNING;
  }
  if (!now.isFile() || now.dev !== snapshot.dev || now.ino !== snapshot.ino || now.size !== snapshot.size || now.mtimeMs !== snapshot.mtimeMs) return CHANGED_WHILE_RUNNING;
  // Same stamp: compare the content too (an edit within the clock's resolution keeps the mtime).
  const again = readRegular(snapshot.real, snapshot.size);
  if ('reason' in again || hashBytes(again.bytes) !== snapshot.hash) return CHANGED_WHILE_RUNNING;
  return null;
}

/**
 * Only the start of the name goes into the temporary name (64 units: at most 192 bytes, plus
 * ~30 of suffix): a file whose name is near the 255-byte limit must still be fixable.
 */
const TEMP_NAME_KEEP = 64;

function tempPathFor(target: FsPath): FsPath {
  const suffix = `.sopkit-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  if (typeof target === 'string') return join(dirname(target), `.${basename(target).slice(0, TEMP_NAME_KEEP)}${suffix}`);
  const cut = target.lastIndexOf(0x2f);
  return Buffer.concat([target.subarray(0, cut + 1), Buffer.from('.'), target.subarray(cut + 1, cut + 1 + TEMP_NAME_KEEP), Buffer.from(suffix)]);
}

/**
 * The mode bits a rewritten file keeps: read, write and execute for owner, group and others. The
 * set-user-ID, set-group-ID and sticky bits are dropped, as the kernel drops them when anyone but
 * the owner writes a file: sopkit changed the content, and must not hand it the owner's powers.
 */
const PERMISSION_BITS = 0o777;

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

function removeQuietly(path: FsPath): void {
  try { unlinkSync(path); } catch { /* already gone */ }
}

/**
 * Writes `bytes` to a new temporary file next to `target` (created exclusively, flushed to disk),
 * with the given mode and owner. The caller renames or links it into place.
 */
function writeTemp(target: FsPath, bytes: Buffer, mode: number, owner?: { uid: number; gid: number }): { temp: FsPath } | { reason: string } {
  const temp = tempPathFor(target);
  let fd: number;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode & PERMISSION_BITS);
  } catch (error) {
    return { reason: `a temporary file could not be created in its folder (${errorReason(error)})` };
  }
  try {
    writeAll(fd, bytes);
    fchmodSync(fd, mode & PERMISSION_BITS);
    if (owner) {
      try { fchownSync(fd, owner.uid, owner.gid); } catch { /* only the owner's own groups, or root, may change it: keep ours */ }
    }
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    removeQuietly(temp);
    return { reason: `the new text could not be written (${errorReason(error)})` };
  }
  closeSync(fd);
  return { temp };
}

/**
 * Replaces the file read as `snapshot` with `bytes`, atomically, only when it is still what was
 * read. On any failure the original is untouched: `changed` when it is no longer what was read
 * (edited, replaced, deleted or moved: a deleted file is not re-created), `failed` when the new
 * text could not be written (full disk, permissions…).
 */
export function replaceIfUnchanged(snapshot: Snapshot, bytes: Buffer): { ok: true } | { reason: string; kind: 'changed' | 'failed' } {
  const early = changedSince(snapshot);
  if (early) return { reason: early, kind: 'changed' };
  // The rename needs only the folder's permission: without this, a file its owner made
  // read-only would be replaced (and, written by another user, change owner).
  try {
    accessSync(snapshot.real, constants.W_OK);
  } catch (error) {
    return { reason: `not fixed, the file is unchanged: it may not be written (${errorReason(error)})`, kind: 'failed' };
  }
  const written = writeTemp(snapshot.real, bytes, snapshot.mode, { uid: snapshot.uid, gid: snapshot.gid });
  if ('reason' in written) return { reason: `not fixed, the file is unchanged: ${written.reason}`, kind: 'failed' };
  // Checked again after the (possibly slow) write: the window left is the rename itself.
  const late = changedSince(snapshot);
  if (late) {
    removeQuietly(written.temp);
    return { reason: late, kind: 'changed' };
  }
  try {
    renameSync(written.temp, snapshot.real);
  } catch (error) {
    removeQuietly(written.temp);
    return { reason: `not fixed, the file is unchanged: it could not be replaced (${errorReason(error)})`, kind: 'failed' };
  }
  return { ok: true };
}

/** What sits at a path, without following a link there; undefined when nothing does. */
export function lstatOrUndefined(path: string): Stats | undefined {
  try { return lstatSync(path); } catch { return undefined; }
}

/**
 * Why nothing may be written at `path` (absolute) because a folder on its way is a link that
 * leads outside its workspace, or null. The nearest folder that exists is checked (those still
 * to be created cannot be links), so this also guards creating the missing ones.
 */
export function outputFolderRefusal(path: string, cwd: string): string | null {
  const root = workspaceRoot(path, cwd);
  let folder = dirname(path);
  while (!lstatOrUndefined(folder) && dirname(folder) !== folder) folder = dirname(folder);
  // Above a root that does not exist yet nothing is in the way that belongs to the workspace.
  if (!isInsideFolder(root, folder)) return null;
  let real: string;
  try { real = realpathSync.native(folder); } catch (error) { return `its folder cannot be reached (${errorReason(error)})`; }
  return isInsideFolder(realRoot(root), real) ? null : `its folder is a link to ${real}, outside ${root}; sopkit does not write through links`;
}

/**
 * Writes a new file at `path`. Without `replace` nothing that exists there (a file, a folder, a
 * link, even a dangling one) is touched: the temporary file is hard-linked into place, which
 * fails when the name is taken. With `replace(existing)` an existing regular file may be
 * replaced atomically when the callback agrees; a link is never written through or replaced,
 * and neither is a folder link that leads outside the workspace (of `path`, from `cwd`).
 */
export function writeOutputFile(path: string, bytes: Buffer, cwd: string, replace?: (existing: Stats) => string | null): { ok: true } | { reason: string } {
  const outside = outputFolderRefusal(path, cwd);
  if (outside) return { reason: outside };
  const existing = lstatOrUndefined(path);
  if (existing) {
    if (existing.isSymbolicLink()) return { reason: 'it is a symbolic link; sopkit does not write through links' };
    if (!existing.isFile()) return { reason: `it is ${kindOf(existing)}` };
    if (!replace) return { reason: 'it already exists' };
    const refusal = replace(existing);
    if (refusal) return { reason: refusal };
  }
  const written = writeTemp(path, bytes, existing ? existing.mode : 0o666 & ~process.umask());
  if ('reason' in written) return written;
  try {
    if (existing) {
      renameSync(written.temp, path);
    } else {
      try {
        linkSync(written.temp, path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return { reason: 'it already exists' };
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
        // No hard links on this file system: an exclusive create keeps the same promise.
        const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
        try { writeAll(fd, bytes); fsyncSync(fd); } finally { closeSync(fd); }
      }
    }
  } catch (error) {
    return { reason: errorReason(error) };
  } finally {
    removeQuietly(written.temp);
  }
  return { ok: true };
}

/** True when `a` and `b` name the same file (links resolved); false when either does not exist. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
