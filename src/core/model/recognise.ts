/**
 * Recognition by meaning: after headings have been matched, which parts does the document still
 * serve, and with what? Content that does a part's job — an opening statement of purpose, an
 * "applies to" sentence, procedural content anywhere, a "See …" line with a link, a change
 * table, front matter from other tools — serves the part without its canonical heading.
 *
 * Trust over recall: every cue here asks for specific evidence (a sentence of a known shape, a
 * link, a list of steps) and most look only where that evidence is written in real SOPs (the
 * opening, a section's lead paragraph). The words and sentence cues come from the schema's
 * x-sop-* annotations, per language; only the document shapes are code.
 */
import type { Heading as MdHeading, List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SectionInfo } from '../schema.js';
import { rangeAt } from '../parse/positions.js';
import { compileCue, normalizeTitle } from './sections.js';
import type { PartRecognition, Range, SopDocument } from '../types.js';

interface CompiledCues { anywhere: RegExp[]; opening: RegExp[]; lead: RegExp[]; stepVerbs: Set<string> }

const cueCache = new WeakMap<SectionInfo, Map<string, CompiledCues>>();

function cuesOf(info: SectionInfo | undefined, languages: string[]): CompiledCues {
  if (!info) return { anywhere: [], opening: [], lead: [], stepVerbs: new Set() };
  let byLang = cueCache.get(info);
  if (!byLang) cueCache.set(info, (byLang = new Map()));
  const key = languages.join(',');
  let compiled = byLang.get(key);
  if (!compiled) {
    const anywhere = [...info.cues];
    const opening = [...info.openingCues];
    const lead = [...info.leadCues];
    const verbs = [...info.stepVerbs];
    for (const l of languages) {
      const e = info.languages[l];
      if (e) { anywhere.push(...e.cues); opening.push(...e.openingCues); lead.push(...e.leadCues); verbs.push(...e.stepVerbs); }
    }
    const compile = (list: string[]) => list.map(compileCue).filter((r): r is RegExp => !!r);
    byLang.set(key, (compiled = { anywhere: compile(anywhere), opening: compile(opening), lead: compile(lead), stepVerbs: new Set(verbs.map((v) => v.toLowerCase())) }));
  }
  return compiled;
}

function offsets(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** Sentences of a paragraph as plain text, markup gone; line breaks inside a paragraph are spaces. */
function sentences(node: Nodes): string[] {
  const text = toString(node).replace(/\s+/g, ' ').trim();
  if (!text) return [];
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}¿¡"“(])/u).map((s) => s.trim()).filter(Boolean).slice(0, 6);
}

/** A paragraph's lines as written: soft line breaks and hard breaks ("two spaces") both end a line. */
function linesOf(p: Paragraph): string[] {
  return p.children.map((c) => (c.type === 'break' ? '\n' : toString(c))).join('').split('\n');
}

const isProse = (n: Nodes) => n.type === 'paragraph' || n.type === 'blockquote';

/** Paragraphs of a block, looking into block quotes (GitHub/MkDocs notes) but not into lists. */
function paragraphsOf(nodes: Nodes[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const n of nodes) {
    if (n.type === 'paragraph') out.push(n as Paragraph);
    else if (n.type === 'blockquote') out.push(...paragraphsOf((n as { children: Nodes[] }).children));
  }
  return out;
}

function hasOutsideLink(node: Nodes): boolean {
  let found = false;
  const visit = (n: Nodes) => {
    if (found) return;
    if ((n.type === 'link' || n.type === 'definition') && !String((n as { url: string }).url).startsWith('#')) { found = true; return; }
    if (n.type === 'linkReference') { found = true; return; }
    if ('children' in n) for (const c of (n as { children: Nodes[] }).children) visit(c);
  };
  visit(node);
  return found;
}

export interface RecogniseContext {
  catalogue: SectionInfo[];
  languages: string[];
  /** Index into doc.tree.children of the heading taken as the title, or -1. */
  titleHeading: number;
  /** The parts a name stands for, exactly as a heading would ("Objetivo", "Change log"). */
  matchName: (name: string) => string[];
}

