/**
 * `--format markdown`: fits a pull-request comment or a GitHub job summary. Text from documents
 * is escaped so that it can neither break the tables (pipes, line breaks) nor become markup, and
 * "@name" and "#123" are broken with a zero-width space so a report never notifies people or
 * cross-references issues.
 */
import { wellFormed } from '../display.js';
import { cellText, REPORT_COLUMNS } from './columns.js';
import type { LibraryReport, ReportSummary } from './model.js';

/** The first line of every Markdown report: how `-o` knows a file it may replace. */
export const MARKDOWN_REPORT_MARK = '<!-- sopkit report -->';

/** More rows than this go into a collapsed <details> block. */
const OPEN_ROWS = 50;

export function markdownCell(text: string): string {
  return wellFormed(text)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>!&~|$]/g, (c) => `\\${c}`)
    .replace(/(^|[^\w])@(?=\w)/g, '$1@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .trim();
}

function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`),
  ];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function headline(summary: ReportSummary, today: string): string {
  return [
    plural(summary.sops, 'SOP'),
    `${summary.overdue} overdue for review`,
    `${summary.dueWithin30Days} due within 30 days`,
    `${summary.dueWithin90Days} within 90 days`,
    plural(summary.unresolvedReferences, 'unresolved reference'),
    `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`,
  ].join(' · ') + ` (as of ${today})`;
}

function summaryTables(summary: ReportSummary): string[] {
  const status = table(['Status', 'SOPs'], summary.byStatus.map((s) => [s.status === null ? '*(none)*' : markdownCell(s.status), String(s.sops)]), [false, true]);
  const owners = table(['Owner', 'SOPs', 'Overdue', 'Due within 30 days', 'Due within 90 days'],
    summary.byOwner.map((o) => [o.owner === null ? '*(no owner)*' : markdownCell(o.owner), String(o.sops), String(o.overdue), String(o.dueWithin30Days), String(o.dueWithin90Days)]),
    [false, true, true, true, true]);
  return ['### By status', '', ...status, '', '### Reviews by owner', '', ...owners, ''];
}

function sopTable(report: LibraryReport): string[] {
  const rows = report.rows.map((row) => REPORT_COLUMNS.map((column) => {
    const text = markdownCell(cellText(row, column));
    return column.key === 'overdue' && row.overdue ? `**${text}**` : text;
  }));
  const lines = table(REPORT_COLUMNS.map((c) => c.label), rows, REPORT_COLUMNS.map((c) => c.kind === 'number'));
  if (report.rows.length <= OPEN_ROWS) return ['### SOPs', '', ...lines, ''];
  return ['### SOPs', '', `<details><summary>All ${report.rows.length} SOPs</summary>`, '', ...lines, '', '</details>', ''];
}

export function reportMarkdown(report: LibraryReport): string {
  const lines = [MARKDOWN_REPORT_MARK, '## SOP library report', '', headline(report.summary, report.today), ''];
  if (report.rows.length === 0) return `${[...lines, 'No SOPs found.', ''].join('\n')}`;
  lines.push(...summaryTables(report.summary), ...sopTable(report), `*${markdownCell(report.generator)}*`, '');
  return lines.join('\n');
}
