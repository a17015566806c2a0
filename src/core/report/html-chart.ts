/**
 * The report page's chart of reviews due per month: an SVG bar chart drawn here (a dozen bars do
 * not need a chart library), with a text alternative and the same numbers in a table beside it.
 */
import type { ReportSummary } from './model.js';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

interface Bar { label: string; short: string; sops: number; overdue: boolean }

function barsOf(summary: ReportSummary): Bar[] {
  return [
    { label: 'Overdue', short: 'Overdue', sops: summary.overdue, overdue: true },
    ...summary.reviewsByMonth.map((m) => ({ label: monthLabel(m.month), short: MONTH_NAMES[Number(m.month.slice(5, 7)) - 1], sops: m.sops, overdue: false })),
  ];
}

const WIDTH = 760;
const HEIGHT = 240;
const TOP = 24;
const BOTTOM = 44;
const LEFT = 8;

export function reviewChartSvg(summary: ReportSummary): string {
  const bars = barsOf(summary);
  const max = Math.max(1, ...bars.map((b) => b.sops));
  const slot = (WIDTH - LEFT * 2) / bars.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const description = bars.map((b) => `${b.label}: ${b.sops}`).join('; ');
  const parts = bars.map((bar, i) => {
    const height = Math.round((bar.sops / max) * plot);
    const x = Math.round(LEFT + i * slot + slot * 0.15);
    const width = Math.round(slot * 0.7);
    const y = TOP + plot - height;
    const centre = Math.round(LEFT + i * slot + slot / 2);
    const year = i === 1 || bar.short === 'Jan' ? `<text class="chart-axis" x="${centre}" y="${HEIGHT - 8}" text-anchor="middle">${bar.label.slice(4)}</text>` : '';
    return `<rect class="${bar.overdue ? 'bar bar-overdue' : 'bar'}" x="${x}" y="${y}" width="${width}" height="${Math.max(height, bar.sops ? 1 : 0)}"></rect>`
      + `<text class="chart-value" x="${centre}" y="${y - 6}" text-anchor="middle">${bar.sops}</text>`
      + `<text class="chart-axis" x="${centre}" y="${HEIGHT - 24}" text-anchor="middle">${bar.short}</text>${year}`;
  });
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" focusable="false">`
    + `<title id="chart-title">Reviews due per month</title><desc id="chart-desc">${description}</desc>`
    + `<line class="chart-baseline" x1="${LEFT}" x2="${WIDTH - LEFT}" y1="${TOP + plot + 0.5}" y2="${TOP + plot + 0.5}"></line>${parts.join('')}</svg>`;
}

/** The chart's numbers as a table, for reading and for assistive technology. */
export function reviewChartTable(summary: ReportSummary): string {
  const rows = barsOf(summary).map((b) => `<tr><th scope="row">${b.label}</th><td class="num">${b.sops}</td></tr>`).join('');
  const later = `<tr><th scope="row">Later</th><td class="num">${summary.reviewsLater}</td></tr>`;
  return `<table class="compact"><caption>Reviews due per month</caption><thead><tr><th scope="col">Month</th><th scope="col" class="num">SOPs</th></tr></thead><tbody>${rows}${later}</tbody></table>`;
}
