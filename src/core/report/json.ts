/**
 * `--format json`: the report for scripts. The shape is documented in docs/report.md and only
 * grows: `schemaVersion` changes when a field changes meaning or goes away.
 */
import type { LibraryReport } from './model.js';

export const REPORT_JSON_SCHEMA_VERSION = 1;

export function reportJson(report: LibraryReport): string {
  return `${JSON.stringify({
    report: 'sopkit',
    schemaVersion: REPORT_JSON_SCHEMA_VERSION,
    generator: report.generator,
    today: report.today,
    summary: report.summary,
    sops: report.rows,
  }, null, 2)}\n`;
}
