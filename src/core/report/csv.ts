/**
 * `--format csv`: one row per SOP, RFC 4180 (CRLF line ends; a field holding a comma, quote or
 * line break is quoted, its quotes doubled). A cell that starts with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, so a spreadsheet shows a title such as "=HYPERLINK(…)" as
 * text instead of running it as a formula.
 */
import { wellFormed } from '../display.js';
import { cellText, REPORT_COLUMNS } from './columns.js';
import type { LibraryReport } from './model.js';

export const CSV_HEADER = [...REPORT_COLUMNS.map((c) => c.csv), 'unresolved_references'].join(',');

export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(report: LibraryReport): string {
  const lines = [CSV_HEADER];
  for (const row of report.rows) {
    const cells = REPORT_COLUMNS.map((column) => (column.kind === 'flag' ? (row.overdue ? 'yes' : 'no') : cellText(row, column)));
    lines.push([...cells, String(row.unresolvedReferences)].map((cell) => csvField(wellFormed(cell))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
