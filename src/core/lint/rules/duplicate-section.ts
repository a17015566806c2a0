import { sectionCatalogue } from '../../schema.js';
import { ancestors } from '../../model/build.js';
import { normalizeTitle } from '../../model/sections.js';
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
      // A part's word in a longer heading shows the part is served; it does not make that heading a second copy.
      if (section.recognisedBy !== 'heading' || section.matchedBy === 'word') return;
      for (const id of section.canonical) {
        if (id === 'title') continue;
        const key = `${id}@${section.heading.depth}`;
        const earlier = first.get(key);
        if (earlier === undefined) { first.set(key, index); continue; }
        const other = doc.sections[earlier];
        if (ancestors(doc.sections, index).includes(other)) continue;
        const info = catalogue.find((s) => s.id === id);
        const weak = info?.weakAliases ?? [];
        if (weak.includes(normalizeTitle(section.heading.text)) || weak.includes(normalizeTitle(other.heading.text))) {
          // "Introduction" then "Purpose": the stronger name takes over as the first of its kind.
          if (weak.includes(normalizeTitle(other.heading.text))) first.set(key, index);
          continue;
        }
        const name = info?.title ?? id;
        context.report({
          message: `Section '${name}' appears twice: '${section.title}' here and '${other.title}' on line ${other.heading.range.start.line}; merge them`,
          range: section.heading.range,
        });
      }
    });
  },
};
