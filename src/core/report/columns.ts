/** The report's columns, in order, as every format names them. */
import type { ReportRow } from './model.js';

export interface ReportColumn {
  key: keyof ReportRow;
  /** Heading in Markdown and HTML. */
  label: string;
  /** Header in CSV. */
  csv: string;
  kind: 'text' | 'date' | 'number' | 'flag';
}

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { key: 'id', label: 'ID', csv: 'id', kind: 'text' },
  { key: 'title', label: 'Title', csv: 'title', kind: 'text' },
  { key: 'file', label: 'File', csv: 'file', kind: 'text' },
  { key: 'format', label: 'Format', csv: 'format', kind: 'text' },
  { key: 'owner', label: 'Owner', csv: 'owner', kind: 'text' },
  { key: 'status', label: 'Status', csv: 'status', kind: 'text' },
  { key: 'version', label: 'Version', csv: 'version', kind: 'text' },
  { key: 'effective', label: 'Effective', csv: 'effective', kind: 'date' },
  { key: 'lastReviewed', label: 'Last reviewed', csv: 'last_reviewed', kind: 'date' },
  { key: 'nextReview', label: 'Next review', csv: 'next_review', kind: 'date' },
  { key: 'overdue', label: 'Overdue', csv: 'overdue', kind: 'flag' },
  { key: 'errors', label: 'Errors', csv: 'errors', kind: 'number' },
  { key: 'warnings', label: 'Warnings', csv: 'warnings', kind: 'number' },
];

/** A cell as plain text: '' for nothing, "yes" / "" for a flag. */
export function cellText(row: ReportRow, column: ReportColumn): string {
  const value = row[column.key];
  if (column.kind === 'flag') return value ? 'yes' : '';
  return value === null || value === undefined ? '' : String(value);
}
