/**
 * `--cache`: remembers each file's lint outcome under a hash of its content and of everything
 * else that decides the outcome (the configs and team schemas read, the options, the review
 * clock and the sopkit version), so an unchanged file is not even parsed on the next run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LintOptions } from '../core/index.js';
import type { LintOutcome } from './results.js';

/** Size and modification time: when both are unchanged the content is assumed unchanged. */
export interface FileStamp { size: number; mtimeMs: number }
interface Entry { content: string; stamp?: FileStamp; settings: string; outcome: LintOutcome }
interface CacheFile { sopkit: string; entries: Record<string, Entry> }

export const DEFAULT_CACHE_NAME = '.sopkit-cache';

export function fileStamp(path: string): FileStamp | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

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

export class LintCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(readonly path: string, private readonly version: string) {
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      // Another sopkit version may lint differently: start afresh.
      if (data && data.sopkit === version && data.entries && typeof data.entries === 'object') this.entries = data.entries;
    } catch { /* no cache yet, or unreadable: start afresh */ }
  }

  get(file: string, content: string, settings: string): LintOutcome | undefined {
    const entry = this.entries[file];
    const hit = entry && entry.content === content && entry.settings === settings ? entry.outcome : undefined;
    if (hit) this.hits++; else this.misses++;
    return hit;
  }

  /** A hit without reading the file: same size, same modification time, same settings. */
  getByStamp(file: string, stamp: FileStamp, settings: string): LintOutcome | undefined {
    const entry = this.entries[file];
    if (entry && entry.stamp && entry.settings === settings && entry.stamp.size === stamp.size && entry.stamp.mtimeMs === stamp.mtimeMs) {
      this.hits++;
      return entry.outcome;
    }
    return undefined;
  }

  set(file: string, content: string, stamp: FileStamp | undefined, settings: string, outcome: LintOutcome): void {
    const { fixedText: _fixed, fixesApplied: _applied, ...stored } = outcome;
    this.entries[file] = { content, stamp, settings, outcome: stored };
    this.dirty = true;
  }

  /** Writes the cache; a failure to write is reported by the caller, never fatal. */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, JSON.stringify({ sopkit: this.version, entries: this.entries } satisfies CacheFile));
    this.dirty = false;
  }
}
