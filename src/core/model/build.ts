/**
 * mdast → SopDocument: front matter, title, sections keyed by canonical name, steps, workflow
 * branches, checklist items, FAQ pairs and revision entries, each with its source range.
 */
import type { Heading as MdHeading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown, readFrontMatter } from '../parse/parse.js';
import { computeLineStarts, rangeAt } from '../parse/positions.js';
import type { PieceCache } from '../parse/pieces.js';
import { SectionMatcher, displayTitle, normalizeTitle } from './sections.js';
import { schemaLanguages, sectionCatalogue, type SectionInfo } from '../schema.js';
import { detectLanguage } from './language.js';
import { recogniseByContent } from './recognise.js';
import { inferFormat } from './formats.js';
import { extractSteps, extractStepReferences } from './steps.js';
import { extractChecklist, extractFaq, extractRevisions } from './parts.js';
import type { TeamSchema } from '../options.js';
import { SOP_FORMATS, type PartRecognition, type Range, type Section, type SopDocument, type SopFormat } from '../types.js';

export interface BuildOptions {
  format?: SopFormat;
  teamSchema?: TeamSchema;
  /** The editor's per-document cache of parsed pieces (see parse/pieces.ts). */
  pieceCache?: PieceCache;
  /** A team's own section aliases from `.sopkit.yaml` (`sections: { purpose: { aliases: [...] } }`). */
  sectionAliases?: Record<string, string[]>;
}

const BUILTIN = {};
const matcherCache = new WeakMap<object, Map<string, SectionMatcher>>();

/** One matcher per schema, language and set of team aliases: building one compiles every word and cue. */
function matcherFor(team: TeamSchema | undefined, lang: string, aliases?: Record<string, string[]>): SectionMatcher {
  const owner = team?.schema ?? BUILTIN;
  let byKey = matcherCache.get(owner);
  if (!byKey) matcherCache.set(owner, (byKey = new Map()));
  const key = `${lang}|${aliases ? JSON.stringify(aliases) : ''}`;
  let matcher = byKey.get(key);
  if (!matcher) {
    if (byKey.size > 64) byKey.clear();
    byKey.set(key, (matcher = new SectionMatcher(sectionCatalogue(team), { languages: [lang], extraAliases: aliases })));
  }
  return matcher;
}

export function nodeRange(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, lineStarts: number[]): Range {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return rangeAt(lineStarts, start, end);
}

export function buildSopDocument(text: string, options: BuildOptions = {}): SopDocument {
  const tree = parseMarkdown(text, options.pieceCache);
  return buildFromTree(text, tree, options);
}

export function buildFromTree(text: string, tree: Root, options: BuildOptions = {}): SopDocument {
  const lineStarts = computeLineStarts(text);
  const frontMatter = readFrontMatter(tree, text, lineStarts);
  const catalogue = sectionCatalogue(options.teamSchema);
  const language = detectLanguage(text, frontMatter, schemaLanguages(options.teamSchema));
  const matcher = matcherFor(options.teamSchema, language.lang, options.sectionAliases);
  let titleHeading = titleHeadingIndex(tree);
  // "## Title:" over the name labels the title rather than being it, and a document that opens
  // with "## Purpose" has no title heading: a part's own name never names the document.
  if (titleHeading >= 0 && (tree.children[titleHeading] as MdHeading).depth > 1 && matcher.match(toString(tree.children[titleHeading]), false).length) titleHeading = -1;
  else if (titleHeading >= 0 && matcher.match(toString(tree.children[titleHeading]), false).includes('title')) titleHeading = -1;
  const titledByFrontMatter = !!frontMatterTitle(frontMatter.data);
  const sections = buildSections(tree, text, lineStarts, matcher, titleHeading, titledByFrontMatter);

  const doc: SopDocument = {
    text, tree, frontMatter, format: 'article', formatSource: 'inferred', formatReason: '',
    sections, steps: [], stepReferences: [], checklist: [], plainItemsInChecklists: [], faq: [],
    revisions: [], revisionSection: -1, lineStarts, parts: [], language,
  };
  doc.title = findTitle(doc, titleHeading);
  markContentProcess(doc);
  doc.steps = extractSteps(doc);
  doc.stepReferences = extractStepReferences(doc);
  const checklist = extractChecklist(doc);
  doc.checklist = checklist.items;
  doc.plainItemsInChecklists = checklist.plain;
  doc.faq = extractFaq(doc);
  doc.revisionSection = sections.findIndex((s) => s.canonical.includes('revisionHistory'));
  doc.revisions = doc.revisionSection >= 0 ? extractRevisions(doc, sections[doc.revisionSection]) : [];

  doc.parts = recogniseParts(doc, titleHeading, catalogue, [language.lang], matcher);

  const declared = frontMatter.data?.format;
  if (options.format) {
    doc.format = options.format;
    doc.formatSource = 'frontmatter';
    doc.formatReason = `configuration sets format: ${options.format}`;
  } else if (typeof declared === 'string' && (SOP_FORMATS as readonly string[]).includes(declared)) {
    doc.format = declared as SopFormat;
    doc.formatSource = 'frontmatter';
    doc.formatReason = `front matter says format: ${declared}`;
  } else {
    const inferred = inferFormat(doc);
    doc.format = inferred.format;
    doc.formatReason = inferred.reason;
  }
  return doc;
}

