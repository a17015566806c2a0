import { clip } from '../../display.js';
import { parseDateValue } from '../../dates.js';
import { frontMatterValueRange } from './duplicate-id.js';
import type { RuleDefinition } from './rule.js';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

const sameName = (a: string, b: string) => a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();

export const approval: RuleDefinition = {
  id: 'approval',
  description: 'An approved SOP says who approved it and when (approved_by, approved_on), takes effect on or after that day, and (when configured) is approved by someone other than its owner.',
  defaultSeverity: 'error',
  fixable: false,
  check(doc, context) {
    const data = doc.frontMatter.data;
    if (!data) return;
    const approvedOn = parseDateValue(data.approved_on);
    if (data.status === 'approved') {
      const missing = [text(data.approved_by) ? '' : 'approved_by', approvedOn || 'approved_on' in data ? '' : 'approved_on'].filter(Boolean);
      if (missing.length) {
        context.report({ message: `Status is approved, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing: say who approved this version and on which day (YYYY-MM-DD)`, range: frontMatterValueRange(doc, 'status') });
      }
    }
    const effective = parseDateValue(data.effective);
    if (effective && approvedOn && effective < approvedOn) {
      context.report({ message: `effective (${effective}) is before approved_on (${approvedOn}): an SOP cannot take effect before it is approved`, range: frontMatterValueRange(doc, 'effective') });
    }
    const approver = text(data.approved_by);
    const owner = text(data.owner);
    if (context.lintOptions.approval?.independent && approver && owner && sameName(approver, owner)) {
      context.report({ message: `approved_by is the owner (${clip(owner)}); this library asks for approval by someone other than the owner (approval.independent)`, range: frontMatterValueRange(doc, 'approved_by') });
    }
  },
};
