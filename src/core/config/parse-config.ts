/**
 * Reads one `.sopkit.yaml` / `.sopkit.yml` / `.sopkit.json` text: parses it with `yaml` (JSON is
 * read the same way so every problem keeps its line and column), validates it against
 * schemas/sopkit-config.schema.json and checks what JSON Schema cannot: rule ids against the rule
 * registry and placeholder patterns that must compile. Problems are worded for the person who
 * wrote the file; a config with problems is still returned with the parts that are usable.
 */
import { closest } from '../lint/suggest.js';
import { clip } from '../display.js';
import { compileUserRegex } from '../user-regex.js';
import { compileOverrideGlob, ignoreListProblems } from './globs.js';
import AjvModule, { type ErrorObject } from 'ajv';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import configSchema from '../../../schemas/sopkit-config.schema.json' with { type: 'json' };
import type { RuleSetting } from '../options.js';
import type { SopFormat } from '../types.js';
import { sectionCatalogue } from '../schema.js';

const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;

export interface ConfigProblem {
  /** The file the problem is in (a config or a team schema). */
  file: string;
  /** 1-based, when the problem has a place in the file. */
  line?: number;
  column?: number;
  message: string;
}

export interface ConfigOverride {
  files: string | string[];
  format?: SopFormat;
  rules?: Record<string, RuleSetting>;
  reviewInterval?: string | number;
}

/** The settings of one config file, as written (paths still relative to the file's folder). */
export interface ConfigData {
  root?: boolean;
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  schema?: string;
  reviewInterval?: string | number;
  placeholders?: { patterns?: string[] };
  /** The team's own section names, by part id. */
  sections?: Record<string, { aliases?: string[] }>;
  ignore?: string[];
  templates?: string;
  /** What belongs to the SOP library besides the files under the config root, and its id pattern. */
  library?: { include?: string[]; idPattern?: string };
  approval?: { independent?: boolean };
}

export interface ParsedConfig {
  path: string;
  text: string;
  data: ConfigData;
  problems: ConfigProblem[];
  /** Where a setting sits in the file (its value, or its key with `key: true`). */
  locate(path: (string | number)[], key?: boolean): { line: number; column: number } | undefined;
}

let validateConfig: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${clip(value)}'`;
  return `${typeof value} ${clip(String(value))}`;
}

const TYPE_WORDS: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', object: 'a mapping', array: 'a list' };

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

