/**
 * The JSON Schema in schemas/sop.schema.json is the single source of truth for what an SOP must
 * contain. This module compiles it with Ajv, validates a document's projection
 * ({ format, frontMatter, sections }), and reads the x-sop-* annotations that drive section
 * recognition, quick-fix templates, completion and hover.
 */
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import builtinSchema from '../../schemas/sop.schema.json' with { type: 'json' };
import otherTools from '../../schemas/other-tools-front-matter.json' with { type: 'json' };
import type { TeamSchema } from './options.js';
import { ajvUserRegExp } from './user-regex.js';
import { clip } from './display.js';
import { findRefCycle } from './config/ref-cycles.js';
import type { SopFormat } from './types.js';

// ajv and ajv-formats are CommonJS; under ESM interop their default export may be nested.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

export const BUILTIN_SCHEMA_ID = builtinSchema.$id;

export interface LanguageWords { aliases: string[]; words: string[]; cues: string[]; openingCues: string[]; leadCues: string[]; headingCues: string[]; stepVerbs: string[] }

export interface SectionInfo {
  id: string;
  title: string;
  aliases: string[];
  order: number;
  description: string;
  template: string;
  /** Names that count for the section but may stand beside it ("Introduction" next to "Purpose"). */
  weakAliases: string[];
  /** Words that make a heading serve the part when they stand among other words ("Customer Complaint Handling Procedure"). */
  words: string[];
  /** Regular-expression sources: a sentence that matches does the part's job wherever it stands (x-sop-cues). */
  cues: string[];
  /** Cues that count only in a document's opening or a section's lead paragraph (x-sop-opening-cues). */
  openingCues: string[];
  /** Cues that count in the first paragraph of a section (x-sop-lead-cues). */
  leadCues: string[];
  /** Verbs that open an instruction ("Gather information"): headings that start with one are steps (x-sop-step-verbs). */
  stepVerbs: string[];
  /** Regular-expression sources matched against a normalised heading ("^why\\b", "^when to\\b") (x-sop-heading-cues). */
  headingCues: string[];
  /** Per language (ISO 639-1): more aliases, words and cues. English is the top level. */
  languages: Record<string, LanguageWords>;
}

export interface SchemaProjection {
  format: SopFormat;
  frontMatter: Record<string, unknown>;
  sections: Record<string, { line: number }>;
}

interface Compiled {
  validate: ValidateFunction;
  sections: SectionInfo[];
}

/** A team schema's `pattern`s are the team's regular expressions: they run on the linear-time engine. */
function newAjv(team = false) {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true, loadSchema: undefined, ...(team ? { code: { regExp: ajvUserRegExp } } : {}) });
  addFormats(ajv, ['date', 'date-time', 'email', 'uri']);
  return ajv;
}

function readSections(schema: unknown): SectionInfo[] {
  const list = (schema as { 'x-sop-sections'?: unknown })['x-sop-sections'];
  if (!Array.isArray(list)) return [];
  return list
    .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object' && typeof (s as { id?: unknown }).id === 'string')
    .map((s) => ({
      id: String(s.id),
      title: typeof s.title === 'string' ? s.title : String(s.id),
      aliases: Array.isArray(s.aliases) ? s.aliases.map(String) : [],
      order: typeof s.order === 'number' ? s.order : 1000,
      description: typeof s.description === 'string' ? s.description : '',
      template: typeof s.template === 'string' ? s.template : '',
      weakAliases: strings(s['x-sop-weak-aliases']),
      words: strings(s['x-sop-words']),
      cues: strings(s['x-sop-cues']),
      openingCues: strings(s['x-sop-opening-cues']),
      headingCues: strings(s['x-sop-heading-cues']),
      leadCues: strings(s['x-sop-lead-cues']),
      stepVerbs: strings(s['x-sop-step-verbs']),
      languages: readLanguages(s['x-sop-languages']),
    }));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String) : [];
}

function readLanguages(value: unknown): SectionInfo['languages'] {
  const out: SectionInfo['languages'] = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [lang, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    out[lang.toLowerCase()] = { aliases: strings(e.aliases), words: strings(e.words), cues: strings(e.cues), openingCues: strings(e['opening-cues']), leadCues: strings(e['lead-cues']), headingCues: strings(e['heading-cues']), stepVerbs: strings(e['step-verbs']) };
  }
  return out;
}

/** Languages the schema has section words for (x-sop-languages at the top level), English first. */
export function schemaLanguages(team?: TeamSchema): string[] {
  const langs = new Set(['en']);
  for (const s of sectionCatalogue(team)) for (const l of Object.keys(s.languages)) langs.add(l);
  return [...langs];
}

