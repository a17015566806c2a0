import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rules } from '../../../src/core/lint/rules/index.js';
import { END_MARKER, REFRESH_COMMAND, START_MARKER, TABLE_FILES, currentBlock, renderRuleTable, replaceBlock } from './rule-table.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('rule table', () => {
  for (const { path, linkBase } of TABLE_FILES) {
    it(`${path} lists the registry's rules as they are now`, () => {
      const text = readFileSync(join(root, path), 'utf8');
      const block = currentBlock(text);
      assert.ok(block !== undefined, `${path} needs '${START_MARKER}' and '${END_MARKER}' around the rule table`);
      assert.equal(block, renderRuleTable(linkBase), `${path}: the rule table is stale; run \`${REFRESH_COMMAND}\` to refresh it`);
    });
  }

  it('has one row per rule with its id, link, default severity and fixability', () => {
    const rows = renderRuleTable().split('\n').slice(2);
    assert.equal(rows.length, rules.length);
    rules.forEach((rule, i) => {
      const cells = rows[i].split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
      assert.deepEqual(cells.slice(0, 3), [`[${rule.id}](docs/rules/${rule.id}.md)`, rule.defaultSeverity, rule.fixable ? 'yes' : 'no']);
      assert.equal(cells[3].replace(/\\\|/g, '|'), rule.description);
    });
  });

  it('replaces only the block between the markers and keeps line endings', () => {
    const before = `# Title\r\n\r\n${START_MARKER}\r\nold table\r\n${END_MARKER}\r\n\r\nafter\r\n`;
    const after = replaceBlock(before, 'a\nb');
    assert.equal(after, `# Title\r\n\r\n${START_MARKER}\r\na\r\nb\r\n${END_MARKER}\r\n\r\nafter\r\n`);
    assert.equal(currentBlock(after), 'a\r\nb');
    assert.throws(() => replaceBlock('no markers', 'x'), /missing/);
  });
});
