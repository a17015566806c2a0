/**
 * `--format html`: one self-contained page (no request at view time: the style, the script and
 * the chart are inline, allowed by a Content-Security-Policy nonce) with the summary, a chart of
 * reviews due per month, and a table of every SOP that sorts by any column and filters by text,
 * status and overdue. Every value from a document is escaped; no handler is written inline.
 */
import { escapeHtml } from '../display.js';
import { createNonce } from '../render/standalone.js';
import { cellText, REPORT_COLUMNS } from './columns.js';
import { reviewChartSvg, reviewChartTable } from './html-chart.js';
import { REPORT_CSS, REPORT_SCRIPT } from './html-assets.js';
import type { LibraryReport, ReportRow, ReportSummary } from './model.js';

/** In the head of every HTML report: how `-o` knows a file it may replace. */
export const HTML_REPORT_MARK = '<meta name="generator" content="sopkit report">';

const NO_STATUS = '(none)';


export function reportCsp(nonce: string): string {
  return [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src data:`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

function tiles(summary: ReportSummary): string {
  const tile = (label: string, value: number, bad = false) => `<div${bad && value > 0 ? ' class="bad"' : ''}><dt>${label}</dt><dd>${value}</dd></div>`;
  return `<dl class="tiles">${[
    tile('SOPs', summary.sops), tile('Overdue for review', summary.overdue, true), tile('Due within 30 days', summary.dueWithin30Days),
    tile('Due within 90 days', summary.dueWithin90Days), tile('Unresolved references', summary.unresolvedReferences, true),
    tile('Errors', summary.errors, true), tile('Warnings', summary.warnings),
  ].join('')}</dl>`;
}

function summaryTables(summary: ReportSummary): string {
  const statusRows = summary.byStatus.map((s) => `<tr><th scope="row">${escapeHtml(s.status ?? NO_STATUS)}</th><td class="num">${s.sops}</td></tr>`).join('');
  const ownerRows = summary.byOwner.map((o) => `<tr><th scope="row">${escapeHtml(o.owner ?? '(no owner)')}</th>${[o.sops, o.overdue, o.dueWithin30Days, o.dueWithin90Days].map((n) => `<td class="num">${n}</td>`).join('')}</tr>`).join('');
  return `<div class="columns">`
    + `<table><caption>SOPs by status</caption><thead><tr><th scope="col">Status</th><th scope="col" class="num">SOPs</th></tr></thead><tbody>${statusRows}</tbody></table>`
    + `<table><caption>Reviews by owner</caption><thead><tr><th scope="col">Owner</th><th scope="col" class="num">SOPs</th><th scope="col" class="num">Overdue</th><th scope="col" class="num">Due within 30 days</th><th scope="col" class="num">Due within 90 days</th></tr></thead><tbody>${ownerRows}</tbody></table>`
    + `</div>`;
}

function filterControls(summary: ReportSummary): string {
  const options = summary.byStatus.map((s) => `<option value="${escapeHtml(s.status ?? NO_STATUS)}">${escapeHtml(s.status ?? NO_STATUS)}</option>`).join('');
  // Hidden until the script runs: without it they would do nothing.
  return `<div class="filters" id="filters" hidden>`
    + `<label for="filter-text">Filter</label><input type="search" id="filter-text" autocomplete="off">`
    + `<label for="filter-status">Status</label><select id="filter-status"><option value="">All</option>${options}</select>`
    + `<label><input type="checkbox" id="filter-overdue"> Overdue only</label>`
    + `<p id="shown" role="status" aria-live="polite"></p></div>`;
}

function sopRow(row: ReportRow, index: number): string {
  const cells = REPORT_COLUMNS.map((column) => {
    const text = cellText(row, column);
    const classes = [
      column.kind === 'number' ? 'num' : '', column.key === 'file' ? 'file' : '', column.kind === 'date' || column.key === 'id' ? 'nowrap' : '',
      column.key === 'overdue' && row.overdue ? 'overdue' : '',
    ].filter(Boolean).join(' ');
    const sort = column.kind === 'flag' ? ` data-sort="${row.overdue ? '1' : ''}"` : '';
    const tag = column.key === 'file' ? 'th scope="row"' : 'td';
    return `<${tag}${classes ? ` class="${classes}"` : ''}${sort}>${escapeHtml(text)}</${tag === 'td' ? 'td' : 'th'}>`;
  });
  return `<tr data-index="${index}" data-status="${escapeHtml(row.status ?? NO_STATUS)}" data-overdue="${row.overdue ? 'yes' : 'no'}">${cells.join('')}</tr>`;
}

function sopTable(report: LibraryReport): string {
  const headers = REPORT_COLUMNS.map((c) => `<th scope="col" data-kind="${c.kind}"${c.key === 'file' ? ' aria-sort="ascending"' : ''}${c.kind === 'number' ? ' class="num"' : ''}><button type="button">${c.label}</button></th>`).join('');
  return `<div class="table-wrap" role="region" aria-labelledby="sops-caption" tabindex="0"><table id="sops"><caption id="sops-caption">${report.rows.length} SOPs (select a column heading to sort)</caption>`
    + `<thead><tr>${headers}</tr></thead><tbody>${report.rows.map(sopRow).join('')}</tbody></table></div>`;
}

export function reportHtml(report: LibraryReport, nonce = createNonce()): string {
  const { summary } = report;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${HTML_REPORT_MARK}
<title>SOP library report</title>
<style nonce="${nonce}">${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>SOP library report</h1>
<p class="meta">As of ${escapeHtml(report.today)}</p>
<section aria-labelledby="summary-heading"><h2 id="summary-heading">Summary</h2>${tiles(summary)}${summaryTables(summary)}</section>
<section aria-labelledby="chart-heading"><h2 id="chart-heading">Reviews due per month</h2>${reviewChartSvg(summary)}
<details><summary>Chart data</summary>${reviewChartTable(summary)}</details></section>
<section aria-labelledby="sops-heading"><h2 id="sops-heading">SOPs</h2>${filterControls(summary)}${sopTable(report)}</section>
<footer>${escapeHtml(report.generator)}</footer>
</main>
<script nonce="${nonce}">${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
