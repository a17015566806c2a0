/** The library report stage: rows and summary (model.ts, summary.ts) and its four formats. */
import { CSV_HEADER, reportCsv } from './csv.js';
import { HTML_REPORT_MARK, reportHtml } from './html.js';
import { reportJson } from './json.js';
import { MARKDOWN_REPORT_MARK, reportMarkdown } from './markdown.js';
import type { LibraryReport } from './model.js';

export { reportRow, REFERENCE_RULE_ID, type LibraryReport, type OwnerSummary, type ReportRow, type ReportSummary } from './model.js';
export { buildReport } from './summary.js';

export const REPORT_FORMATS = ['markdown', 'json', 'html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const RENDERERS: Record<ReportFormat, (report: LibraryReport) => string> = {
  markdown: reportMarkdown,
  json: reportJson,
  html: (report) => reportHtml(report),
  csv: reportCsv,
};

export function renderReport(report: LibraryReport, format: ReportFormat): string {
  return RENDERERS[format](report);
}

/** True when `text` (the start of a file) is a report sopkit wrote, in any format: `-o` may replace it. */
export function isSopkitReport(text: string): boolean {
  const head = text.replace(/^\ufeff/, '').slice(0, 4096);
  return head.startsWith(`${MARKDOWN_REPORT_MARK}\n`)
    || head.startsWith(`${CSV_HEADER}\r\n`)
    || /^\{\s*"report": "sopkit",/.test(head)
    || (/^<!doctype html>/i.test(head) && head.includes(HTML_REPORT_MARK));
}
