/**
 * For `sopkit render`: local images become data: URLs so the HTML file stands on its own (it can
 * be mailed or printed anywhere). Only relative paths to image files under 5 MB are read;
 * anything else is left to the renderer, which shows a placeholder instead.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
};
const MAX_BYTES = 5 * 1024 * 1024;

export function embeddingImageResolver(sopPath: string): (url: string) => string | undefined {
  const base = dirname(sopPath);
  return (url) => {
    const path = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
    if (!path || isAbsolute(path) || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
    const type = TYPES[path.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) return undefined;
    try {
      const file = resolve(base, path);
      if (statSync(file).size > MAX_BYTES) return undefined;
      return `data:${type};base64,${readFileSync(file).toString('base64')}`;
    } catch {
      return undefined;
    }
  };
}
