import { dirname, relativePath } from '../../config/paths.js';
import type { Range, SopDocument } from '../../types.js';
import type { RuleDefinition } from './rule.js';

/** Where a front-matter key's value is, else the key, else the top of the file. */
export function frontMatterValueRange(doc: SopDocument, key: string): Range {
  const found = doc.frontMatter.keys.find((k) => k.key === key);
  return found?.valueRange ?? doc.frontMatter.range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}

/** A library path as a link from `fromPath` would write it. */
export function pathFrom(fromPath: string, toPath: string): string {
  return relativePath(dirname(fromPath), toPath) || toPath;
}

export const duplicateId: RuleDefinition = {
  id: 'duplicate-id',
  description: 'No two SOPs of the library share a front-matter id; each finding names the other file.',
  defaultSeverity: 'error',
  fixable: false,
  check(doc, context) {
    const library = context.library;
    const id = library?.self.id;
    if (!library || id === undefined) return;
    const others = library.index.withId(id).filter((e) => e.path !== library.self.path && e.lintable).map((e) => pathFrom(library.self.path, e.path)).sort();
    if (others.length === 0) return;
    const more = others.length > 1 ? ` (and ${others.length - 1} more: ${others.slice(1, 4).join(', ')}${others.length > 4 ? ', …' : ''})` : '';
    context.report({ message: `Id '${id}' is also the id of ${others[0]}${more}; every SOP needs its own id`, range: frontMatterValueRange(doc, 'id') });
  },
};
