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
