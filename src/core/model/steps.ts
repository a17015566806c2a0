/**
 * Steps (numbered list items, "Step N" headings or paragraphs), workflow conditions and branches,
 * and "Proceed to / Return to Step N" references.
 */
import type { Heading as MdHeading, List, ListItem, Nodes, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { nodesOfType, walk } from '../parse/walk.js';
import { rangeAt } from '../parse/positions.js';
import { STEP_PREFIX, displayTitle } from './sections.js';
import type { Branch, Range, SopDocument, Step, StepReference } from '../types.js';

/** "Proceed to Step 4", "return back to step 1", "go to step 2". Linear: no nested quantifiers. */
export const STEP_REFERENCE = /\b(proceed|return|go|move|continue|skip|jump)(?:\s+back)?\s+to\s+step\s+(\d{1,4})\b(?!\s+(?:of|in|on|from)\s)/gi;
const CONDITION = /^\s*condition(?:\s*\d{1,3})?\s*:\s*/i;
const IF = /^\s*if\s*:\s*/i;
const OUTCOME = /^\s*(?:take\s+action|proceed\s+to\s+action|action|then|outcome|result)\s*:\s*/i;
const NUMBERED_HEADING = /^\s*\d{1,4}[.)]\s+/;

function offsets(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/**
 * The steps of the process, from the first of three shapes that the document uses: step
 * headings, paragraphs that open with "Step N", or ordered lists at the top of the process.
 */
export function extractSteps(doc: SopDocument): Step[] {
  const processIndexes = doc.sections.map((s, i) => (s.canonical.includes('process') ? i : -1)).filter((i) => i >= 0);
  for (const shape of [stepHeadings, stepParagraphs, orderedListSteps]) {
    const steps = shape(doc, processIndexes);
    if (steps.length > 0) return finish(steps);
  }
  return [];
}

/** The digits of a step's number in the source, as a range (for the renumbering fix). */
function numberRangeAt(doc: SopDocument, match: RegExpExecArray | null, digitsEnd: number | undefined): Range | undefined {
  if (!match || digitsEnd === undefined) return undefined;
  return rangeAt(doc.lineStarts, digitsEnd - match[1].length, digitsEnd);
}

/** "Step N" headings anywhere, and "N." headings inside the process. */
function stepHeadings(doc: SopDocument, processIndexes: number[]): Step[] {
  const { sections, text } = doc;
  const inProcess = (index: number) => {
    for (let i = index; i >= 0; i = sections[i].parent) if (processIndexes.includes(i)) return true;
    return false;
  };
  const steps: Step[] = [];
  sections.forEach((section, index) => {
    const isStep = STEP_PREFIX.test(section.heading.text) || (section.canonical.length === 0 && index !== processIndexes[0] && inProcess(section.parent) && NUMBERED_HEADING.test(section.heading.text));
    if (!isStep) return;
    const start = section.heading.range.start.offset;
    const numberMatch = /^#{1,6}[ \t]+(?:[*_]{1,2}[ \t]*)?(?:step[ \t]+)?(\d{1,4})/i.exec(text.slice(start, start + 60));
    steps.push(makeStep(doc, {
      number: numberMatch ? Number(numberMatch[1]) : null, title: section.title, kind: 'heading', range: section.range, body: section.body,
      numberRange: numberRangeAt(doc, numberMatch, numberMatch ? start + numberMatch[0].length : undefined),
      sequence: 0,
    }));
  });
  return steps;
}

/** Paragraphs that start with "Step N" (how SOPs pasted from word processors often look). */
function stepParagraphs(doc: SopDocument, processIndexes: number[]): Step[] {
  const steps: Step[] = [];
  let sequence = 0;
  for (const index of processIndexes) {
    const body = doc.sections[index].body;
    const starts = body.map((n, i) => (n.type === 'paragraph' && STEP_PREFIX.test(toString(n)) ? i : -1)).filter((i) => i >= 0);
    starts.forEach((bodyIndex, k) => {
      const node = body[bodyIndex] as Paragraph;
      const until = k + 1 < starts.length ? starts[k + 1] : body.length;
      const [start] = offsets(node);
      const end = body[until - 1].position?.end.offset ?? start;
      const label = toString(node).split('\n')[0];
      const m = /^[ \t]*(?:[*_]{1,2}[ \t]*)?step[ \t]+(\d{1,4})/i.exec(doc.text.slice(start, start + 40));
      steps.push(makeStep(doc, {
        number: Number(STEP_PREFIX.exec(label)![1]), title: displayTitle(label), kind: 'paragraph', range: rangeAt(doc.lineStarts, start, end),
        body: body.slice(bodyIndex, until), numberRange: numberRangeAt(doc, m, m ? start + m[0].length : undefined),
        sequence,
      }));
    });
    if (starts.length) sequence++;
  }
  return steps;
}

/** The items of ordered lists at the top level of the process section(s), each list a sequence. */
function orderedListSteps(doc: SopDocument, processIndexes: number[]): Step[] {
  const steps: Step[] = [];
  let sequence = 0;
  for (const index of processIndexes) {
    for (const node of doc.sections[index].body) {
      if (node.type !== 'list' || !(node as List).ordered) continue;
      for (const item of (node as List).children) {
        const [start, end] = offsets(item);
        const m = /^[ \t]*(\d{1,9})[.)]/.exec(doc.text.slice(start, start + 16));
        const firstParagraph = item.children.find((c) => c.type === 'paragraph');
        steps.push(makeStep(doc, {
          number: m ? Number(m[1]) : null, title: firstParagraph ? toString(firstParagraph).split('\n')[0] : '', kind: 'list-item',
          range: rangeAt(doc.lineStarts, start, end), body: item.children as Nodes[],
          numberRange: numberRangeAt(doc, m, m ? start + m[0].length - 1 : undefined),
          sequence,
        }));
      }
      sequence++;
    }
  }
  return steps;
}