function settingName(path: (string | number)[]): string {
  return path.length === 0 ? 'the config' : path.map((p) => (typeof p === 'number' ? `[${p}]` : clip(p, 60))).join('.').replace(/\.\[/g, '[');
}

const PREFERENCE = ['additionalProperties', 'required', 'enum', 'pattern', 'minimum', 'minLength', 'minItems', 'propertyNames', 'type', 'oneOf'];

/** One readable message per offending setting: the deepest, most specific Ajv error wins. */
function explainSchemaErrors(errors: ErrorObject[], data: unknown): { path: (string | number)[]; key: boolean; message: string }[] {
  const toPath = (e: ErrorObject) => e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const paths = [...new Set(errors.map((e) => e.instancePath))];
  // A union (oneOf) that failed because of a deeper error reports that deeper error only.
  const unionOnly = (p: string) => errors.filter((e) => e.instancePath === p).every((e) => ['oneOf', 'anyOf', 'type', 'enum'].includes(e.keyword));
  const deepest = paths.filter((p) => !(unionOnly(p) && paths.some((q) => q !== p && q.startsWith(`${p}/`))));
  return deepest.map((instancePath) => {
    const group = errors.filter((e) => e.instancePath === instancePath).sort((a, b) => PREFERENCE.indexOf(a.keyword) - PREFERENCE.indexOf(b.keyword));
    const error = group[0];
    const path = toPath(error);
    const where = settingName(path);
    const value = valueAt(data, path);
    switch (error.keyword) {
      case 'additionalProperties': {
        const extra = String((error.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
        return { path: [...path, extra], key: true, message: `Unknown setting '${clip(extra)}'${path.length ? ` in ${where}` : ''}; expected one of: ${allowed.join(', ')}` };
      }
      case 'required':
        return { path, key: false, message: `${where} is missing '${(error.params as { missingProperty: string }).missingProperty}'` };
      case 'enum':
        return { path, key: false, message: `${where} is ${describeValue(value)}; expected one of: ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}` };
      case 'pattern':
        if (path.includes('reviewInterval')) return { path, key: false, message: `${where} is ${describeValue(value)}; expected an interval such as "12 months", "6 weeks", "90 days" or a number of months` };
        if (path[0] === 'rules' || path[2] === 'rules') return { path, key: true, message: `Rule id '${clip(String(path[path.length - 1]))}' is not a valid rule id` };
        return { path, key: false, message: `${where} is ${describeValue(value)}, which does not have the expected form` };
      case 'propertyNames':
        return { path, key: false, message: `${where} has a key that is not a valid rule id` };
      case 'type': {
        const types = [...new Set(group.filter((e) => e.keyword === 'type').map((e) => String((e.params as { type: string }).type)))];
        return { path, key: false, message: `${where} is ${describeValue(value)}; expected ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}` };
      }
      default:
        return { path, key: false, message: `${where} is ${describeValue(value)}: it ${error.message ?? 'is not valid'}` };
    }
  });
}


function readDocument(path: string, text: string): { doc?: Document; data: unknown; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  // The first syntax error is the one to fix; the ones after it are usually its echoes.
  const [error] = doc.errors;
  if (error) problems.push({ file: path, ...lineColumn(text, error.pos[0]), message: `Not valid YAML: ${clip(error.message.split('\n')[0], 200)}` });
  if (problems.length) return { data: undefined, problems };
  if (/\.json$/i.test(path)) {
    try {
      JSON.parse(text);
    } catch (error) {
      const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
      problems.push({ file: path, ...lineColumn(text, offset), message: `Not valid JSON: ${clip((error as Error).message.replace(/ in JSON at position \d+.*$/, ''), 200)}` });
      return { data: undefined, problems };
    }
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({ file: path, line: 1, column: 1, message: `Cannot read the settings: ${clip((error as Error).message, 200)}` });
    return { data: undefined, problems };
  }
  return { doc, data, problems };
}

/** Parses and checks one config file. `knownRules` are the rule ids of the registry. */
export function parseConfigText(path: string, text: string, knownRules: readonly string[]): ParsedConfig {
  const { doc, data: raw, problems } = readDocument(path, text);
  const locate = (at: (string | number)[], key = false): { line: number; column: number } | undefined => {
    if (!doc) return undefined;
    if (key && at.length > 0) {
      const parent = at.length === 1 ? doc.contents : doc.getIn(at.slice(0, -1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(at[at.length - 1]));
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return lineColumn(text, range[0]);
      }
    }
    const node = at.length === 0 ? doc.contents : doc.getIn(at, true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? lineColumn(text, range[0]) : at.length ? locate(at.slice(0, -1)) : undefined;
  };
  const result: ParsedConfig = { path, text, data: {}, problems, locate };
  if (problems.length) return result;
  if (raw === undefined || raw === null) return result; // an empty config is a valid config
  validateConfig ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(configSchema);
  if (!validateConfig(raw)) {
    for (const { path: at, key, message } of explainSchemaErrors(validateConfig.errors ?? [], raw)) {
      problems.push({ file: path, ...locate(at, key), message });
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) return result;
  }
  const data = raw as ConfigData;
  const ruleTables: { at: (string | number)[]; rules: unknown }[] = [{ at: ['rules'], rules: data.rules }];
  (Array.isArray(data.overrides) ? data.overrides : []).forEach((o, i) => ruleTables.push({ at: ['overrides', i, 'rules'], rules: o?.rules }));
  for (const { at, rules } of ruleTables) {
    if (!rules || typeof rules !== 'object') continue;
    for (const id of Object.keys(rules)) {
      if (knownRules.includes(id)) continue;
      const guess = closest(id, knownRules);
      problems.push({
        file: path,
        ...locate([...at, id], true),
        message: `Unknown rule '${clip(id)}' in ${settingName(at)}${guess ? ` (did you mean '${guess}'?)` : ''}; known rules: ${knownRules.join(', ')}`,
      });
    }
  }
  const patternLists: (string | number)[][] = [['placeholders', 'patterns'], ...ruleTables.map(({ at }) => [...at, 'placeholder', 'options', 'patterns'])];
  for (const at of patternLists) {
    const list = valueAt(data, at);
    (Array.isArray(list) ? list : []).forEach((pattern: unknown, i) => {
      if (typeof pattern !== 'string') return;
      const compiled = compileUserRegex(pattern);
      if ('error' in compiled) problems.push({ file: path, ...locate([...at, i]), message: `${settingName([...at, i])} is not a valid regular expression for sopkit ('${clip(pattern)}'): ${compiled.error}` });
    });
  }
  (Array.isArray(data.overrides) ? data.overrides : []).forEach((o, i) => {
    const files = typeof o?.files === 'string' ? [o.files] : Array.isArray(o?.files) ? o.files : [];
    files.forEach((glob, j) => {
      if (typeof glob !== 'string') return;
      const compiled = compileOverrideGlob(glob);
      const at = typeof o.files === 'string' ? ['overrides', i, 'files'] : ['overrides', i, 'files', j];
      if ('error' in compiled) problems.push({ file: path, ...locate(at), message: `${settingName(at)} is not a glob sopkit can use ('${clip(glob)}'): ${compiled.error}` });
    });
  });
  if (Array.isArray(data.ignore)) {
    for (const { index, message } of ignoreListProblems(data.ignore)) problems.push({ file: path, ...locate(['ignore', index]), message: `ignore[${index}] ${message}` });
  }
  libraryProblems(data, path, locate).forEach((p) => problems.push(p));
  // A team schema may define parts of its own; without one, a part id must be one sopkit knows.
  if (data.sections && typeof data.sections === 'object' && !Array.isArray(data.sections) && !data.schema) {
    const known = sectionCatalogue().map((s) => s.id);
    for (const id of Object.keys(data.sections)) {
      if (known.includes(id)) continue;
      const guess = closest(id, known);
      problems.push({ file: path, ...locate(['sections', id], true), message: `Unknown section '${id}' in sections${guess ? ` (did you mean '${guess}'?)` : ''}; known sections: ${known.join(', ')}` });
    }
  }
  result.data = problems.length ? sanitize(data, knownRules) : data;
  return result;
}

/** `library.idPattern` must compile for the linear-time engine; `library.include` must be globs sopkit can use. */
function libraryProblems(data: ConfigData, path: string, locate: ParsedConfig['locate']): ConfigProblem[] {
  const library = data.library;
  if (!library || typeof library !== 'object') return [];
  const problems: ConfigProblem[] = [];
  if (typeof library.idPattern === 'string') {
    const compiled = compileUserRegex(library.idPattern);
    if ('error' in compiled) problems.push({ file: path, ...locate(['library', 'idPattern']), message: `library.idPattern is not a valid regular expression for sopkit ('${clip(library.idPattern)}'): ${compiled.error}` });
  }
  (Array.isArray(library.include) ? library.include : []).forEach((glob, i) => {
    if (typeof glob !== 'string') return;
    const compiled = compileOverrideGlob(glob);
    if ('error' in compiled) problems.push({ file: path, ...locate(['library', 'include', i]), message: `library.include[${i}] is not a glob sopkit can use ('${clip(glob)}'): ${compiled.error}` });
  });
  return problems;
}

function cleanLibrary(value: ConfigData['library']): ConfigData['library'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const include = Array.isArray(value.include) ? value.include.filter((g): g is string => typeof g === 'string' && !!g && !('error' in compileOverrideGlob(g))) : undefined;
  const idPattern = typeof value.idPattern === 'string' && value.idPattern && !('error' in compileUserRegex(value.idPattern)) ? value.idPattern : undefined;
  return include?.length || idPattern ? { ...(include?.length ? { include } : {}), ...(idPattern ? { idPattern } : {}) } : undefined;
}

function cleanSections(value: unknown, known?: string[]): ConfigData['sections'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: NonNullable<ConfigData['sections']> = {};
  for (const [id, entry] of Object.entries(value as Record<string, unknown>)) {
    if (known && !known.includes(id)) continue;
    const aliases = entry && typeof entry === 'object' && Array.isArray((entry as { aliases?: unknown }).aliases)
      ? ((entry as { aliases: unknown[] }).aliases).filter((a): a is string => typeof a === 'string' && a.trim().length > 0 && a.length <= 120)
      : [];
    if (aliases.length) out[id] = { aliases };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Keeps only the well-formed parts of a config that has problems, so the editor can still lint. */
function sanitize(data: ConfigData, knownRules: readonly string[]): ConfigData {
  const severities = new Set(['off', 'error', 'warning', 'info']);
  const cleanRules = (rules: unknown) => {
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return undefined;
    return Object.fromEntries(Object.entries(rules as Record<string, unknown>).filter(([id, value]) => knownRules.includes(id) && (
      (typeof value === 'string' && severities.has(value)) ||
      (!!value && typeof value === 'object' && !Array.isArray(value) && (!('severity' in value) || severities.has(String((value as { severity: unknown }).severity))))))) as Record<string, RuleSetting>;
  };
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && !!s) : undefined);
  const patterns = strings(data.placeholders?.patterns)?.filter((p) => !('error' in compileUserRegex(p)));
  const interval = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\s*\d{1,4}\s*(day|week|month|year)s?\s*$/.test(v)) ? (v as string | number) : undefined;
  const formats = new Set(['article', 'guide', 'workflow', 'faq', 'checklist']);
  return {
    root: data.root === true ? true : undefined,
    rules: cleanRules(data.rules),
    overrides: Array.isArray(data.overrides)
      ? data.overrides.filter((o) => o && typeof o === 'object' && (typeof o.files === 'string' || strings(o.files)?.length)).map((o) => ({
        files: typeof o.files === 'string' ? o.files : strings(o.files)!,
        format: formats.has(String(o.format)) ? o.format : undefined,
        rules: cleanRules(o.rules),
        reviewInterval: interval(o.reviewInterval),
      }))
      : undefined,
    schema: text(data.schema),
    reviewInterval: interval(data.reviewInterval),
    placeholders: patterns ? { patterns } : undefined,
    sections: cleanSections(data.sections, data.schema ? undefined : sectionCatalogue().map((s) => s.id)),
    ignore: strings(data.ignore),
    templates: text(data.templates),
    library: cleanLibrary(data.library),
    approval: data.approval && typeof data.approval === 'object' && typeof data.approval.independent === 'boolean' ? { independent: data.approval.independent } : undefined,
  };
}
