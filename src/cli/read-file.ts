/** Reads a file for linting, refusing what is not UTF-8 text with a reason a person understands. */
import { readInside, type FsPath, type Snapshot } from './safe-fs.js';

export type ReadOutcome = { text: string; bom: boolean } | { reason: string };
export type SnapshotOutcome = { text: string; bom: boolean; snapshot: Snapshot } | { reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(bytes: Buffer): ReadOutcome {
  if (bytes[0] === 0xff && bytes[1] === 0xfe || bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { reason: 'it is UTF-16 text; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { reason: `it is a binary file (NUL byte at offset ${nul}), not Markdown text` };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { reason: 'it is not valid UTF-8 text; save it as UTF-8' };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}

/**
 * Reads a regular file of at most 32 MB whose real path lies inside `root`, as text, with what
 * it was when read (a fix replaces it only if it still is).
 */
export function readLintableSync(path: FsPath, root: string): SnapshotOutcome {
  const read = readInside(path, root);
  if ('reason' in read) return read;
  const decoded = decodeText(read.bytes);
  return 'reason' in decoded ? decoded : { ...decoded, snapshot: read.snapshot };
}