function finish(steps: Step[]): Step[] {
  steps.forEach((s, i) => { s.ordinal = i + 1; });
  return steps;
}

interface StepSeed {
  number: number | null; title: string; kind: Step['kind']; range: Range; body: Nodes[]; numberRange?: Range; sequence: number;
}

function makeStep(doc: SopDocument, seed: StepSeed): Step {
  const step: Step = { ...seed, ordinal: 0, conditions: [], branches: [], images: [] };
  readBranches(doc, step);
  for (const node of seed.body) {
    for (const image of nodesOfType(node, 'image')) {
      step.images.push({ url: image.url, alt: image.alt ?? '', range: rangeAt(doc.lineStarts, ...offsets(image)) });
    }
  }
  return step;
}

/** The text an item says itself, without its nested lists. */
function ownText(item: ListItem): { text: string; node: Nodes } | undefined {
  const first = item.children.find((c) => c.type === 'paragraph');
  return first ? { text: toString(first), node: first } : undefined;
}

function readBranches(doc: SopDocument, step: Step): void {
  const items: ListItem[] = step.body.flatMap((node) => nodesOfType(node, 'listItem'));
  let open: Branch | undefined;
  for (const item of items) {
    const own = ownText(item);
    if (!own) continue;
    const range = rangeAt(doc.lineStarts, ...offsets(own.node));
    // "If: X. Take Action: Y" written on one line.
    const [ifPart, ...rest] = own.text.split(/\s(?=(?:take\s+action|proceed\s+to\s+action)\s*:)/i);
    if (CONDITION.test(own.text)) {
      step.conditions.push({ text: own.text.replace(CONDITION, '').trim(), range });
      open = undefined;
    } else if (IF.test(ifPart)) {
      open = { condition: ifPart.replace(IF, '').trim(), conditionRange: range };
      step.branches.push(open);
      if (rest.length) setOutcome(open, rest.join(' '), range);
    } else if (open && !open.outcome && (OUTCOME.test(own.text) || new RegExp(STEP_REFERENCE.source, 'i').test(own.text))) {
      setOutcome(open, own.text, range);
    }
  }
}

function setOutcome(branch: Branch, text: string, range: Range): void {
  branch.outcome = text.replace(OUTCOME, '').trim();
  branch.outcomeRange = range;
  const ref = new RegExp(STEP_REFERENCE.source, 'i').exec(text);
  if (ref) {
    branch.target = Number(ref[2]);
    branch.outcomeKind = ref[1].toLowerCase() === 'return' ? 'return' : 'proceed';
  } else {
    branch.outcomeKind = 'action';
  }
}

const SKIP_TYPES = new Set(['code', 'inlineCode', 'html', 'yaml']);

export function extractStepReferences(doc: SopDocument): StepReference[] {
  const refs: StepReference[] = [];
  const { text, lineStarts, steps } = doc;
  const blocks: Nodes[] = [];
  walk(doc.tree, (node) => {
    if (SKIP_TYPES.has(node.type)) return false;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') { blocks.push(node); return false; }
    return undefined;
  });
  for (const block of blocks) {
    const plain = textWithoutCode(block);
    if (!/step/i.test(plain)) continue;
    const [start, end] = offsets(block);
    const source = text.slice(start, end);
    const sourceLower = source.toLowerCase();
    let searchFrom = 0;
    for (const m of plain.matchAll(STEP_REFERENCE)) {
      const at = sourceLower.indexOf(m[0].toLowerCase(), searchFrom);
      const from = at >= 0 ? start + at : start;
      const to = at >= 0 ? from + m[0].length : end;
      if (at >= 0) searchFrom = at + m[0].length;
      const verb = m[1][0].toUpperCase() + m[1].slice(1).toLowerCase();
      refs.push({ verb, target: Number(m[2]), range: rangeAt(lineStarts, from, to), fromStep: stepAt(steps, from) });
    }
  }
  return refs;
}

/** Plain text of a block, leaving out inline code and HTML (examples, not instructions). */
export function textWithoutCode(node: Nodes): string {
  if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'code') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textWithoutCode).join('');
  return '';
}

/** The step containing `offset` (steps are in document order and do not overlap): a binary search, so 20,000 references stay cheap. */
export function stepAt(steps: Step[], offset: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid].range.start.offset <= offset) { candidate = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return candidate >= 0 && offset <= steps[candidate].range.end.offset ? candidate : -1;
}

export type { MdHeading };