function mergeSections(base: SectionInfo[], extra: SectionInfo[]): SectionInfo[] {
  const byId = new Map(base.map((s) => [s.id, s]));
  const union = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])];
  for (const s of extra) {
    const prev = byId.get(s.id);
    const languages = { ...prev?.languages };
    for (const [l, e] of Object.entries(s.languages)) {
      const p = languages[l];
      languages[l] = { aliases: union(p?.aliases, e.aliases), words: union(p?.words, e.words), cues: union(p?.cues, e.cues), openingCues: union(p?.openingCues, e.openingCues), leadCues: union(p?.leadCues, e.leadCues), headingCues: union(p?.headingCues, e.headingCues), stepVerbs: union(p?.stepVerbs, e.stepVerbs) };
    }
    byId.set(s.id, { ...prev, ...s, aliases: union(prev?.aliases, s.aliases), words: union(prev?.words, s.words), cues: union(prev?.cues, s.cues), openingCues: union(prev?.openingCues, s.openingCues), headingCues: union(prev?.headingCues, s.headingCues), leadCues: union(prev?.leadCues, s.leadCues), stepVerbs: union(prev?.stepVerbs, s.stepVerbs), weakAliases: union(prev?.weakAliases, s.weakAliases), languages });
  }
  return [...byId.values()].sort((a, b) => a.order - b.order);
}

let builtin: Compiled | undefined;
const teamCache = new WeakMap<object, Compiled | { error: string }>();

function compileBuiltin(): Compiled {
  if (!builtin) {
    const ajv = newAjv();
    builtin = { validate: ajv.compile(builtinSchema), sections: readSections(builtinSchema) };
  }
  return builtin;
}

/** Compiles a team schema (which may $ref the built-in one by its $id). Never fetches anything. */
export function compileTeamSchema(team: TeamSchema): Compiled | { error: string } {
  const cached = teamCache.get(team.schema);
  if (cached) return cached;
  let result: Compiled | { error: string };
  try {
    const cycle = findRefCycle([builtinSchema, ...(team.extraSchemas ?? []), team.schema] as Record<string, unknown>[]);
    if (cycle) throw new Error(`its $refs go round in a circle without checking anything (${cycle.map((r) => `'${clip(r)}'`).join(' → ')}); a $ref must lead to a schema that checks the value or looks into it`);
    const ajv = newAjv(true);
    ajv.addSchema(builtinSchema);
    for (const extra of team.extraSchemas ?? []) ajv.addSchema(extra as object);
    const validate = ajv.compile(team.schema);
    const extraSections = [...(team.extraSchemas ?? []), team.schema].flatMap(readSections);
    result = { validate, sections: mergeSections(readSections(builtinSchema), extraSections) };
  } catch (error) {
    const where = team.path ? ` (${team.path})` : '';
    const why = error instanceof RangeError ? 'it is nested too deeply' : clip((error as Error).message, 300);
    result = { error: `The team schema${where} is not a usable JSON Schema: ${why}` };
  }
  teamCache.set(team.schema, result);
  return result;
}

function compiledFor(team?: TeamSchema): Compiled {
  if (!team) return compileBuiltin();
  const compiled = compileTeamSchema(team);
  return 'error' in compiled ? compileBuiltin() : compiled;
}

export function validateProjection(projection: SchemaProjection, team?: TeamSchema): ErrorObject[] {
  const { validate } = compiledFor(team);
  validate(projection);
  return validate.errors ? [...validate.errors] : [];
}

export function sectionCatalogue(team?: TeamSchema): SectionInfo[] {
  return compiledFor(team).sections;
}

const requiredCache = new Map<string, string[]>();

/** The canonical sections a format requires: read off the schema by validating an empty document. */
export function requiredSections(format: SopFormat, team?: TeamSchema): string[] {
  const key = `${format}|${team ? (team.path ?? 'team') : ''}`;
  const cached = team ? undefined : requiredCache.get(key);
  if (cached) return cached;
  const errors = validateProjection({ format, frontMatter: {}, sections: {} }, team);
  const order = new Map(sectionCatalogue(team).map((s) => [s.id, s.order]));
  const required = [...new Set(errors
    .filter((e) => e.keyword === 'required' && e.instancePath === '/sections')
    .map((e) => String((e.params as { missingProperty: string }).missingProperty)))]
    .sort((a, b) => (order.get(a) ?? 1000) - (order.get(b) ?? 1000));
  if (!team) requiredCache.set(key, required);
  return required;
}

export interface FrontMatterField {
  key: string;
  description: string;
  type: string;
  enum?: string[];
}

function describeField(key: string, prop: Record<string, unknown>): FrontMatterField {
  const values = Array.isArray(prop.enum) ? (prop.enum as unknown[]).map(String) : undefined;
  const type = values ? 'enum' : typeof prop.type === 'string' ? prop.type : Array.isArray(prop.type) ? (prop.type as string[]).join(' | ') : prop.$ref ? 'date' : 'string';
  return { key, description: String(prop.description ?? ''), type, ...(values ? { enum: values } : {}) };
}

/**
 * Front-matter keys with their descriptions and allowed values, for completion and hover: the
 * built-in ones, then those a team schema declares.
 */
export function frontMatterFields(team?: TeamSchema): FrontMatterField[] {
  const properties = builtinSchema.definitions.frontMatter.properties as Record<string, Record<string, unknown>>;
  const fields = Object.entries(properties).map(([key, prop]) => describeField(key, prop));
  if (!team) return fields;
  const known = new Set(fields.map((f) => f.key));
  for (const [key, prop] of teamDeclarations(team).properties) if (!known.has(key)) { known.add(key); fields.push(describeField(key, prop)); }
  return fields;
}

