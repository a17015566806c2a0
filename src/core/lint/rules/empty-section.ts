import { sectionCatalogue } from '../../schema.js';
import { fillSectionTemplate, insertBlock } from '../edits.js';
import { isStepHeading } from '../../model/sections.js';
import type { RuleDefinition } from './rule.js';

export const emptySection: RuleDefinition = {
  id: 'empty-section',
  description: 'Sections have content: a heading with nothing under it (not even a subsection) is flagged.',
  defaultSeverity: 'warning',
  fixable: false,
  check(doc, context) {
    const catalogue = sectionCatalogue(context.teamSchema);
    doc.sections.forEach((section) => {
      if (section.canonical.includes('title')) return;
      const content = section.body.filter((n) => !(n.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test((n as { value: string }).value)));
      if (content.length > 0) return;
      if (isStepHeading(section.heading.text) || /\?\s*$/.test(section.heading.text)) return;
      const info = catalogue.find((s) => section.canonical.includes(s.id) && s.template);
      const template = info ? fillSectionTemplate(info.template, context.today) : '';
      context.report({
        message: `Section '${section.title}' is empty; add its content${info ? ` (${info.description.split(':')[0].replace(/\.$/, '').toLowerCase()})` : ''} or remove the heading`,
        range: section.heading.range,
        suggestions: template ? [{ title: `Fill '${section.title}' with its template`, edits: [insertBlock(doc.text, section.heading.range.end.offset, template)] }] : undefined,
      });
    });
  },
};
