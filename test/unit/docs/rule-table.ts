/**
 * The rule table in README.md and docs/rules/README.md, rendered from the rule registry so the
 * docs can never list a rule, severity or fix that the code does not have.
 * Used by scripts/gen-rule-table.mjs (writes) and rule-table.test.ts (checks).
 */
import { rules } from '../../../src/core/lint/rules/index.js';

export const START_MARKER = '<!-- rules:start -->';
export const END_MARKER = '<!-- rules:end -->';
export const REFRESH_COMMAND = 'node scripts/gen-rule-table.mjs';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** `linkBase` is where the rule pages live relative to the file the table goes in. */
export function renderRuleTable(linkBase = 'docs/rules/'): string {
  const lines = [
    '| Rule | Default | Fixable | What it checks |',
    '| --- | --- | --- | --- |',
    ...rules.map((rule) => `| [${rule.id}](${linkBase}${rule.id}.md) | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} | ${cell(rule.description)} |`),
  ];
  return lines.join('\n');
}

/** The text between the markers, or undefined when a marker is missing or out of order. */
export function currentBlock(text: string): string | undefined {
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start < 0 || end < start) return undefined;
  return text.slice(start + START_MARKER.length, end).trim();
}

/** `text` with the block between the markers replaced by `table` (markers kept). */
export function replaceBlock(text: string, table: string): string {
  const start = text.indexOf(START_MARKER);
  const end = text.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`missing '${START_MARKER}' … '${END_MARKER}' markers`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `${text.slice(0, start + START_MARKER.length)}${eol}${table.replace(/\n/g, eol)}${eol}${text.slice(end)}`;
}

/** The files that carry a generated rule table, and the link base each one needs. */
export const TABLE_FILES: { path: string; linkBase: string }[] = [
  { path: 'README.md', linkBase: 'docs/rules/' },
  { path: 'docs/rules/README.md', linkBase: './' },
];
