/**
 * The template gallery: ready-to-adapt SOPs that a writer fills with a few answers (business
 * name, channels, tone…). Pure: the built-in templates arrive as a generated JSON module (packed
 * from templates/ by scripts/gen-templates.mjs) and a team's own templates are passed in as text.
 *
 * Template syntax (documented for template authors in templates/README.md):
 * - `{{answer_id}}` is replaced by the answer. In the body the answer is escaped so it cannot add
 *   Markdown or HTML structure; in front matter it is written as a safe YAML scalar. Multi-choice
 *   answers are joined naturally ("phone, e-mail and chat"). `{{today}}` and `{{year}}` are built in.
 * - A line holding only `{{#when answer_id=value|other}}` starts a block kept only when the answer
 *   (or, for multi-choice, any chosen value) is one of the values; `{{#else}}` and `{{/when}}`
 *   close it. `{{#when answer_id}}` keeps the block when the answer is not empty. Blocks nest.
 * - `\{{` writes a literal `{{`.
 */
import { parseDocument, isMap, isScalar, visit } from 'yaml';
import builtinPack from './builtin-templates.generated.json' with { type: 'json' };
import { SOP_FORMATS, type SopFormat } from '../types.js';
import { todayIso } from '../dates.js';
import { asciiSlug, joinNaturally } from '../text.js';

export interface TemplateQuestion {
  id: string;
  prompt: string;
  /** Example text shown in an empty input box. */
  placeholder?: string;
  /** Used when no answer is given; a question without a default is required. */
  default?: string | string[];
  choices?: string[];
  /** Several choices may be picked (answers are then joined naturally). */
  multi?: boolean;
  /** True when the question has no default, so an answer must be given. */
  required?: boolean;
  /** Other words accepted for a choice (e.g. the wizard's tone "professional" → "formal"). */
  aliases?: Record<string, string>;
}

export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  format: SopFormat;
  questions: TemplateQuestion[];
  /** 'builtin' for the gallery shipped with sopkit, 'team' for templates passed in as `extra`. */
  source: 'builtin' | 'team';
  fileName: string;
}

export interface TemplateSource extends TemplateInfo {
  text: string;
}

export type TemplateAnswers = Record<string, string | string[]>;

export interface FillOptions {
  /** YYYY-MM-DD for `{{today}}`; defaults to the current date. */
  today?: string;
  /** A team's own templates; one with a built-in id replaces the built-in. */
  extra?: TemplateSource[];
}

export class TemplateError extends Error {
  constructor(message: string, readonly templateId?: string, readonly missing: string[] = []) {
    super(message);
    this.name = 'TemplateError';
  }
}

