/**
 * For `sopkit render`: local images become data: URLs so the HTML file stands on its own (it can
 * be mailed or printed anywhere). A hostile repository must not be able to make a CI job publish
 * other files this way, so an image is embedded only when:
 * - its path is relative and decodes cleanly (a malformed `%` escape is skipped with a warning);
 * - its real path (links resolved) is a regular file inside the document's repository (outside a
 *   repository: the folder sopkit runs in, or the document's own folder);
 * - it is at most 5 MB, counted while reading (stat sizes lie for devices and /proc);
 * - its first bytes are those of the image type its name claims.
 * Anything else is left to the renderer, which shows a placeholder instead.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { readInside, resolveInside, workspaceRoot } from './safe-fs.js';

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
};
const MAX_BYTES = 5 * 1024 * 1024;

/** True when `bytes` begin the way a file of this MIME type does. */
export function looksLike(type: string, bytes: Buffer): boolean {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  switch (type) {
    case 'image/png': return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg': return starts(0xff, 0xd8, 0xff);
    case 'image/gif': return bytes.subarray(0, 6).toString('latin1') === 'GIF87a' || bytes.subarray(0, 6).toString('latin1') === 'GIF89a';
    case 'image/webp': return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'image/svg+xml': {
      // Text, optionally after a BOM, an XML declaration, comments or a doctype, with an <svg element.
      const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\ufeff/, '');
      return /^\s*</.test(head) && /<svg[\s>]/i.test(head) && !head.includes('\0');
    }
    default: return false;
  }
}

export function embeddingImageResolver(sopPath: string, cwd: string, warn: (line: string) => void = () => {}): (url: string) => string | undefined {
  const root = workspaceRoot(sopPath, cwd);
  // The document's own real folder: a linked SOP resolves its images where its text lies.
  const real = resolveInside(sopPath, root);
  const base = dirname('real' in real && typeof real.real === 'string' ? real.real : sopPath);
  return (url) => {
    let path: string;
    try {
      path = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
    } catch {
      warn(`image '${url}' not embedded: its path has a malformed % escape`);
      return undefined;
    }
    if (!path || isAbsolute(path) || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.includes('\0')) return undefined;
    const type = TYPES[path.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) return undefined;
    const read = readInside(resolve(base, path), root, MAX_BYTES, '5 MB');
    if ('reason' in read) {
      if (read.code !== 'ENOENT') warn(`image '${url}' not embedded: ${read.reason.replace(/; not read$/, '')}`);
      return undefined;
    }
    if (!looksLike(type, read.bytes)) {
      warn(`image '${url}' not embedded: it is not a ${type.slice(6).replace('+xml', '')} file (its first bytes say otherwise)`);
      return undefined;
    }
    return `data:${type};base64,${read.bytes.toString('base64')}`;
  };
}
