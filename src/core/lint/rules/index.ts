/** The rule registry: one file per rule in this folder; docs in docs/rules/<id>.md; fixtures in test/fixtures/rules/<id>/. */
import { approval } from './approval.js';
import { changeControl } from './change-control.js';
import { checklistItem } from './checklist-item.js';
import { duplicateId } from './duplicate-id.js';
import { duplicateSection } from './duplicate-section.js';
import { emptySection } from './empty-section.js';
import { faqEntry } from './faq-entry.js';
import { frontmatterSchema } from './frontmatter-schema.js';
import { frontmatterYaml } from './frontmatter-yaml.js';
import { placeholder } from './placeholder.js';
import { requiredSection } from './required-section.js';
import { sopReference } from './sop-reference.js';
import { reviewOverdue } from './review-overdue.js';
import { revisionHistory } from './revision-history.js';
import { stepNumbering } from './step-numbering.js';
import { stepReference } from './step-reference.js';
import type { RuleDefinition } from './rule.js';

export type { RuleDefinition } from './rule.js';

export const rules: readonly RuleDefinition[] = [
  requiredSection,
  frontmatterYaml,
  frontmatterSchema,
  placeholder,
  reviewOverdue,
  revisionHistory,
  stepReference,
  checklistItem,
  faqEntry,
  emptySection,
  duplicateSection,
  stepNumbering,
  duplicateId,
  sopReference,
  approval,
  changeControl,
];

export const DOCS_BASE = 'https://github.com/sopkit/sopkit/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