interface Boundary { index: number; depth: number; text: string; start: number; end: number; label: boolean; includeSelf: boolean }

/**
 * A paragraph that opens with a section name used as a label — "**Purpose:** Ensure…" or a line
 * "Scope:" — is how many SOPs pasted from documents mark their sections. Only exact names count.
 */
function labelOf(node: RootContent, matcher: Pick<SectionMatcher, 'match'>, text: string): { label: string; start: number; end: number; rest: boolean } | undefined {
  if (node.type !== 'paragraph' || !node.position) return undefined;
  const p = node as Paragraph;
  const first = p.children[0];
  const start = node.position.start.offset ?? 0;
  if (first && first.type === 'strong' && first.position) {
    const label = toString(first).trim();
    const after = p.children[1];
    const colon = /:\s*$/.test(label) || (after?.type === 'text' && /^\s*:/.test(after.value));
    if (label.length <= 60 && (colon || p.children.length === 1) && matcher.match(label, false).length) {
      return { label: label.replace(/:\s*$/, ''), start, end: first.position.end.offset ?? start, rest: p.children.length > 1 && toString(p).slice(label.length).replace(/^\s*:/, '').trim().length > 0 };
    }
    return undefined;
  }
  const firstLine = /^([^\r\n]{1,60}?):[ \t]*(?:\r?\n|$)/.exec(text.slice(start, node.position.end.offset));
  if (firstLine && matcher.match(firstLine[1], false).length) {
    const end = start + firstLine[1].length + 1;
    return { label: firstLine[1].trim(), start, end, rest: (node.position.end.offset ?? end) > end + 1 };
  }
  return undefined;
}

/**
 * The section matcher with its answers remembered for one document: every heading is matched
 * twice (to track the open sections, then to build its own), and matching normalises the text
 * each time. `how` says how each remembered match was made.
 */
function rememberingMatcher(sectionMatcher: SectionMatcher) {
  const answers = new Map<string, string[]>();
  const how = new Map<string, 'heading' | 'alias' | 'word'>();
  const matcher: Pick<SectionMatcher, 'match'> = {
    match(heading: string, loose: boolean): string[] {
      const key = `${loose ? 1 : 0}${heading}`;
      let ids = answers.get(key);
      if (!ids) {
        const found = sectionMatcher.matchHow(heading, loose);
        answers.set(key, (ids = found?.ids ?? []));
        if (found) how.set(key, found.how);
      }
      return ids.slice();
    },
  };
  return { matcher, howMatched: (heading: string, loose: boolean) => how.get(`${loose ? 1 : 0}${heading}`) };
}

