import type { ErrorObject } from 'ajv';
import { knownFrontMatterKeys } from '../../schema.js';
import { closest } from '../suggest.js';
import type { Fix, FrontMatterKey, Range } from '../../types.js';
import type { RuleDefinition } from './rule.js';

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping' };

export const frontmatterSchema: RuleDefinition = {
  id: 'frontmatter-schema',
  description: 'Front-matter values have the right type, format and allowed values (format, status, dates, review interval…); a key neither sopkit, the team schema nor another tool knows is a warning.',
  defaultSeverity: 'error',
  fixable: false,
  check(doc, context) {
    const data = doc.frontMatter.data ?? {};
    const keyOf = (name: string): FrontMatterKey | undefined => doc.frontMatter.keys.find((k) => k.key === name);
    const known = knownFrontMatterKeys(context.teamSchema);
    const reported = new Set<string>();
    // Unknown keys are a warning at most: other tools' keys and a team schema's are known, and a
    // key sopkit has never heard of is more often someone else's than a mistake.
    if (doc.frontMatter.data) {
      for (const where of doc.frontMatter.keys) {
        if (known.isKnown(where.key) || reported.has(`+${where.key}`)) continue;
        reported.add(`+${where.key}`);
        const suggestion = closest(where.key, known.sop);
        const fix: Fix[] | undefined = suggestion ? [{ title: `Rename '${where.key}' to '${suggestion}'`, edits: [{ offset: where.keyRange.start.offset, length: where.keyRange.end.offset - where.keyRange.start.offset, text: suggestion }] }] : undefined;
        context.report({
          message: `Unknown front-matter key '${where.key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; sopkit's keys are ${known.sop.join(', ')}. Prefix your own with 'x-' or add them to a team schema`,
          range: where.keyRange,
          suggestions: fix,
          severity: 'warning',
        });
      }
    }
    // Ajv's additionalProperties errors would repeat the above (a team schema may forbid extra keys itself).
    const errors = context.schemaErrors.filter((e) => e.instancePath.startsWith('/frontMatter') && !(e.keyword === 'additionalProperties' && e.instancePath === '/frontMatter'));
    // oneOf reports every failed branch; one clear message per key is enough.
    const byKey = new Map<string, ErrorObject[]>();
    const top: Range = doc.frontMatter.range ?? doc.title?.range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    for (const e of errors) {
      if (e.keyword === 'required' && e.instancePath === '/frontMatter') {
        const name = String((e.params as { missingProperty: string }).missingProperty);
        if (reported.has(`!${name}`) || doc.frontMatter.errors.length > 0) continue;
        reported.add(`!${name}`);
        context.report({ message: `The front matter needs '${name}' (the team schema requires it)`, range: top });
        continue;
      }
      const key = e.instancePath.split('/')[2] ?? '';
      byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
    for (const [key, list] of byKey) {
      if (reported.has(key)) continue;
      reported.add(key);
      const where = keyOf(key);
      const value = data[key];
      const range: Range = where?.valueRange ?? top;
      const primary = list.find((e) => e.keyword === 'enum') ?? list.find((e) => e.keyword === 'format') ?? list.find((e) => e.keyword === 'type') ?? list[0];
      let message: string;
      let suggestions: Fix[] | undefined;
      if (key === 'review_interval') {
        message = `'review_interval' is ${describe(value)}; expected a duration such as "12 months", "6 weeks" or "90 days"`;
      } else if (primary.keyword === 'enum') {
        const allowed = (primary.params as { allowedValues: string[] }).allowedValues;
        const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
        message = `'${key}' is ${describe(value)}; expected one of ${allowed.join(', ')}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`;
        if (suggestion && where) suggestions = [{ title: `Change to '${suggestion}'`, edits: [{ offset: range.start.offset, length: range.end.offset - range.start.offset, text: suggestion }] }];
      } else if (primary.keyword === 'format') {
        message = `'${key}' is ${describe(value)}, not a valid date; expected YYYY-MM-DD, for example 2026-01-15`;
      } else if (primary.keyword === 'type') {
        const expected = String((primary.params as { type: string }).type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
        message = `'${key}' should be ${expected}, found ${describe(value)}`;
        context.report({ message, range: where?.keyRange ?? range });
        continue;
      } else if (primary.keyword === 'minLength') {
        message = `'${key}' is empty; give it a value or remove the key`;
      } else if (primary.keyword === 'pattern' && key === 'policies') {
        message = `'policies' entries are policy ids in kebab-case, such as complaint-handling-process; found ${describe(value)}`;
      } else {
        message = `'${key}' ${primary.message ?? 'does not match the schema'}`;
      }
      context.report({ message, range, suggestions });
    }
    // Errors outside front matter and sections come from a team schema's own constraints.
    for (const e of context.schemaErrors) {
      if (e.instancePath.startsWith('/frontMatter') || (e.keyword === 'required' && e.instancePath === '/sections')) continue;
      if (['if', 'allOf', 'oneOf', 'anyOf'].includes(e.keyword)) continue;
      context.report({ message: `The SOP schema says ${e.instancePath || 'the document'} ${e.message ?? 'is invalid'}`, range: doc.frontMatter.range ?? doc.title?.range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } });
    }
  },
};
