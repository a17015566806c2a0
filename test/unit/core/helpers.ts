import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures/rules');
/** Every fixture is linted on this clock, so review dates are stable. */
export const TODAY = '2026-11-23';

export function fixtureFiles(ruleId: string): { ok: string[]; notOk: string[] } {
  const dir = join(FIXTURES, ruleId);
  let files: string[] = [];
  try { files = readdirSync(dir).filter((f) => f.endsWith('.md')); } catch { /* the meta-test reports missing folders */ }
  return { ok: files.filter((f) => f.startsWith('ok')).map((f) => join(dir, f)), notOk: files.filter((f) => f.startsWith('not-ok')).map((f) => join(dir, f)) };
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Every Markdown file below a fixture folder but its base/ folder: the library its fixtures are linted in. */
export function fixtureLibraryFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'base') out.push(...fixtureLibraryFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}