/** "Objectif de cette fiche : …", "🎯 **Objective:** …", "Change log: 1.0 (2025-10-30) …". */
const LABEL_LINE = /^[^\p{L}]*(\p{L}[\p{L}\p{N} '’&/-]{0,48}?)\s*:\s*\S/u;
// Found, then cut with slice: an anchored `\s+(?:…)\b.*$` retried at every space is quadratic.
const LABEL_QUALIFIER = /\s(?:of|for|de|du|des|del|der|van|da|do|dieser|dieses|cette|ce|este|esta|deze|dit)\b/iu;
const withoutQualifier = (label: string): string => {
  const at = label.search(LABEL_QUALIFIER);
  return at < 0 ? label : label.slice(0, at).trimEnd();
};

/** The document's opening: prose between the title (or the start) and the first other heading. */
function openingNodes(doc: SopDocument, titleHeading: number): RootContent[] {
  const children = doc.tree.children;
  const out: RootContent[] = [];
  for (let i = titleHeading + 1; i < children.length && out.length < 6; i++) {
    const n = children[i];
    if (n.type === 'heading') break;
    if (n.type === 'yaml' || n.type === 'html' || n.type === 'definition') continue;
    out.push(n);
  }
  return out;
}

/** The first prose block of each section, before any sub-heading: where SOPs state who and when. */
function leadParagraphs(doc: SopDocument): Paragraph[] {
  const out: Paragraph[] = [];
  for (const s of doc.sections) {
    if (s.heading.depth > 3) continue;
    const first = s.body.find((n) => n.type !== 'html');
    if (first && isProse(first)) out.push(...paragraphsOf([first]).slice(0, 1));
  }
  return out;
}

/** Every top-level paragraph in the document body (not inside list items, tables or code). */
function allParagraphs(doc: SopDocument): Paragraph[] {
  return paragraphsOf(doc.tree.children as Nodes[]);
}

const CONDITIONAL = /\b(?:if|when|in case) you\b/i;

function firstMatch(paragraphs: Paragraph[], cues: RegExp[], firstSentenceOnly = false, unless?: RegExp): { node: Paragraph; sentence: string } | undefined {
  if (!cues.length) return undefined;
  for (const p of paragraphs) {
    const list = sentences(p);
    for (const sentence of firstSentenceOnly ? list.slice(0, 1) : list) {
      if (unless?.test(sentence)) continue;
      if (cues.some((re) => re.test(sentence))) return { node: p, sentence };
    }
  }
  return undefined;
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

const STEP_WORD = /^\s*(?:step|schritt|étape|etape|paso|passo|stap)\s+\d{1,4}\b/i;
const NUMBERED = /^\s*\d{1,3}(?:\.\d{1,3})*[.)]?\s+\S/;
const IF_ITEM = /^\s*(?:if|otherwise|else|when|wenn|falls|sonst|si|sinon|sino|se|senão|caso|als|anders|indien)\b/i;
/** Kinds of document whose title says the body is the procedure: "Deployment Checklist", "FAQ for CE". */
const PROCEDURAL_TITLE = /\b(?:checklists?|faqs?|frequently asked questions|procedure|protocol|runbook|playbook|how to|instructions|checkliste|anleitung|verfahren|procédure|procedimiento|procedimento|protocolo|werkinstructie|stappenplan)\b/i;

/**
 * A heading that opens with an instruction verb from the schema ("Gather information", "Colete
 * informações"); in German the polite imperative ("Sammeln Sie …") is recognised by its shape.
 */
function isImperativeHeading(text: string, verbs: Set<string>, lang: string): boolean {
  const t = normalizeTitle(text);
  const words = t.split(/\s+/);
  if (words.length < 2) return false;
  if (verbs.has(words[0])) return true;
  return lang === 'de' && /^\p{L}+(?:en|n) sie\b/u.test(t);
}

/** "Document and share your hours." — a sentence that opens with an instruction verb and goes on. */
function startsWithVerb(sentence: string, verbs: Set<string>): boolean {
  const m = /^([\p{L}]+)\s+(\p{L}+)/u.exec(sentence);
  if (!m || !/^\p{Lu}/u.test(m[1])) return false;
  return verbs.has(m[1].toLowerCase()) && /^(?:the|your|a|an|and|all|any|each|every|it|them|this|that|these|those|to|up|out|with|for|on|in|sure|den|die|das|ihre|le|la|les|vos|votre|el|la|los|las|tu|su|o|a|os|as|seu|sua|de|het|een|uw)$/i.test(m[2]);
}

function listItems(list: List): ListItem[] {
  return list.children as ListItem[];
}

function firstLine(item: ListItem): string {
  const p = item.children.find((c) => c.type === 'paragraph');
  return p ? toString(p).split('\n')[0] : '';
}

/** Which sections' content must not count as steps: a reference list or a change list is not a procedure. */
function excludedRanges(doc: SopDocument): [number, number][] {
  return doc.sections
    .filter((s) => s.canonical.some((c) => c === 'references' || c === 'revisionHistory' || c === 'definitions'))
    .map((s) => [s.range.start.offset, s.range.end.offset]);
}

function inside(ranges: [number, number][], offset: number): boolean {
  return ranges.some(([a, b]) => offset >= a && offset < b);
}

/** The first procedural content, wherever it stands. */
function findProcess(doc: SopDocument, lang: string, titleText: string, verbs: Set<string>): { node: Nodes; text: string } | undefined {
  const excluded = excludedRanges(doc);
  const lists: List[] = [];
  const collect = (nodes: Nodes[]) => {
    for (const n of nodes) {
      if (n.type === 'list') lists.push(n as List);
      else if (n.type === 'blockquote') collect((n as { children: Nodes[] }).children);
    }
  };
  collect(doc.tree.children as Nodes[]);
  const usable = lists.filter((l) => !inside(excluded, offsets(l)[0]));
  // Task lists and ordered lists of two or more items are steps.
  const tasks = usable.find((l) => listItems(l).filter((i) => i.checked === true || i.checked === false).length >= 2);
  if (tasks) return { node: tasks, text: `task list (${listItems(tasks).length} items)` };
  const ordered = usable.find((l) => l.ordered && l.children.length >= 2);
  if (ordered) return { node: ordered, text: `numbered list: ${excerpt(firstLine(listItems(ordered)[0]))}` };
  // If / Otherwise branches written as bullets.
  const branches = usable.find((l) => listItems(l).filter((i) => IF_ITEM.test(firstLine(i))).length >= 2);
  if (branches) return { node: branches, text: `branches: ${excerpt(firstLine(listItems(branches)[0]))}` };
  // Step headings and "Step N" / "**1.** …" paragraphs.
  const children = doc.tree.children as Nodes[];
  const stepHeadings = children.filter((n): n is MdHeading => n.type === 'heading' && (STEP_WORD.test(toString(n)) || (n.depth > 1 && NUMBERED.test(toString(n)))));
  if (stepHeadings.length >= 2) return { node: stepHeadings[0], text: `step headings: ${excerpt(toString(stepHeadings[0]))}` };
  const stepParagraphs = children.filter((n) => n.type === 'paragraph' && STEP_WORD.test(toString(n)));
  if (stepParagraphs.length >= 2) return { node: stepParagraphs[0], text: `step paragraphs: ${excerpt(toString(stepParagraphs[0]).split('\n')[0])}` };
  // Activity-named headings: a section whose sub-headings are instructions ("Gather information", "Sammeln Sie …").
  for (const s of doc.sections) {
    const subs = s.body.filter((n): n is MdHeading => n.type === 'heading' && n.depth === s.heading.depth + 1);
    if (subs.length >= 2 && subs.filter((h) => isImperativeHeading(toString(h), verbs, lang)).length >= 2) {
      return { node: subs[0], text: `instruction headings: ${excerpt(toString(subs[0]))}` };
    }
  }
  // Instructions written as prose: several paragraphs that open with an instruction verb ("Document the routes…").
  const imperative = (doc.tree.children as Nodes[]).filter((n) => n.type === 'paragraph' && sentences(n).some((x) => startsWithVerb(x, verbs)));
  if (imperative.length >= 3) return { node: imperative[0], text: `instructions: ${excerpt(sentences(imperative[0])[0] ?? '')}` };
  // A document that says it is a checklist or FAQ, and whose body is that.
  if (PROCEDURAL_TITLE.test(titleText)) {
    const list = usable.find((l) => l.children.length >= 3);
    if (list) return { node: list, text: `list under a procedural title: ${excerpt(firstLine(listItems(list)[0]))}` };
    if (doc.faq.length >= 2) return { node: doc.tree.children.find((n) => n.type === 'heading' && /\?\s*$/.test(toString(n))) ?? doc.tree, text: `${doc.faq.length} questions with answers` };
  }
  return undefined;
}

const STANDARD = /\b(?:iso|iec|en|din|astm|ansi|nist|cfr|gmp|glp|ich|mdr|ivdr|hipaa|soc ?2)\b[\s-]*\d|\bstandards?\b|\bnorm(?:e|en)?\b|\bnorma\b/i;

function headerOf(table: Table): string[] {
  return (table.children[0]?.children ?? []).map((c) => toString(c).toLowerCase().trim());
}

function findStandardsTable(doc: SopDocument): Table | undefined {
  for (const n of doc.tree.children) {
    if (n.type !== 'table') continue;
    const header = headerOf(n as Table);
    if (header.some((h) => STANDARD.test(h))) return n as Table;
  }
  return undefined;
}

const DATE_COL = /\b(?:date|datum|fecha|data|when|effective)\b/;
const CHANGE_COL = /\b(?:version|rev(?:ision)?|change|changes|description of change|änderung|wijziging|modification|cambio|alteração|versión|versão|versie)\b/;

function findChangeTable(doc: SopDocument): Table | undefined {
  for (const n of doc.tree.children) {
    if (n.type !== 'table') continue;
    const header = headerOf(n as Table);
    if (header.some((h) => DATE_COL.test(h)) && header.some((h) => CHANGE_COL.test(h)) && (n as Table).children.length >= 2) return n as Table;
  }
  return undefined;
}

function frontMatterValue(doc: SopDocument, keys: string[]): { key: string; value: unknown; range: Range } | undefined {
  const data = doc.frontMatter.data;
  if (!data) return undefined;
  for (const key of keys) {
    const value = data[key];
    const meaningful = typeof value === 'string' ? value.trim().split(/\s+/).length >= 1 && value.trim().length > 0
      : Array.isArray(value) ? value.length > 0 : value != null && typeof value === 'object';
    if (!meaningful) continue;
    const k = doc.frontMatter.keys.find((x) => x.key === key);
    return { key, value, range: k ? { start: k.keyRange.start, end: k.valueRange.end } : doc.frontMatter.range! };
  }
  return undefined;
}

/** What serves a part when no heading does: how it was found, a short excerpt, and where. */
interface ContentHit { how: PartRecognition['how']; text: string; at: Nodes | Range }

type PartFinder = (doc: SopDocument, context: RecogniseContext, opening: Paragraph[]) => ContentHit | undefined;

const catalogueEntry = (context: RecogniseContext, id: string) => context.catalogue.find((s) => s.id === id);

/** An opening "This SOP describes how …", else a description-like front-matter key. */
const purposeByContent: PartFinder = (doc, context, opening) => {
  const cues = cuesOf(catalogueEntry(context, 'purpose'), context.languages);
  const hit = firstMatch(opening, [...cues.opening, ...cues.anywhere]);
  if (hit) return { how: 'content', text: excerpt(hit.sentence), at: hit.node };
  const fm = frontMatterValue(doc, ['description', 'about', 'summary', 'purpose', 'objective']);
  return fm && typeof fm.value === 'string' ? { how: 'front-matter', text: `${fm.key}: ${excerpt(fm.value)}`, at: fm.range } : undefined;
};

/** "Applies to / use this when …" in the opening, a section's lead or anywhere, else an audience-like key. */
const scopeByContent: PartFinder = (doc, context, opening) => {
  const cues = cuesOf(catalogueEntry(context, 'scope'), context.languages);
  const hit = firstMatch(opening, [...cues.opening, ...cues.anywhere]) ?? firstMatch(leadParagraphs(doc), cues.lead) ?? firstMatch(allParagraphs(doc), cues.anywhere);
  if (hit) return { how: 'content', text: excerpt(hit.sentence), at: hit.node };
  const fm = frontMatterValue(doc, ['scope', 'applies_to', 'audience']);
  return fm ? { how: 'front-matter', text: `${fm.key}: ${excerpt(String(fm.value))}`, at: fm.range } : undefined;
};

/** Procedural content anywhere: ordered lists, task lists, step headings, bold-led steps, branches. */
const processByContent: PartFinder = (doc, context) => {
  const lang = context.languages.find((l) => l !== 'en') ?? 'en';
  const found = findProcess(doc, lang, doc.title?.text ?? '', cuesOf(catalogueEntry(context, 'process'), context.languages).stepVerbs);
  return found ? { how: 'content', text: found.text, at: found.node } : undefined;
};

/** "See also / further reading" with outside links, a standards table, else a links-like key. */
const referencesByContent: PartFinder = (doc, context) => {
  const cues = cuesOf(catalogueEntry(context, 'references'), context.languages);
  // "See … if you …" is an instruction inside a step, not a pointer to further reading.
  const hit = firstMatch(allParagraphs(doc).filter(hasOutsideLink), cues.anywhere, true, CONDITIONAL);
  if (hit) return { how: 'content', text: excerpt(hit.sentence), at: hit.node };
  const table = findStandardsTable(doc);
  if (table) return { how: 'content', text: `standards table: ${excerpt(headerOf(table).join(' | '))}`, at: table };
  const fm = frontMatterValue(doc, ['related', 'references', 'see_also', 'seeAlso', 'links', 'resources']);
  if (!fm || !(Array.isArray(fm.value) || typeof fm.value === 'string')) return undefined;
  return { how: 'front-matter', text: `${fm.key}: ${excerpt(Array.isArray(fm.value) ? fm.value.map(String).join(', ') : String(fm.value))}`, at: fm.range };
};

/** A change table anywhere, else a front-matter list of revisions. */
const revisionsByContent: PartFinder = (doc) => {
  const table = findChangeTable(doc);
  if (table) return { how: 'content', text: `change table: ${excerpt(headerOf(table).join(' | '))}`, at: table };
  const fm = frontMatterValue(doc, ['revisions', 'revision_history', 'history', 'changelog', 'changes']);
  return fm && Array.isArray(fm.value) && fm.value.length > 0 ? { how: 'front-matter', text: `${fm.key}: ${fm.value.length} entries`, at: fm.range } : undefined;
};

const FINDERS: [string, PartFinder][] = [
  ['purpose', purposeByContent],
  ['scope', scopeByContent],
  ['process', processByContent],
  ['references', referencesByContent],
  ['revisionHistory', revisionsByContent],
];

/** Lines led by a part's name and a colon, wherever they stand: the way forms and pasted documents label parts. */
function labelLines(doc: SopDocument, context: RecogniseContext): { part: string; hit: ContentHit }[] {
  const out: { part: string; hit: ContentHit }[] = [];
  for (const p of allParagraphs(doc)) {
    for (const line of linesOf(p).slice(0, 6)) {
      const m = LABEL_LINE.exec(line);
      if (!m) continue;
      let ids = context.matchName(m[1]);
      if (!ids.length && LABEL_QUALIFIER.test(m[1])) ids = context.matchName(withoutQualifier(m[1]));
      for (const id of ids) if (id !== 'title') out.push({ part: id, hit: { how: 'content', text: excerpt(line), at: p } });
    }
  }
  return out;
}

/**
 * Parts served by content or front matter, for those no heading serves. `have` is the set of parts
 * already served; the result never repeats one.
 */
export function recogniseByContent(doc: SopDocument, context: RecogniseContext, have: Set<string>): PartRecognition[] {
  const out: PartRecognition[] = [];
  const add = (part: string, hit: ContentHit | undefined) => {
    if (!hit || have.has(part)) return;
    have.add(part);
    const range = 'type' in hit.at ? rangeAt(doc.lineStarts, ...offsets(hit.at)) : hit.at;
    out.push({ part, how: hit.how, text: hit.text, range });
  };
  for (const { part, hit } of labelLines(doc, context)) add(part, hit);
  const opening = paragraphsOf(openingNodes(doc, context.titleHeading) as Nodes[]);
  for (const [part, find] of FINDERS) if (!have.has(part)) add(part, find(doc, context, opening));
  return out;
}
