import { sectionCatalogue } from '../schema.js';
import { ancestors } from '../model.js';
import type { RuleDefinition } from './rule.js';

export const duplicateSection: RuleDefinition = {
  id: 'duplicate-section',
  description: 'Each canonical section (purpose, scope, process…) appears once at a given heading level.',
  defaultSeverity: 'warning',
  fixable: false,
  check(doc, context) {
    const catalogue = sectionCatalogue(context.teamSchema);
    const first = new Map<string, number>();
    doc.sections.forEach((section, index) => {
      if (section.recognisedBy !== 'heading') return;
      for (const id of section.canonical) {
        if (id === 'title') continue;
        const key = `${id}@${section.heading.depth}`;
        const earlier = first.get(key);
        if (earlier === undefined) { first.set(key, index); continue; }
        const other = doc.sections[earlier];
        if (ancestors(doc.sections, index).includes(other)) continue;
        const name = catalogue.find((s) => s.id === id)?.title ?? id;
        context.report({
          message: `Section '${name}' appears twice: '${section.title}' here and '${other.title}' on line ${other.heading.range.start.line}; merge them`,
          range: section.heading.range,
        });
      }
    });
  },
};
