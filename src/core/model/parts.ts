/** Checklist items, FAQ pairs and revision-history entries. */
import type { List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { nodesOfType } from '../parse/walk.js';
import { findDate } from '../dates.js';
import { trimEndWhere, trimStartWhere } from '../text.js';

const isSeparator = (ch: string) => /[\s:—–\-|,]/.test(ch);
import { rangeAt } from '../parse/positions.js';
import type { ChecklistItem, FaqPair, PlainListItemInChecklist, RevisionEntry, Section, SopDocument } from '../types.js';

function offsets(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

const BULLET = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const TASK_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\])/;

function headingBefore(doc: SopDocument, offset: number): { title: string; line: number } {
  // Binary search (sections are in document order): a linear scan per item is quadratic in big checklists.
  let lo = 0;
  let hi = doc.sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.sections[mid].heading.range.start.offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  const s = doc.sections[lo - 1];
  return s ? { title: s.title, line: s.heading.range.start.line } : { title: '', line: 0 };
}

export function extractChecklist(doc: SopDocument): { items: ChecklistItem[]; plain: PlainListItemInChecklist[] } {
  const items: ChecklistItem[] = [];
  const plain: PlainListItemInChecklist[] = [];
  const { text, lineStarts } = doc;
  for (const list of nodesOfType(doc.tree, 'list')) {
    const tasks = list.children.filter((i) => i.checked === true || i.checked === false);
    if (tasks.length === 0) continue;
    const plainItems = list.children.filter((i) => i.checked == null);
    for (const item of list.children) {
      const [start, end] = offsets(item);
      const head = text.slice(start, Math.min(end, start + 32));
      const first = item.children.find((c) => c.type === 'paragraph');
      const itemText = first ? toString(first).split('\n')[0] : '';
      if (item.checked === true || item.checked === false) {
        const m = TASK_MARKER.exec(head);
        const markerStart = m ? start + m[0].length - 3 : start;
        const group = headingBefore(doc, start);
        items.push({ checked: item.checked, text: itemText, range: rangeAt(lineStarts, start, end), markerRange: rangeAt(lineStarts, markerStart, markerStart + 3), group: group.title, groupLine: group.line });
      } else if (tasks.length >= 2 && plainItems.length < tasks.length) {
        const m = BULLET.exec(head);
        if (m) plain.push({ text: itemText, range: rangeAt(lineStarts, start, end), insertOffset: start + m[0].length });
      }
    }
  }
  return { items, plain };
}

const QUESTION_PREFIX = /^\s*(?:q|question)\s*(?:\d{1,3}\s*)?[:.)]\s*/i;
const ANSWER_PREFIX = /^\s*(?:a|answer)\s*(?:\d{1,3}\s*)?[:.)]\s*/i;

export function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'question';
}

function isQuestionParagraph(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false;
  const p = node as Paragraph;
  const firstLine = toString(p).split('\n')[0];
  if (QUESTION_PREFIX.test(firstLine)) return true;
  const first = p.children[0];
  return !!first && first.type === 'strong' && /\?\s*$/.test(toString(first));
}

/** The question a node asks (a heading ending in "?", a "Q:" or bold-question paragraph), with any answer written on the same lines. */
function questionOf(node: Nodes): { question: string; inlineAnswer: string } | undefined {
  if (node.type === 'heading') {
    const cleaned = toString(node).trim().replace(QUESTION_PREFIX, '').trim();
    return /\?\s*$/.test(cleaned) ? { question: cleaned, inlineAnswer: '' } : undefined;
  }
  if (!isQuestionParagraph(node)) return undefined;
  const p = node as Paragraph;
  const full = toString(p);
  const first = p.children[0];
  if (first.type === 'strong' && !QUESTION_PREFIX.test(full)) {
    const question = toString(first).trim();
    return question ? { question, inlineAnswer: full.slice(toString(first).length).replace(ANSWER_PREFIX, '').trim() } : undefined;
  }
  const [q, ...a] = full.split(/\n(?=[ \t]*(?:a|answer)\s*(?:\d{1,3}\s*)?[:.)])/i);
  let question = q.replace(QUESTION_PREFIX, '').replace(/\s+/g, ' ').trim();
  let inlineAnswer = a.join('\n').replace(ANSWER_PREFIX, '').trim();
  if (!a.length) {
    // "Q: How do I…? Some answer" on one line: the answer follows the question mark.
    const qm = question.indexOf('?');
    if (qm >= 0 && qm < question.length - 1) { inlineAnswer = question.slice(qm + 1).trim(); question = question.slice(0, qm + 1); }
  }
  return question ? { question, inlineAnswer } : undefined;
}

