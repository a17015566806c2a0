/** Reads a file for linting, refusing what is not UTF-8 text with a reason a person understands. */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export type ReadOutcome = { text: string; bom: boolean; bytes: Buffer } | { reason: string };

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
  return { text: bom ? text.slice(1) : text, bom, bytes };
}

function unreadable(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOENT' ? 'it does not exist'
      : code === 'EISDIR' ? 'it is a folder'
        : (error as Error).message;
  return { reason: `cannot be read (${why})` };
}

export function readLintableSync(path: string): ReadOutcome {
  try {
    return decodeText(readFileSync(path));
  } catch (error) {
    return unreadable(error);
  }
}

export async function readLintable(path: string): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return unreadable(error);
  }
  return decodeText(bytes);
}
