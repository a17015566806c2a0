#!/usr/bin/env node
/**
 * Regenerates the rule tables (README.md and docs/rules/README.md) from the rule registry.
 *   node scripts/gen-rule-table.mjs          rewrite the blocks between <!-- rules:start/end -->
 *   node scripts/gen-rule-table.mjs --check  exit 1 if a block is stale (nothing written)
 * The registry is TypeScript, so the renderer is loaded through tsx.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { renderRuleTable, replaceBlock, currentBlock, TABLE_FILES } = await tsImport('../test/unit/docs/rule-table.ts', import.meta.url);
const check = process.argv.includes('--check');

let stale = 0;
for (const { path, linkBase } of TABLE_FILES) {
  const file = join(root, path);
  const text = readFileSync(file, 'utf8');
  const table = renderRuleTable(linkBase);
  if (currentBlock(text) === table) continue;
  stale++;
  if (check) {
    console.error(`${path}: the rule table is out of date; run node scripts/gen-rule-table.mjs`);
  } else {
    writeFileSync(file, replaceBlock(text, table));
    console.log(`${path}: rule table updated`);
  }
}
if (check && stale) process.exitCode = 1;
if (!stale) console.log('rule tables are up to date');
