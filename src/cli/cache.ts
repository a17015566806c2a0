/**
 * `--cache`: remembers each file's lint outcome under a hash of its content and of everything
 * else that decides the outcome (the configs and team schemas read, the options, the review
 * clock and the sopkit version), so an unchanged file is not even parsed on the next run. Every
 * file is read and hashed on every run: size and modification time alone miss an edit that
 * keeps both (a tool that restores mtimes, or two saves within the clock's resolution).
 *
 * The cache file is data sopkit wrote, but it sits where anyone could have put anything: an entry
 * of the wrong shape is ignored (and rebuilt), and the file is only ever replaced when what is at
 * its path is a sopkit cache (or nothing, or empty) — never a link, never one of the linted files.
 *
 * It is also signed: an HMAC under a key kept in the user's sopkit folder (`$SOPKIT_CACHE`, else
 * ~/.cache/sopkit), never in the repository. A cache committed to a repository, or planted by a
 * pull request, would otherwise let it declare any broken file clean; its entries are not trusted
 * unless this machine's key signed them.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { LintOptions } from '../core/index.js';
import type { LintOutcome } from './results.js';
import { lstatOrUndefined, outputFolderRefusal, readRegular, writeOutputFile } from './safe-fs.js';

interface Entry { content: string; settings: string; outcome: LintOutcome }
interface CacheFile { sopkit: string; mac: string; entries: Record<string, Entry> }

export const DEFAULT_CACHE_NAME = '.sopkit-cache';
/** A cache of 100,000 files is about 40 MB; anything far beyond that is not ours. */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
/** How every cache sopkit writes begins (JSON.stringify of CacheFile, `sopkit` first). */
const CACHE_START = '{"sopkit":';
const KEY_BYTES = 32;

/** The folder of the key that signs caches: the user's, never the repository's. */
export function cacheKeyFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env.SOPKIT_CACHE ? resolve(env.SOPKIT_CACHE) : join(env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache'), 'sopkit');
}

/** This user's signing key, created on first use (readable by the user alone), or why there is none. */
export function cacheKey(folder = cacheKeyFolder()): Buffer | { reason: string } {
  const path = join(folder, 'cache-key');
  for (let attempt = 0; attempt < 2; attempt++) {
    const read = readRegular(path, 1024, '1 KB');
    if (!('reason' in read)) return read.bytes.length === KEY_BYTES ? read.bytes : { reason: `${path} is not a sopkit cache key` };
    if (read.code !== 'ENOENT') return { reason: `no key could be kept in ${folder} (${read.code ?? read.reason})` };
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
      try { writeSync(fd, randomBytes(KEY_BYTES)); } finally { closeSync(fd); }
    } catch (error) {
      // Another sopkit created it at the same moment: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { reason: `no key could be kept in ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
  }
  return { reason: `${path} could not be read back` };
}

const macOf = (key: Buffer, entries: string) => createHmac('sha256', key).update(entries).digest('hex');

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The part of a cache key that is shared by every file with the same configuration. */
export function settingsKey(options: LintOptions, sources: { path: string; text: string }[], fix: boolean): string {
  const { teamSchema, ...rest } = options;
  return hashText(JSON.stringify({ rest, teamSchema: teamSchema?.path ?? null, sources: sources.map((s) => [s.path, hashText(s.text)]), fix }));
}

/** `--cache-location` may name a file or a folder (existing, or written with a trailing slash). */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (!location) return resolve(cwd, DEFAULT_CACHE_NAME);
  const path = resolve(cwd, location);
  let isDir = /[\\/]$/.test(location);
  try { isDir ||= statSync(path).isDirectory(); } catch { /* a file to create */ }
  return isDir ? join(path, DEFAULT_CACHE_NAME) : path;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const isText = (v: unknown) => typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** True when a stored outcome has the shape the formatters rely on. */
function isOutcome(value: unknown): value is LintOutcome {
  const o = value as LintOutcome;
  return !!o && typeof o === 'object' && isText(o.format) && (o.formatSource === 'frontmatter' || o.formatSource === 'inferred') && isText(o.formatReason)
    && Array.isArray(o.messages) && o.messages.every((m) => !!m && typeof m === 'object' && isText(m.ruleId) && SEVERITIES.has(m.severity) && isText(m.message)
      && isCount(m.line) && isCount(m.column) && isCount(m.endLine) && isCount(m.endColumn) && typeof m.fixable === 'boolean' && (m.url === undefined || isText(m.url)));
}

export class LintCache {
  private entries: Record<string, Entry> = Object.create(null);
  private dirty = false;
  hits = 0;
  misses = 0;

  /** False when the cache file held entries this machine's key did not sign (they were ignored). */
  trusted = true;

  /** `cwd` decides the workspace the cache must be written in (see safe-fs.ts); `key` signs it. */
  constructor(readonly path: string, private readonly version: string, private readonly cwd: string, private readonly key: Buffer) {
    const at = lstatOrUndefined(path);
    if (!at?.isFile()) return; // nothing yet; a link or anything else is never read
    const read = readRegular(path, MAX_CACHE_BYTES, '512 MB');
    if ('reason' in read) return;
    try {
      const data = JSON.parse(read.bytes.toString('utf8')) as CacheFile;
      // Another sopkit version may lint differently: start afresh.
      if (!data || data.sopkit !== version || !data.entries || typeof data.entries !== 'object' || Array.isArray(data.entries)) return;
      const expected = Buffer.from(macOf(key, JSON.stringify(data.entries)));
      const given = Buffer.from(typeof data.mac === 'string' ? data.mac : '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) { this.trusted = false; return; }
      Object.assign(this.entries, data.entries);
    } catch { /* corrupt: start afresh */ }
  }

  get(file: string, content: string, settings: string): LintOutcome | undefined {
    const entry = this.entries[file];
    const hit = entry && typeof entry === 'object' && entry.content === content && entry.settings === settings && isOutcome(entry.outcome) ? entry.outcome : undefined;
    if (hit) this.hits++; else this.misses++;
    return hit;
  }

  set(file: string, content: string, settings: string, outcome: LintOutcome): void {
    const { fixedText: _fixed, fixesApplied: _applied, unfixed: _unfixed, ...stored } = outcome;
    this.entries[file] = { content, settings, outcome: stored };
    this.dirty = true;
  }

  /**
   * Writes the cache (atomically). Refuses, with the reason, when its path holds anything but a
   * sopkit cache or an empty file, or is one of `linted` (real paths of the files linted).
   */
  save(isLinted: (path: string) => boolean): string | undefined {
    if (!this.dirty) return undefined;
    // Checked before creating the missing folders too: mkdir would follow the link.
    const outside = outputFolderRefusal(this.path, this.cwd);
    if (outside) return outside;
    mkdirSync(dirname(this.path), { recursive: true });
    const entries = JSON.stringify(this.entries);
    const bytes = Buffer.from(`${CACHE_START}${JSON.stringify(this.version)},"mac":${JSON.stringify(macOf(this.key, entries))},"entries":${entries}}`);
    const written = writeOutputFile(this.path, bytes, this.cwd, (existing) => {
      if (isLinted(this.path)) return 'it is one of the files being linted';
      if (existing.size === 0) return null;
      const read = readRegular(this.path, MAX_CACHE_BYTES, '512 MB');
      if ('reason' in read) return read.reason;
      return read.bytes.subarray(0, CACHE_START.length).toString('latin1') === CACHE_START ? null : 'it is not a sopkit cache; not overwritten';
    });
    if ('reason' in written) return written.reason;
    this.dirty = false;
    return undefined;
  }
}
