import type { RuleDefinition } from './rule.js';
import { quoteWords } from '../../display.js';

export const checklistItem: RuleDefinition = {
  id: 'checklist-item',
  description: 'In a list of checklist items (- [ ]), every item is a checkbox.',
  defaultSeverity: 'warning',
  fixable: true,
  check(doc, context) {
    for (const item of doc.plainItemsInChecklists) {
      const label = quoteWords(item.text, 50);
      context.report({
        message: `'${label}' is a plain list item among checklist items; make it a checkbox ('- [ ] …') so it can be ticked`,
        range: { start: item.range.start, end: { ...item.range.start, column: item.range.start.column + (item.insertOffset - item.range.start.offset), offset: item.insertOffset } },
        fix: { title: 'Convert to a checkbox', edits: [{ offset: item.insertOffset, length: 0, text: '[ ] ' }] },
      });
    }
  },
};
