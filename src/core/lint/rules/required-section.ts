import { requiredSections, sectionCatalogue } from '../../schema.js';
import { afterFrontMatter, insertBlock, sectionInsertion } from '../edits.js';
import { rangeAt } from '../../parse/positions.js';
import type { RuleDefinition } from './rule.js';

export const requiredSection: RuleDefinition = {
  id: 'required-section',
  description: 'Every section the schema requires for the SOP\'s format is present (title, purpose, scope, process, references, revision history; escalation for workflows).',
  defaultSeverity: 'error',
  fixable: true,
  check(doc, context) {
    const missing = new Set(context.schemaErrors
      .filter((e) => e.keyword === 'required' && e.instancePath === '/sections')
      .map((e) => String((e.params as { missingProperty: string }).missingProperty)));
    if (missing.size === 0) return;
    const catalogue = sectionCatalogue(context.teamSchema);
    const order = requiredSections(doc.format, context.teamSchema);
    const ids = [...missing].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const anchor = doc.title?.range ?? rangeAt(doc.lineStarts, 0, /^[^\r\n]*/.exec(doc.text)![0].length);
    for (const id of ids) {
      const info = catalogue.find((s) => s.id === id) ?? { id, title: id, aliases: [], order: 1000, description: '', template: '', weakAliases: [], words: [], cues: [], openingCues: [], leadCues: [], headingCues: [], stepVerbs: [], languages: {} };
      if (id === 'title') {
        const offset = afterFrontMatter(doc);
        context.report({
          message: 'Missing title: add "title:" to the front matter or a "# Title" heading at the top',
          range: rangeAt(doc.lineStarts, offset, offset),
          fix: { title: 'Add a title heading', edits: [insertBlock(doc.text, offset, '# [INSERT title]\n')] },
        });
        continue;
      }
      const { edit, placement } = sectionInsertion(doc, info, context.today, context.teamSchema);
      const where = placement.after ? ` (expected after '${placement.after}')` : placement.before ? ` (expected before '${placement.before}')` : '';
      const forFormat = ['escalation'].includes(id) || !['purpose', 'scope', 'process', 'references', 'revisionHistory'].includes(id) ? ` for ${/^[aeiou]/.test(doc.format) ? 'an' : 'a'} ${doc.format}` : '';
      const anchorSection = doc.sections.find((s) => s.title === (placement.after ?? placement.before));
      context.report({
        message: `Missing section '${info.title}'${forFormat}${where}`,
        range: anchorSection?.heading.range ?? anchor,
        fix: { title: `Insert '${info.title}' section`, edits: [edit] },
      });
    }
  },
};
