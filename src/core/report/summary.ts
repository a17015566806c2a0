/** The report's summary: counts by status, reviews due by owner and by month, problem totals. */
import { addInterval } from '../dates.js';
import type { LibraryReport, OwnerSummary, ReportRow, ReportSummary, StatusCount } from './model.js';

/** The life-cycle order of the schema's statuses; others follow by name, then SOPs without one. */
const STATUS_ORDER = ['draft', 'review', 'approved', 'retired'];

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function statusCounts(rows: ReportRow[]): StatusCount[] {
  const counts = new Map<string | null, number>();
  for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  const rank = (s: string | null) => (s === null ? STATUS_ORDER.length + 1 : STATUS_ORDER.includes(s) ? STATUS_ORDER.indexOf(s) : STATUS_ORDER.length);
  return [...counts].map(([status, sops]) => ({ status, sops }))
    .sort((a, b) => rank(a.status) - rank(b.status) || byCodeUnits(a.status ?? '', b.status ?? ''));
}

const dueWithin = (row: ReportRow, days: number) => row.daysUntilReview !== null && row.daysUntilReview >= 0 && row.daysUntilReview <= days;

function ownerSummaries(rows: ReportRow[]): OwnerSummary[] {
  const owners = new Map<string | null, OwnerSummary>();
  for (const row of rows) {
    let owner = owners.get(row.owner);
    if (!owner) owners.set(row.owner, owner = { owner: row.owner, sops: 0, overdue: 0, dueWithin30Days: 0, dueWithin90Days: 0 });
    owner.sops++;
    if (row.overdue) owner.overdue++;
    if (dueWithin(row, 30)) owner.dueWithin30Days++;
    if (dueWithin(row, 90)) owner.dueWithin90Days++;
  }
  // Named owners by name, then the SOPs that name none.
  return [...owners.values()].sort((a, b) => (a.owner === null ? 1 : b.owner === null ? -1 : byCodeUnits(a.owner, b.owner)));
}

function monthlyReviews(rows: ReportRow[], today: string): Pick<ReportSummary, 'reviewsByMonth' | 'reviewsLater'> {
  const first = `${today.slice(0, 7)}-01`;
  const months = Array.from({ length: 12 }, (_, i) => addInterval(first, { amount: i, unit: 'month' }).slice(0, 7));
  const counts = new Map(months.map((m) => [m, 0]));
  let later = 0;
  for (const row of rows) {
    if (row.nextReview === null || row.overdue) continue;
    const month = row.nextReview.slice(0, 7);
    if (counts.has(month)) counts.set(month, counts.get(month)! + 1);
    else if (month > months[months.length - 1]) later++;
  }
  return { reviewsByMonth: months.map((month) => ({ month, sops: counts.get(month)! })), reviewsLater: later };
}

export function summarise(rows: ReportRow[], today: string): ReportSummary {
  const sum = (pick: (row: ReportRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  return {
    sops: rows.length,
    byStatus: statusCounts(rows),
    overdue: sum((r) => (r.overdue ? 1 : 0)),
    dueWithin30Days: sum((r) => (dueWithin(r, 30) ? 1 : 0)),
    dueWithin90Days: sum((r) => (dueWithin(r, 90) ? 1 : 0)),
    noReviewDate: sum((r) => (r.nextReview === null ? 1 : 0)),
    errors: sum((r) => r.errors),
    warnings: sum((r) => r.warnings),
    unresolvedReferences: sum((r) => r.unresolvedReferences),
    byOwner: ownerSummaries(rows),
    ...monthlyReviews(rows, today),
  };
}

/** The whole report over `rows` (in any order; the report lists them by file). */
export function buildReport(rows: ReportRow[], today: string, generator: string): LibraryReport {
  const sorted = [...rows].sort((a, b) => byCodeUnits(a.file, b.file));
  return { today, generator, summary: summarise(sorted, today), rows: sorted };
}