/** Where sections start: every heading, and bold or "Label:" lines that name a part outside a named section. */
function sectionBoundaries(children: Root['children'], matcher: Pick<SectionMatcher, 'match'>, text: string, titleHeading: number, titledByFrontMatter: boolean): Boundary[] {
  const boundaries: Boundary[] = [];
  let headingDepth = 1;
  // Open headings that name a section: inside one of those, a bold "Objectives" is a sub-point, not a section.
  const recognisedOpen: number[] = [];
  children.forEach((node, index) => {
    if (node.type === 'heading') {
      headingDepth = node.depth;
      const heading = toString(node);
      while (recognisedOpen.length && recognisedOpen[recognisedOpen.length - 1] >= node.depth) recognisedOpen.pop();
      // The heading that is the document's title names the document, not one of its parts.
      if (node.depth > 1 && matcher.match(heading, recognisedOpen.length === 0 && index !== titleHeading).length && !(index === titleHeading && !titledByFrontMatter)) recognisedOpen.push(node.depth);
      boundaries.push({ index, depth: node.depth, text: heading, start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0, label: false, includeSelf: false });
      return;
    }
    const label = recognisedOpen.length === 0 ? labelOf(node, matcher, text) : undefined;
    if (label) boundaries.push({ index, depth: Math.min(6, headingDepth + 1), text: label.label, start: label.start, end: label.end, label: true, includeSelf: label.rest });
  });
  return boundaries;
}

/** The child index at which each boundary's section ends: the next boundary of the same or a higher level (a stack keeps this linear). */
function sectionEnds(boundaries: Boundary[], childCount: number): number[] {
  const ends = new Array<number>(boundaries.length).fill(childCount);
  const open: number[] = [];
  boundaries.forEach((b, i) => {
    while (open.length && boundaries[open[open.length - 1]].depth >= b.depth) ends[open.pop()!] = b.index;
    // A label section also ends at the next heading of any level.
    if (!b.label) while (open.length && boundaries[open[open.length - 1]].label) ends[open.pop()!] = b.index;
    open.push(i);
  });
  return ends;
}

function buildSections(tree: Root, text: string, lineStarts: number[], sectionMatcher: SectionMatcher, titleHeading: number, titledByFrontMatter: boolean): Section[] {
  const children = tree.children;
  const { matcher, howMatched } = rememberingMatcher(sectionMatcher);
  const boundaries = sectionBoundaries(children, matcher, text, titleHeading, titledByFrontMatter);
  const ends = sectionEnds(boundaries, children.length);
  const sections: Section[] = [];
  const stack: number[] = [];
  boundaries.forEach((b, i) => {
    while (stack.length && sections[stack[stack.length - 1]].heading.depth >= b.depth) stack.pop();
    if (!b.label) while (stack.length && sections[stack[stack.length - 1]].kind === 'label') stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : -1;
    const end = ends[i];
    const endOffset = trimEnd(text, end < children.length ? (children[end].position?.start.offset ?? text.length) : text.length, b.end);
    // Nested inside a recognised section (other than a document-wide h1), only exact names count.
    const insideRecognised = ancestors(sections, parent).some((s) => s.canonical.length > 0 && s.heading.depth > 1);
    const isTitle = b.index === titleHeading && !b.label;
    const loose = !insideRecognised && !b.label && !isTitle;
    const canonical = isTitle && !titledByFrontMatter ? [] : matcher.match(b.text, loose);
    sections.push({
      heading: { text: b.text, depth: b.depth, range: rangeAt(lineStarts, b.start, b.end) },
      title: displayTitle(b.text),
      canonical,
      recognisedBy: canonical.length ? 'heading' : 'none',
      ...(canonical.length ? { matchedBy: howMatched(b.text, loose) ?? 'heading' } : {}),
      kind: b.label ? 'label' : 'heading',
      range: rangeAt(lineStarts, b.start, endOffset),
      bodyRange: rangeAt(lineStarts, b.end, endOffset),
      body: children.slice(b.includeSelf ? b.index : b.index + 1, end) as Nodes[],
      parent,
    });
    stack.push(sections.length - 1);
  });
  return sections;
}

function trimEnd(text: string, end: number, floor: number): number {
  while (end > floor && /\s/.test(text[end - 1])) end--;
  return end;
}

export function ancestors(sections: Section[], index: number): Section[] {
  const out: Section[] = [];
  for (let i = index; i >= 0; i = sections[i].parent) out.push(sections[i]);
  return out;
}

/**
 * The heading that is the document's title: the first heading when it is an h1, or — in documents
 * without an h1 — the first heading when no other heading stands at its level or above
 * ("## Playbook: Phishing" over "###" sections). -1 when there is none. When front matter names
 * the title this heading may still name a part exactly ("# Purpose"), but not by a word in it.
 */