/** Each question's slug, numbered from the second time the same slug appears (as anchors are). */
function assignSlugs(pairs: FaqPair[]): void {
  const seen = new Map<string, number>();
  for (const pair of pairs) {
    const base = slugify(pair.question);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    pair.slug = n === 1 ? base : `${base}-${n}`;
  }
}

export function extractFaq(doc: SopDocument): FaqPair[] {
  const pairs: FaqPair[] = [];
  const { lineStarts } = doc;
  const children = doc.tree.children as Nodes[];
  const isBoundary = (n: Nodes) => n.type === 'heading' || isQuestionParagraph(n);
  children.forEach((node, index) => {
    const asked = questionOf(node);
    if (!asked) return;
    const { question, inlineAnswer } = asked;
    const [qs, questionEnd] = offsets(node);
    // The answer runs to the next heading or question.
    const answerNodes: Nodes[] = [];
    for (let k = index + 1; k < children.length && !isBoundary(children[k]); k++) answerNodes.push(children[k]);
    const answerText = [inlineAnswer, ...answerNodes.map((n) => toString(n))].join('\n').replace(ANSWER_PREFIX, '').trim();
    const answerRange = answerNodes.length
      ? rangeAt(lineStarts, offsets(answerNodes[0])[0], offsets(answerNodes[answerNodes.length - 1])[1])
      : inlineAnswer ? rangeAt(lineStarts, qs, questionEnd) : undefined;
    pairs.push({ question, questionRange: rangeAt(lineStarts, qs, node.type === 'heading' ? questionEnd : qs + Math.min(toString(node).split('\n')[0].length + 4, questionEnd - qs)), answer: answerText, answerRange, slug: '' });
  });
  assignSlugs(pairs);
  return pairs;
}

const VERSION = /\bv(?:er(?:sion)?)?\.?\s*(\d{1,4}(?:\.\d{1,4}){0,3})\b/i;

function column(header: string[], pattern: RegExp): number {
  return header.findIndex((h) => pattern.test(h));
}

export function extractRevisions(doc: SopDocument, section: Section): RevisionEntry[] {
  const entries: RevisionEntry[] = [];
  const { lineStarts } = doc;
  const addEntry = (raw: string, node: Nodes, parts?: { date?: string; version?: string; description?: string; author?: string }) => {
    const dateSource = parts?.date ?? raw;
    const found = findDate(dateSource);
    const versionText = parts?.version ?? VERSION.exec(raw)?.[1];
    let description = parts?.description ?? raw;
    if (!parts) {
      if (found) description = description.replace(found.text, '');
      description = trimEndWhere(trimStartWhere(description.replace(VERSION, ''), isSeparator), isSeparator).trim();
    }
    entries.push({
      date: found?.iso, datePrecision: found?.precision, dateText: (found?.text ?? dateSource).trim(),
      version: versionText?.trim().replace(/^v/i, '') || undefined, description: description.trim(), author: parts?.author?.trim() || undefined,
      range: rangeAt(lineStarts, ...offsets(node)),
    });
  };
  for (const node of section.body) {
    if (node.type === 'heading') break;
    if (node.type === 'table') {
      const table = node as Table;
      const header = (table.children[0]?.children ?? []).map((c) => toString(c).toLowerCase());
      const dateCol = column(header, /date|when|reviewed/);
      const versionCol = column(header, /version|ver\b|rev\b|revision/);
      const changeCol = column(header, /change|description|summary|notes?|what|details|comment/);
      const authorCol = column(header, /author|by|owner|who|editor|reviewer/);
      for (const row of table.children.slice(1)) {
        const cells = row.children.map((c) => toString(c).trim());
        if (cells.every((c) => !c)) continue;
        addEntry(cells.join(' | '), row, {
          date: dateCol >= 0 ? cells[dateCol] ?? '' : cells.join(' '),
          version: versionCol >= 0 ? cells[versionCol] : undefined,
          description: changeCol >= 0 ? cells[changeCol] ?? '' : cells.filter((_, i) => i !== dateCol && i !== versionCol).join(' '),
          author: authorCol >= 0 ? cells[authorCol] : undefined,
        });
      }
    } else if (node.type === 'list') {
      for (const item of (node as List).children as ListItem[]) {
        const first = item.children.find((c) => c.type === 'paragraph');
        if (first) addEntry(toString(first).replace(/\s+/g, ' '), item);
      }
    } else if (node.type === 'paragraph') {
      const lines = toString(node).split('\n').map((l) => l.trim()).filter(Boolean);
      if (lines.some((l) => findDate(l))) for (const line of lines) addEntry(line, node);
    }
  }
  return entries;
}
