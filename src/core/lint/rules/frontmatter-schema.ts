import type { ErrorObject } from 'ajv';
import { knownFrontMatterKeys } from '../../schema.js';
import { closest } from '../suggest.js';
import type { Fix, FrontMatterKey, Range, SopDocument } from '../../types.js';
import type { RuleDefinition } from './rule.js';

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping' };

type Context = Parameters<RuleDefinition['check']>[1];
type KnownKeys = ReturnType<typeof knownFrontMatterKeys>;

const DOCUMENT_START: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/**
 * Unknown keys are a warning at most: other tools' keys and a team schema's are known, and a key
 * sopkit has never heard of is more often someone else's than a mistake.
 */
function reportUnknownKeys(doc: SopDocument, context: Context, known: KnownKeys, reported: Set<string>): void {
  if (!doc.frontMatter.data) return;
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

/** The front matter's schema errors by key; a key the team schema requires is reported here, once. */
function errorsByKey(doc: SopDocument, context: Context, reported: Set<string>, top: Range): Map<string, ErrorObject[]> {
  // Ajv's additionalProperties errors would repeat the unknown-key warnings (a team schema may forbid extra keys itself).
  const errors = context.schemaErrors.filter((e) => e.instancePath.startsWith('/frontMatter') && !(e.keyword === 'additionalProperties' && e.instancePath === '/frontMatter'));
  // oneOf reports every failed branch; one clear message per key is enough.
  const byKey = new Map<string, ErrorObject[]>();
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
  return byKey;
}

/** One plain finding for a key whose value the schema refuses, from the most telling of its errors. */
function valueFinding(key: string, value: unknown, list: ErrorObject[], where: FrontMatterKey | undefined, top: Range): { message: string; range: Range; suggestions?: Fix[] } {
  const range: Range = where?.valueRange ?? top;
  const primary = list.find((e) => e.keyword === 'enum') ?? list.find((e) => e.keyword === 'format') ?? list.find((e) => e.keyword === 'type') ?? list[0];
  if (key === 'review_interval') return { message: `'review_interval' is ${describe(value)}; expected a duration such as "12 months", "6 weeks" or "90 days"`, range };
  switch (primary.keyword) {
    case 'enum': {
      const allowed = (primary.params as { allowedValues: string[] }).allowedValues;
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      const suggestions = suggestion && where ? [{ title: `Change to '${suggestion}'`, edits: [{ offset: range.start.offset, length: range.end.offset - range.start.offset, text: suggestion }] }] : undefined;
      return { message: `'${key}' is ${describe(value)}; expected one of ${allowed.join(', ')}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`, range, suggestions };
    }
    case 'format':
      return { message: `'${key}' is ${describe(value)}, not a valid date; expected YYYY-MM-DD, for example 2026-01-15`, range };
    case 'type': {
      const expected = String((primary.params as { type: string }).type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return { message: `'${key}' should be ${expected}, found ${describe(value)}`, range: where?.keyRange ?? range };
    }
    case 'minLength':
      return { message: `'${key}' is empty; give it a value or remove the key`, range };
    default:
      if (primary.keyword === 'pattern' && key === 'policies') return { message: `'policies' entries are policy ids in kebab-case, such as complaint-handling-process; found ${describe(value)}`, range };
      return { message: `'${key}' ${primary.message ?? 'does not match the schema'}`, range };
  }
}

/** Errors outside front matter and sections come from a team schema's own constraints. */
function reportTeamConstraints(doc: SopDocument, context: Context): void {
  for (const e of context.schemaErrors) {
    if (e.instancePath.startsWith('/frontMatter') || (e.keyword === 'required' && e.instancePath === '/sections')) continue;
    if (['if', 'allOf', 'oneOf', 'anyOf'].includes(e.keyword)) continue;
    context.report({ message: `The SOP schema says ${e.instancePath || 'the document'} ${e.message ?? 'is invalid'}`, range: doc.frontMatter.range ?? doc.title?.range ?? DOCUMENT_START });
  }
}

export const frontmatterSchema: RuleDefinition = {
  id: 'frontmatter-schema',
  description: 'Front-matter values have the right type, format and allowed values (format, status, dates, review interval…); a key neither sopkit, the team schema nor another tool knows is a warning.',
  defaultSeverity: 'error',
  fixable: false,
  check(doc, context) {
    const data = doc.frontMatter.data ?? {};
    const reported = new Set<string>();
    const top: Range = doc.frontMatter.range ?? doc.title?.range ?? DOCUMENT_START;
    reportUnknownKeys(doc, context, knownFrontMatterKeys(context.teamSchema), reported);
    for (const [key, list] of errorsByKey(doc, context, reported, top)) {
      if (reported.has(key)) continue;
      reported.add(key);
      context.report(valueFinding(key, data[key], list, doc.frontMatter.keys.find((k) => k.key === key), top));
    }
    reportTeamConstraints(doc, context);
  },
};
