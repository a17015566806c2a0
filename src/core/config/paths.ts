/**
 * Path helpers for the pure core. Config discovery runs in Node (CLI), in the extension host and
 * in a browser worker (vscode.dev), so `node:path` is not available; every path here uses forward
 * slashes, and Windows drive letters (`C:/`) are kept as the root.
 */

/** Turns backslashes into slashes and removes `.`/`..` segments and doubled slashes. */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const rootMatch = /^([A-Za-z]:)?\//.exec(slashed);
  const root = rootMatch ? rootMatch[0] : '';
  const parts: string[] = [];
  for (const part of slashed.slice(root.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !root) parts.push(part);
  }
  return root + parts.join('/') || (root ? root : '.');
}

export function isAbsolutePath(path: string): boolean {
  return /^([A-Za-z]:)?[\\/]/.test(path);
}

/** The folder that holds `path` (the root stays the root). */
export function dirname(path: string): string {
  const normal = normalizePath(path);
  const cut = normal.lastIndexOf('/');
  if (cut < 0) return '.';
  const root = /^([A-Za-z]:)?\//.exec(normal)?.[0] ?? '';
  return cut < root.length ? root : normal.slice(0, cut) || root;
}

export function basename(path: string): string {
  const normal = normalizePath(path);
  return normal.slice(normal.lastIndexOf('/') + 1);
}

/** `target` resolved against the folder `base` (absolute targets win). */
export function resolvePath(base: string, target: string): string {
  return normalizePath(isAbsolutePath(target) ? target : `${base}/${target}`);
}

/** `to` relative to the folder `from`, with `..` when it lies outside; both must be absolute. */
export function relativePath(from: string, to: string): string {
  const a = normalizePath(from).split('/').filter(Boolean);
  const b = normalizePath(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

/** True when `path` is `folder` itself or lies somewhere below it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relativePath(folder, path);
  return rel === '' || (!rel.startsWith('../') && rel !== '..' && !isAbsolutePath(rel));
}

/** A `file://` URI for an absolute path: the base Ajv resolves a team schema's relative `$ref`s against. */
export function fileUri(path: string): string {
  const normal = normalizePath(path);
  return `file://${normal.startsWith('/') ? '' : '/'}${normal.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':')}`;
}