interface TeamDeclarations { properties: Map<string, Record<string, unknown>>; patterns: RegExp[] }

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const declarationsCache = new WeakMap<object, TeamDeclarations>();

/**
 * The front-matter keys a team schema declares: the `properties` (and `patternProperties`) of
 * every subschema that applies to `frontMatter`, through allOf/anyOf/oneOf/then/else and `$ref`s
 * into the team's own files. The built-in schema no longer rejects other keys, so this is how
 * sopkit knows a team key from a typo.
 */
function teamDeclarations(team: TeamSchema): TeamDeclarations {
  const cached = declarationsCache.get(team.schema);
  if (cached) return cached;
  const result: TeamDeclarations = { properties: new Map(), patterns: [] };
  const roots = [team.schema, ...(team.extraSchemas ?? [])].filter(isObject);
  const byId = new Map<string, Record<string, unknown>>();
  for (const root of roots) if (typeof root.$id === 'string') byId.set(root.$id.split('#')[0], root);
  const resolve = (ref: string, root: Record<string, unknown>): [unknown, Record<string, unknown>] | undefined => {
    const [address, pointer = ''] = ref.split('#');
    let target: Record<string, unknown> | undefined = root;
    if (address) {
      if (address === BUILTIN_SCHEMA_ID) return undefined; // its keys are known already
      let absolute = address;
      try { absolute = new URL(address, typeof root.$id === 'string' ? root.$id : undefined).href; } catch { /* a bare name */ }
      target = byId.get(absolute) ?? byId.get(address);
    }
    if (!target) return undefined;
    let node: unknown = target;
    for (const part of pointer.split('/').filter(Boolean)) {
      const name = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObject(node) ? node[name] : Array.isArray(node) ? node[Number(name)] : undefined;
    }
    return [node, target];
  };
  const collected = new Set<unknown>();
  const collect = (node: unknown, root: Record<string, unknown>): void => {
    if (!isObject(node) || collected.has(node)) return;
    collected.add(node);
    if (isObject(node.properties)) {
      for (const [key, prop] of Object.entries(node.properties)) if (!result.properties.has(key)) result.properties.set(key, isObject(prop) ? prop : {});
    }
    if (isObject(node.patternProperties)) {
      for (const source of Object.keys(node.patternProperties)) {
        try { result.patterns.push(new RegExp(source, 'u')); } catch { /* Ajv reports it */ }
      }
    }
    for (const word of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(node[word])) for (const sub of node[word] as unknown[]) collect(sub, root);
    for (const word of ['then', 'else']) collect(node[word], root);
    if (typeof node.$ref === 'string') {
      const found = resolve(node.$ref, root);
      if (found) collect(...found);
    }
  };
  const scanned = new Set<unknown>();
  const scan = (node: unknown, root: Record<string, unknown>): void => {
    if (!node || typeof node !== 'object' || scanned.has(node)) return;
    scanned.add(node);
    if (isObject(node) && isObject(node.properties) && 'frontMatter' in node.properties) collect(node.properties.frontMatter, root);
    for (const value of Object.values(node)) scan(value, root);
  };
  try {
    for (const root of roots) scan(root, root);
  } catch { /* a schema too odd to read declares nothing more */ }
  declarationsCache.set(team.schema, result);
  return result;
}

const toolOfKey = new Map<string, string>();
for (const [tool, keys] of Object.entries(otherTools.tools as Record<string, string[]>)) {
  for (const key of keys) if (!toolOfKey.has(key.toLowerCase())) toolOfKey.set(key.toLowerCase(), tool);
}

export interface KnownFrontMatterKeys {
  /** sopkit's own keys, then those the team schema declares. */
  sop: string[];
  /** Whether a key is sopkit's, the team's, an x- key, or one another tool puts in front matter. */
  isKnown(key: string): boolean;
  /** The tool a key belongs to, when it is another tool's. */
  toolOf(key: string): string | undefined;
}

/** What front-matter keys a document may carry without a warning. */
export function knownFrontMatterKeys(team?: TeamSchema): KnownFrontMatterKeys {
  const builtinProps = builtinSchema.definitions.frontMatter as { properties: Record<string, unknown>; patternProperties?: Record<string, unknown> };
  const declared = team && !('error' in compileTeamSchema(team)) ? teamDeclarations(team) : { properties: new Map(), patterns: [] };
  const sop = [...new Set([...Object.keys(builtinProps.properties), ...declared.properties.keys()])];
  const own = new Set(sop);
  const patterns = [...Object.keys(builtinProps.patternProperties ?? {}).map((p) => new RegExp(p, 'u')), ...declared.patterns];
  return {
    sop,
    isKnown: (key) => own.has(key) || patterns.some((p) => p.test(key)) || toolOfKey.has(key.toLowerCase()),
    toolOf: (key) => (own.has(key) ? undefined : toolOfKey.get(key.toLowerCase())),
  };
}
