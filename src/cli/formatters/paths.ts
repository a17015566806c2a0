import { relative, sep } from 'node:path';

/** A path as people (and GitHub annotations) want it: relative to the working folder, with slashes. */
export function displayPath(filePath: string, cwd: string): string {
  const rel = relative(cwd, filePath);
  return (rel && !rel.startsWith('..') ? rel : filePath).split(sep).join('/');
}