const BUILTIN_VARIABLES = new Set(['today', 'year']);
const ANSWER_ID = /^[a-z][a-z0-9_]*$/;
const INLINE_PLACEHOLDER = /\\\{\{|\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g;
const BLOCK_LINE = /^\s*\{\{\s*(#when\s+([a-z][a-z0-9_]*)\s*(?:=\s*(.*?))?|#else|\/when)\s*\}\}\s*$/;

// ---------------------------------------------------------------- built-in gallery

interface ManifestQuestion extends Partial<TemplateQuestion> { id?: string }
interface ManifestEntry { id: string; file: string; title: string; description: string; format: string; questions: (string | ManifestQuestion)[] }
interface Pack { manifest: { questions?: Record<string, ManifestQuestion>; templates: ManifestEntry[] }; files: Record<string, string> }

let builtinCache: TemplateSource[] | undefined;

/** Questions every team template understands without declaring them: the manifest's shared ones. */
function wellKnownQuestions(): Record<string, ManifestQuestion> {
  return (builtinPack as unknown as Pack).manifest.questions ?? {};
}

function builtinTemplates(): TemplateSource[] {
  return (builtinCache ??= templatesFromPack(builtinPack as unknown as Pack));
}

/** Turns a parsed manifest plus file texts into template sources (exported for the manifest tests). */
export function templatesFromPack(pack: Pack): TemplateSource[] {
  const shared = pack.manifest.questions ?? {};
  return pack.manifest.templates.map((entry) => {
    const text = pack.files[entry.file];
    if (text === undefined) throw new TemplateError(`Template '${entry.id}' names file '${entry.file}', which is not in templates/.`, entry.id);
    const questions = entry.questions.map((q) => {
      const declared = typeof q === 'string' ? { ...shared[q], id: q } : q;
      if (typeof q === 'string' && !shared[q]) throw new TemplateError(`Template '${entry.id}' asks question '${q}', which the manifest does not define.`, entry.id);
      return normaliseQuestion(declared, entry.id);
    });
    return { id: entry.id, title: entry.title, description: entry.description, format: checkFormat(entry.format, entry.id), questions, source: 'builtin', fileName: entry.file, text };
  });
}

function normaliseQuestion(q: ManifestQuestion, templateId: string): TemplateQuestion {
  if (!q.id || !ANSWER_ID.test(q.id)) throw new TemplateError(`Template '${templateId}' has a question id '${q.id ?? ''}' that is not lower_snake_case.`, templateId);
  if (BUILTIN_VARIABLES.has(q.id)) throw new TemplateError(`Template '${templateId}' declares '${q.id}', which sopkit fills by itself.`, templateId);
  const question: TemplateQuestion = { id: q.id, prompt: q.prompt?.trim() || humanise(q.id) };
  if (q.placeholder !== undefined) question.placeholder = String(q.placeholder);
  if (q.choices) question.choices = q.choices.map(String);
  if (q.multi) question.multi = true;
  if (q.default !== undefined) question.default = Array.isArray(q.default) ? q.default.map(String) : String(q.default);
  if (q.aliases && q.choices) {
    for (const [word, choice] of Object.entries(q.aliases)) {
      if (!q.choices.includes(choice)) throw new TemplateError(`Template '${templateId}': alias '${word}' of question '${q.id}' points to '${choice}', which is not one of its choices.`, templateId);
    }
    question.aliases = { ...q.aliases };
  }
  question.required = question.default === undefined;
  return question;
}

function checkFormat(format: unknown, templateId: string): SopFormat {
  if (typeof format === 'string' && (SOP_FORMATS as readonly string[]).includes(format)) return format as SopFormat;
  throw new TemplateError(`Template '${templateId}' has format '${String(format)}'; expected one of ${SOP_FORMATS.join(', ')}.`, templateId);
}

// ---------------------------------------------------------------- public API

export function listTemplates(extra: TemplateSource[] = []): TemplateInfo[] {
  return allTemplates(extra).map(({ text: _text, ...info }) => info);
}

function allTemplates(extra: TemplateSource[]): TemplateSource[] {
  const byId = new Map<string, TemplateSource>();
  for (const t of builtinTemplates()) byId.set(t.id, t);
  for (const t of extra) byId.set(t.id, t);
  return [...byId.values()];
}

/** Reads one file of a team's templates folder: front matter plus body, placeholders as above. */
export function parseTemplateSource(fileName: string, text: string): TemplateSource {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? fileName;
  const { frontMatter, body } = splitFrontMatter(text);
  let data: Record<string, unknown> = {};
  if (frontMatter !== undefined) {
    const doc = parseDocument(frontMatter, { logLevel: 'silent' });
    if (doc.errors.length) throw new TemplateError(`Template file '${base}': its front matter is not valid YAML (${doc.errors[0].message.split('\n')[0]}). Quote values that contain {{placeholders}}.`);
    const js = doc.toJS();
    if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
  }
  const id = typeof data['x-template-id'] === 'string' ? data['x-template-id'] : asciiSlug(base.replace(/\.(md|markdown)$/i, ''));
  if (!id) throw new TemplateError(`Template file '${base}': cannot make a template id from its name.`);
  const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : (/^#\s+(.+)$/m.exec(body)?.[1].trim() ?? humanise(id));
  const description = typeof data['x-template-description'] === 'string' ? data['x-template-description'] : firstParagraph(body);
  const format = data.format === undefined ? 'article' : checkFormat(data.format, id);
  let questions: TemplateQuestion[];
  if (Array.isArray(data['x-template-questions'])) {
    questions = (data['x-template-questions'] as (string | ManifestQuestion)[]).map((q) =>
      normaliseQuestion(typeof q === 'string' ? { ...wellKnownQuestions()[q], id: q } : { ...wellKnownQuestions()[q.id ?? ''], ...q }, id));
  } else {
    questions = usedAnswerIds(text).map((qid) => normaliseQuestion({ ...wellKnownQuestions()[qid], id: qid }, id));
  }
  return { id, title, description, format, questions, source: 'team', fileName: base, text };
}

/** The SOP draft gallery template `id` makes from `answers`: blocks kept or dropped, answers filled in, escaped. */
export function draftFromTemplate(id: string, answers: TemplateAnswers, options: FillOptions = {}): string {
  const templates = allTemplates(options.extra ?? []);
  const template = templates.find((t) => t.id === id);
  if (!template) {
    throw new TemplateError(`Unknown template '${id}'. Known templates: ${templates.map((t) => t.id).join(', ')}.`, id);
  }
  const today = options.today ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new TemplateError(`'today' must be a date written YYYY-MM-DD; got '${today}'.`, id);
  const values = resolveAnswers(template, answers);
  values.set('today', [today]);
  values.set('year', [today.slice(0, 4)]);

  const kept = applyBlocks(template.text, values, template.id);
  const { frontMatter, body, opening, fence } = splitFrontMatter(kept);
  const filledBody = fillBody(body, values);
  if (frontMatter === undefined) return filledBody;
  return `${opening}${fillFrontMatter(frontMatter, values, template.id)}${fence}${filledBody}`;
}

// ---------------------------------------------------------------- answers

let commonIds: Set<string> | undefined;
function commonAnswerIds(): Set<string> {
  return (commonIds ??= new Set([...Object.keys(wellKnownQuestions()), ...builtinTemplates().flatMap((t) => t.questions.map((q) => q.id))]));
}

function resolveAnswers(template: TemplateSource, answers: TemplateAnswers): Map<string, string[]> {
  const known = new Set(template.questions.map((q) => q.id));
  // Answers to questions other templates ask (a shell may ask business name and tone up front)
  // are ignored; anything else is most likely a typo in `--set key=value`.
  const unknown = Object.keys(answers).filter((k) => !known.has(k) && !commonAnswerIds().has(k));
  if (unknown.length) {
    throw new TemplateError(`Template '${template.id}' does not ask ${joinNaturally(unknown.map((u) => `'${u}'`))}. It asks: ${template.questions.map((q) => q.id).join(', ')}.`, template.id);
  }
  const values = new Map<string, string[]>();
  const missing: string[] = [];
  for (const q of template.questions) {
    const given = answers[q.id] ?? q.default;
    let parts = given === undefined ? [] : Array.isArray(given) ? given : q.multi ? given.split(',') : [given];
    parts = parts.map((p) => String(p).trim()).filter(Boolean);
    if (parts.length === 0) { missing.push(q.id); continue; }
    if (!q.multi && parts.length > 1) throw new TemplateError(`Template '${template.id}': question '${q.id}' takes one answer; got ${parts.length} (${parts.join(', ')}).`, template.id);
    if (q.choices) parts = parts.map((p) => matchChoice(p, q, template.id));
    values.set(q.id, [...new Set(parts)]);
  }
  if (missing.length) {
    const asked = missing.map((m) => `${m} (${template.questions.find((q) => q.id === m)!.prompt})`);
    throw new TemplateError(`Template '${template.id}' needs ${missing.length === 1 ? 'an answer' : 'answers'} for: ${asked.join('; ')}.`, template.id, missing);
  }
  return values;
}

const choiceKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function matchChoice(answer: string, q: TemplateQuestion, templateId: string): string {
  const key = choiceKey(answer);
  const exact = q.choices!.find((c) => choiceKey(c) === key);
  if (exact) return exact;
  const alias = Object.entries(q.aliases ?? {}).find(([word]) => choiceKey(word) === key);
  if (alias) return alias[1];
  const prefixed = key ? q.choices!.filter((c) => choiceKey(c).startsWith(key)) : [];
  if (prefixed.length === 1) return prefixed[0];
  throw new TemplateError(`Template '${templateId}': '${answer}' is not a choice for '${q.id}'. Choose from: ${q.choices!.join(', ')}.`, templateId);
}


// ---------------------------------------------------------------- blocks

function applyBlocks(text: string, values: Map<string, string[]>, templateId: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  // Each open block: whether its current branch is kept and whether its condition matched.
  const stack: { keep: boolean; matched: boolean; line: number }[] = [];
  const keeping = () => stack.every((b) => b.keep);
  // A block dropped between two blank lines would leave a double blank line behind.
  let droppedSinceLastKept = false;
  const isBlank = (l: string | undefined) => l !== undefined && l.trim() === '';
  lines.forEach((line, index) => {
    const m = BLOCK_LINE.exec(line.replace(/\r$/, ''));
    if (!m) {
      if (!keeping()) { droppedSinceLastKept = true; return; }
      if (!(droppedSinceLastKept && isBlank(line) && isBlank(out[out.length - 1]))) out.push(line);
      droppedSinceLastKept = false;
      return;
    }
    droppedSinceLastKept = true;
    if (m[1].startsWith('#when')) {
      const matched = blockMatches(values.get(m[2]), m[3]);
      stack.push({ keep: matched, matched, line: index + 1 });
    } else if (m[1] === '#else') {
      const top = stack[stack.length - 1];
      if (!top) throw new TemplateError(`Template '${templateId}', line ${index + 1}: {{#else}} without an open {{#when}}.`, templateId);
      top.keep = !top.matched;
    } else if (!stack.pop()) {
      throw new TemplateError(`Template '${templateId}', line ${index + 1}: {{/when}} without an open {{#when}}.`, templateId);
    }
  });
  if (stack.length) throw new TemplateError(`Template '${templateId}', line ${stack[stack.length - 1].line}: {{#when}} is never closed with {{/when}}.`, templateId);
  return out.join('\n');
}

function blockMatches(answer: string[] | undefined, expected: string | undefined): boolean {
  if (expected === undefined || expected.trim() === '') return !!answer?.length;
  const wanted = new Set(expected.split('|').map(choiceKey));
  return (answer ?? []).some((a) => wanted.has(choiceKey(a)));
}

// ---------------------------------------------------------------- substitution

function fillBody(body: string, values: Map<string, string[]>): string {
  return body.replace(INLINE_PLACEHOLDER, (match, id: string | undefined, offset: number) => {
    if (!id) return '{{';
    const value = values.get(id);
    if (!value) return match;
    const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
    const atLineStart = /^[ \t>]*$/.test(body.slice(lineStart, offset));
    return escapeMarkdown(joinNaturally(value), atLineStart);
  });
}

/**
 * Answer text as inline Markdown that renders literally: no links, HTML, emphasis, table cells or
 * (at a line start) headings, quotes and list items. Only what could add structure is escaped, so
 * the raw file stays readable.
 */
export function escapeMarkdown(text: string, atLineStart = false): string {
  let escaped = text.replace(/\s+/g, ' ').trim()
    .replace(/[\\`*_[\]<|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\{\{/g, '\\{\\{')
    // GFM turns bare URLs into links; an answer should stay plain text.
    .replace(/:\/\//g, '\\://').replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
  if (atLineStart) escaped = escaped.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=#>])/, '\\$1');
  return escaped;
}

/** Drops the `x-template-*` keys that describe a team template; the filled SOP does not need them. */
function withoutTemplateKeys(yamlText: string): string {
  const doc = parseDocument(yamlText);
  if (doc.errors.length || !isMap(doc.contents)) return yamlText;
  const items = doc.contents.items;
  let out = yamlText;
  for (let i = items.length - 1; i >= 0; i--) {
    const key = items[i].key;
    if (!isScalar(key) || !String(key.value).startsWith('x-template') || !key.range) continue;
    const next = items[i + 1]?.key;
    const end = isScalar(next) && next.range ? next.range[0] : yamlText.length;
    out = out.slice(0, key.range[0]) + out.slice(end);
  }
  return out;
}

function fillFrontMatter(rawYaml: string, values: Map<string, string[]>, templateId: string): string {
  const yamlText = withoutTemplateKeys(rawYaml);
  const doc = parseDocument(yamlText);
  if (doc.errors.length) throw new TemplateError(`Template '${templateId}': its front matter is not valid YAML (${doc.errors[0].message.split('\n')[0]}). Quote values that contain {{placeholders}}.`, templateId);
  const edits: { start: number; end: number; text: string }[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string' || !node.value.includes('{{') || !node.range) return;
      const value = node.value.replace(INLINE_PLACEHOLDER, (match, id: string | undefined) => {
        if (!id) return '{{';
        const v = values.get(id);
        return v ? joinNaturally(v).replace(/\s+/g, ' ').trim() : match;
      });
      edits.push({ start: node.range[0], end: node.range[1], text: yamlScalar(value) });
    },
  });
  let out = yamlText;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  if (/\{\{\s*[a-z][a-z0-9_]*\s*\}\}/.test(out.replace(/"(?:[^"\\]|\\.)*"/g, ''))) {
    throw new TemplateError(`Template '${templateId}': a {{placeholder}} in the front matter is not inside a value. Write it as key: "{{answer_id}}".`, templateId);
  }
  return out;
}

/** Plain when that reads back as the same string, otherwise a JSON (= YAML double-quoted) string. */
function yamlScalar(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  // No commas (flow sequences), colons or hashes (mappings, comments); never a YAML keyword.
  const plain = /^[A-Za-z][A-Za-z0-9 .'’/&()\-–—]*$/.test(value) && !/\s$/.test(value)
    && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

// ---------------------------------------------------------------- helpers

function splitFrontMatter(text: string): { frontMatter?: string; body: string; opening: string; fence: string } {
  const m = /^(---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!m) return { body: text, opening: '', fence: '' };
  return { frontMatter: m[2] ?? '', body: text.slice(m[0].length), opening: m[1], fence: m[3] };
}

function usedAnswerIds(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(INLINE_PLACEHOLDER)) if (m[1] && !BUILTIN_VARIABLES.has(m[1])) ids.add(m[1]);
  for (const line of text.split('\n')) {
    const m = BLOCK_LINE.exec(line);
    if (m?.[2] && !BUILTIN_VARIABLES.has(m[2])) ids.add(m[2]);
  }
  return [...ids];
}
export { usedAnswerIds as templateAnswerIds };

function firstParagraph(body: string): string {
  const para = body.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).find((p) => p && !/^(#|\||>|-|\*|\d+\.|<!--|\{\{)/.test(p)) ?? '';
  const flat = para.replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, (_m, id: string) => humanise(id).toLowerCase()).replace(/\s+/g, ' ');
  return flat.length > 120 ? `${flat.slice(0, 117).replace(/\s+\S*$/, '')}…` : flat;
}

function humanise(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