function titleHeadingIndex(tree: Root): number {
  const children = tree.children;
  const first = children.findIndex((n) => n.type === 'heading');
  if (first < 0) return -1;
  const depth = (children[first] as MdHeading).depth;
  if (depth === 1) return first;
  if (children.some((n) => n.type === 'heading' && n.depth === 1)) return -1;
  // A document that opens with its first heading, no higher heading following: that heading names it.
  const opensWithIt = children.slice(0, first).every((n) => n.type === 'yaml' || n.type === 'html');
  if (opensWithIt && !children.some((n) => n.type === 'heading' && n.depth < depth)) return first;
  for (let i = first + 1; i < children.length; i++) {
    const n = children[i];
    if (n.type === 'heading' && n.depth <= depth) return -1;
  }
  return first;
}

/** Front matter `title:`, or `name:` as GitHub issue templates and many site generators write it. */
function frontMatterTitle(data: Record<string, unknown> | null): { key: string; text: string } | undefined {
  for (const key of ['title', 'name']) {
    const value = data?.[key];
    if (typeof value === 'string' && value.trim()) return { key, text: value.trim() };
  }
  return undefined;
}

/** "**Title:** Reset a hub" or "Titel: Anleitung" near the top, as documents pasted from forms write it. */
const TITLE_LINE = /^[ \t]*(?:[*_]{1,2})?(?:title|sop title|document title|titel|titre|t[íi]tulo)(?:[*_]{1,2})?[ \t]*:[ \t]*(?:[*_]{1,2})?[ \t]*([^\r\n*_][^\r\n]{0,150}?)[ \t]*(?:[*_]{1,2})?[ \t]*$/im;

function findTitle(doc: SopDocument, titleHeading: number): SopDocument['title'] {
  const fmTitle = frontMatterTitle(doc.frontMatter.data);
  if (fmTitle) {
    const key = doc.frontMatter.keys.find((k) => k.key === fmTitle.key);
    return { text: fmTitle.text, range: key?.valueRange ?? doc.frontMatter.range!, source: 'frontmatter' };
  }
  if (doc.frontMatter.errors.length > 0 && doc.frontMatter.range) {
    // Broken YAML still names its title; do not pile a "missing title" on top of the YAML error.
    const block = doc.text.slice(doc.frontMatter.range.start.offset, doc.frontMatter.range.end.offset);
    const m = /^title[ \t]*:[ \t]*["']?([^\r\n"']+)/m.exec(block);
    if (m) return { text: m[1].trim(), range: doc.frontMatter.range, source: 'frontmatter' };
  }
  // "## Title" or a "Title:" label above the name, as pasted SOPs write it; an h1 is the title itself.
  const titled = doc.sections.find((s) => s.canonical.includes('title') && (s.heading.depth > 1 || s.kind === 'label'));
  if (titled) {
    const first = titled.body.find((n) => n.type === 'paragraph') as Paragraph | undefined;
    if (first) {
      // "**Title:** Reset a hub": the label's own paragraph holds the name after the colon.
      const text = toString(first).trim();
      const named = titled.kind === 'label' ? TITLE_LINE.exec(text)?.[1] : undefined;
      return { text: (named ?? text).trim(), range: nodeRange(first, doc.lineStarts), source: 'heading' };
    }
  }
  const h1 = doc.sections.find((s) => s.heading.depth === 1 && s.kind !== 'label' && (s.canonical.length === 0 || s.canonical.includes('title')));
  if (h1) return { text: h1.title, range: h1.heading.range, source: 'heading' };
  if (titleHeading >= 0) {
    const start = doc.tree.children[titleHeading].position?.start.offset;
    const s = doc.sections.find((x) => x.heading.range.start.offset === start);
    if (s) return { text: s.title, range: s.heading.range, source: 'heading' };
  }
  const head = doc.text.slice(doc.frontMatter.range?.end.offset ?? 0, (doc.frontMatter.range?.end.offset ?? 0) + 2000);
  const line = TITLE_LINE.exec(head);
  if (line) {
    const at = (doc.frontMatter.range?.end.offset ?? 0) + line.index;
    return { text: line[1].trim(), range: rangeAt(doc.lineStarts, at, at + line[0].length), source: 'heading' };
  }
  return undefined;
}

const DEFINITION_QUESTION = /^(?:what (?:is|are) (?:a|an|the)|was (?:ist|sind) (?:ein|eine|der|die|das)|qu'est-ce qu|¿?\s*qu[ée] es (?:un|una|el|la)|o que [ée] (?:um|uma|o|a)|wat is (?:een|de|het)) [^?]{1,40}\?$/;

/** Every part the document serves: the title, the sections headings name, then content and front matter. */
function recogniseParts(doc: SopDocument, titleHeading: number, catalogue: SectionInfo[], languages: string[], matcher: SectionMatcher): PartRecognition[] {
  const order = catalogue.map((c) => c.id);
  const parts: PartRecognition[] = [];
  const have = new Set<string>();
  if (doc.title) {
    have.add('title');
    parts.push({ part: 'title', how: doc.title.source === 'frontmatter' ? 'front-matter' : 'heading', text: doc.title.text, range: doc.title.range });
  }
  const serve = (s: Section, i: number, id: string) => {
    if (have.has(id)) return;
    have.add(id);
    const how = s.recognisedBy === 'content' ? 'content' : s.matchedBy === 'word' ? 'alias' : s.matchedBy ?? 'heading';
    parts.push({ part: id, how, text: s.heading.text.trim(), range: s.heading.range, section: i });
  };
  // "What is an incident?" defines the subject: it says what the document is about when nothing
  // else does, and otherwise where the procedure applies. Decided after the content cues.
  const definitional: number[] = [];
  doc.sections.forEach((s, i) => {
    if (s.matchedBy === 'word' && s.canonical.length === 1 && s.canonical[0] === 'purpose' && DEFINITION_QUESTION.test(normalizeTitle(s.heading.text))) {
      definitional.push(i);
      return;
    }
    for (const id of s.canonical) serve(s, i, id);
  });
  parts.push(...recogniseByContent(doc, { catalogue, languages: ['en', ...languages], titleHeading, matchName: (name) => matcher.match(name, false) }, have));
  for (const i of definitional) {
    const s = doc.sections[i];
    const id = !have.has('purpose') ? 'purpose' : !have.has('scope') ? 'scope' : 'purpose';
    s.canonical = [id];
    serve(s, i, id);
  }
  const rank = (id: string) => { const i = order.indexOf(id); return i < 0 ? order.length : i; };
  return parts.sort((a, b) => rank(a.part) - rank(b.part));
}

const QUESTION_HEADING = /\?\s*$/;

/**
 * When no heading names the process, a section whose body is mostly ordered steps, step
 * headings, task items or questions is the process under another name.
 */
function markContentProcess(doc: SopDocument): void {
  if (doc.sections.some((s) => s.canonical.includes('process'))) return;
  let best = -1;
  let bestScore = 0;
  doc.sections.forEach((section, i) => {
    if (section.canonical.length > 0 || section.heading.depth === 1) return;
    const blocks = section.body.filter((n) => n.type !== 'heading' && n.type !== 'html');
    const childHeadings = section.body.filter((n): n is MdHeading => n.type === 'heading' && n.depth > section.heading.depth);
    const stepHeadings = childHeadings.filter((h) => /^\s*(?:step\s+\d+|\d+[.)])/i.test(toString(h)) || QUESTION_HEADING.test(toString(h))).length;
    const stepLists = blocks.filter((n) => n.type === 'list' && ((n as List).ordered || (n as List).children.some((it) => (it as ListItem).checked != null))).length;
    const stepParagraphs = blocks.filter((n) => n.type === 'paragraph' && /^\s*step\s+\d+/i.test(toString(n))).length;
    const score = stepHeadings * 2 + stepLists * 2 + stepParagraphs * 2;
    const mostlySteps = stepHeadings >= 2 || stepParagraphs >= 2 || (stepLists > 0 && stepLists * 2 >= blocks.length);
    if (mostlySteps && score > bestScore) { best = i; bestScore = score; }
  });
  if (best >= 0) {
    doc.sections[best].canonical = ['process'];
    doc.sections[best].recognisedBy = 'content';
  }
}

export { toString as nodeText };
export type { List, ListItem, Table, RootContent };
export function isQuestionText(text: string): boolean {
  return QUESTION_HEADING.test(text) || /^\s*(?:q|question)\s*(?:\d+\s*)?[:.]/i.test(text);
}
export { normalizeTitle };
