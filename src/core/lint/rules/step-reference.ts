import type { Range, SopDocument, Step } from '../../types.js';
import type { RuleContext, RuleDefinition } from './rule.js';
import { quoteWords } from '../../display.js';

function stepNumber(step: Step): number {
  return step.number ?? step.ordinal;
}

function describeSteps(numbers: number[]): string {
  if (numbers.length === 0) return 'the SOP has no numbered steps';
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const contiguous = sorted.every((n, i) => i === 0 || n === sorted[i - 1] + 1);
  return contiguous && sorted.length > 2 ? `steps are ${sorted[0]}–${sorted[sorted.length - 1]}` : `steps are ${sorted.join(', ')}`;
}

export const stepReference: RuleDefinition = {
  id: 'step-reference',
  description: '"Proceed to / Return to / Go to Step N" names a step that exists; in workflows every step can be reached from the first, every branch leads somewhere, and a path ends.',
  defaultSeverity: 'error',
  fixable: false,
  check(doc, context) {
    const numbers = doc.steps.map(stepNumber);
    const known = new Set(numbers);
    // With no steps of its own, "go to step 2" speaks of some other procedure (a checkout, a portal).
    if (numbers.length === 0) return;
    for (const ref of doc.stepReferences) {
      if (!known.has(ref.target)) {
        context.report({ message: `'${ref.verb} to Step ${ref.target}' points to a step that does not exist (${describeSteps(numbers)})`, range: ref.range });
      }
    }
    if (doc.format !== 'workflow' || doc.steps.length < 2) return;
    for (const step of doc.steps) {
      for (const branch of step.branches) {
        if (!branch.outcome) {
          context.report({ message: `Branch 'If: ${quoteWords(branch.condition, 60)}' in Step ${stepNumber(step)} leads nowhere: add 'Take Action: …' or 'Proceed to Step N' under it`, range: branch.conditionRange });
        }
      }
    }
    checkPaths(doc, context);
  },
};

/** Words that say a branch finishes the case even when it also names a step ("close the case and return to Step 1 for the next call"). */
const ENDS_THE_CASE = /\b(?:close|closes|closed|end|ends|finish|finishes|finished|resolved|done|complete|completed|stop)\b/i;

/** A one-character range at a step's start when the step spans lines, so the squiggle stays on its first line. */
function startOf(step: Step): Range {
  return step.range.start.line === step.range.end.line ? step.range : { start: step.range.start, end: { ...step.range.start, column: step.range.start.column + 1, offset: step.range.start.offset + 1 } };
}

/** "Step 3", "Steps 3 and 5", "Steps 1, 2, 3, 4, 5, … and 40": long knots stay one readable line. */
function listSteps(numbers: number[]): string {
  if (numbers.length === 1) return `Step ${numbers[0]}`;
  const shown = numbers.length > 7 ? [...numbers.slice(0, 5).map(String), '…'] : numbers.slice(0, -1).map(String);
  return `Steps ${shown.join(', ')} and ${numbers[numbers.length - 1]}`;
}

/** "3 → 5 → 3", shortened in the middle when it is long. */
function showCycle(numbers: number[]): string {
  const shown = numbers.length > 9 ? [...numbers.slice(0, 5).map(String), '…', ...numbers.slice(-3).map(String)] : numbers.map(String);
  return shown.join(' → ');
}

interface StepGraph {
  /** Where a person following the step may go next (a jump, or on to the next step). */
  next: number[][];
  /** Whether the procedure may finish at the step. */
  mayEnd: boolean[];
  /** Steps a reference outside every step sends the reader to ("return to Step 4" in Escalation). */
  entries: number[];
}

/**
 * The workflow as a graph of what may happen, read generously both ways, so that only a real
 * dead end is reported: a step goes on to the next one when it has no branches or a branch that
 * does not jump; it may end the procedure when it is the last step and goes on, when it names no
 * step at all, when a branch only takes an action (or says it closes the case), or when it jumps
 * to a step that does not exist (reported on its own).
 */
function buildGraph(doc: SopDocument): StepGraph {
  const steps = doc.steps;
  const byNumber = new Map<number, number[]>();
  steps.forEach((step, i) => byNumber.set(stepNumber(step), [...(byNumber.get(stepNumber(step)) ?? []), i]));
  const next = steps.map(() => new Set<number>());
  const jumps = steps.map(() => 0);
  const mayEnd = steps.map(() => false);
  const entries: number[] = [];
  for (const ref of doc.stepReferences) {
    const targets = byNumber.get(ref.target);
    if (ref.fromStep < 0) { entries.push(...(targets ?? [])); continue; }
    jumps[ref.fromStep]++;
    if (targets) for (const t of targets) next[ref.fromStep].add(t);
    else mayEnd[ref.fromStep] = true;
  }
  steps.forEach((step, i) => {
    const goesOn = step.branches.length === 0 || step.branches.some((b) => b.outcomeKind !== 'proceed' && b.outcomeKind !== 'return');
    if (goesOn) {
      if (i + 1 < steps.length) next[i].add(i + 1);
      else mayEnd[i] = true;
    }
    if (jumps[i] === 0) mayEnd[i] = true;
    if (step.branches.some((b) => b.outcomeKind !== 'proceed' && b.outcomeKind !== 'return')) mayEnd[i] = true;
    if (step.branches.some((b) => b.outcome && ENDS_THE_CASE.test(b.outcome))) mayEnd[i] = true;
  });
  return { next: next.map((n) => [...n]), mayEnd, entries };
}

function reachableFrom(starts: number[], edges: number[][]): boolean[] {
  const seen = edges.map(() => false);
  const queue = [...starts];
  for (const s of starts) seen[s] = true;
  while (queue.length) {
    const i = queue.pop()!;
    for (const j of edges[i]) if (!seen[j]) { seen[j] = true; queue.push(j); }
  }
  return seen;
}

/** Strongly connected components among `within` (Tarjan, without recursion: workflows can be long). */
function components(edges: number[][], within: boolean[]): number[][] {
  const index = edges.map(() => -1);
  const low = edges.map(() => 0);
  const onStack = edges.map(() => false);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  for (let root = 0; root < edges.length; root++) {
    if (!within[root] || index[root] >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++; stack.push(root); onStack[root] = true;
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, k] = frame;
      if (k < edges[v].length) {
        frame[1]++;
        const w = edges[v][k];
        if (!within[w]) continue;
        if (index[w] < 0) { index[w] = low[w] = counter++; stack.push(w); onStack[w] = true; work.push([w, 0]); }
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) { const parent = work[work.length - 1][0]; low[parent] = Math.min(low[parent], low[v]); }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do { w = stack.pop()!; onStack[w] = false; component.push(w); } while (w !== v);
        result.push(component.sort((a, b) => a - b));
      }
    }
  }
  return result;
}

/** One way round a loop, from its first step back to it (step indexes, first repeated at the end). */
function cycleThrough(component: number[], edges: number[][]): number[] {
  const inside = new Set(component);
  const start = component[0];
  const previous = new Map<number, number>();
  const queue = [start];
  let closing: number | undefined;
  for (let head = 0; head < queue.length && closing === undefined; head++) {
    const v = queue[head];
    for (const w of edges[v]) {
      if (!inside.has(w) || (w === v && component.length > 1)) continue;
      if (w === start) { closing = v; break; }
      if (!previous.has(w)) { previous.set(w, v); queue.push(w); }
    }
  }
  const path: number[] = [];
  for (let v = closing ?? start; v !== start; v = previous.get(v)!) path.push(v);
  return [start, ...path.reverse(), start];
}

function describeLoop(component: number[], edges: number[][], steps: Step[]): string {
  if (component.length === 1) return `Step ${stepNumber(steps[component[0]])} loops back to itself with no way out`;
  const cycle = cycleThrough(component, edges).map((i) => stepNumber(steps[i]));
  return cycle.length - 1 === component.length
    ? `Steps ${showCycle(cycle)} form a loop with no way out`
    : `${listSteps(component.map((i) => stepNumber(steps[i])))} form a loop with no way out (${showCycle(cycle)}, …)`;
}

/** Reachability from the first step, loops nobody can leave, and a workflow that never ends. */
function checkPaths(doc: SopDocument, context: RuleContext): void {
  const steps = doc.steps;
  const graph = buildGraph(doc);
  const first = stepNumber(steps[0]);
  const reached = reachableFrom([0, ...graph.entries], graph.next);
  steps.forEach((step, i) => {
    if (reached[i]) return;
    const leadsHere = [...new Set(steps.map((_, j) => j).filter((j) => j !== i && graph.next[j].includes(i)))];
    const why = leadsHere.length === 0
      ? (i > 0 ? `no step proceeds to it and Step ${stepNumber(steps[i - 1])} before it always jumps elsewhere` : 'no step proceeds to it')
      : `only ${listSteps(leadsHere.map((j) => stepNumber(steps[j])))} ${leadsHere.length === 1 ? 'leads' : 'lead'} to it, and ${leadsHere.length === 1 ? "that step can't" : "they can't"} be reached either`;
    context.report({ message: `Step ${stepNumber(step)} can't be reached from Step ${first}: ${why}`, range: startOf(step) });
  });
  const backwards = steps.map(() => [] as number[]);
  graph.next.forEach((targets, i) => { for (const t of targets) backwards[t].push(i); });
  const canEnd = reachableFrom(steps.map((_, i) => i).filter((i) => graph.mayEnd[i]), backwards);
  const stuck = steps.map((_, i) => reached[i] && !canEnd[i]);
  if (!stuck.some(Boolean)) return;
  // Every step that cannot end goes somewhere, so the stuck steps hold at least one loop.
  const loops = components(graph.next, stuck).filter((c) => c.length > 1 || graph.next[c[0]].includes(c[0])).sort((a, b) => a[0] - b[0]);
  const advice = "give one of its branches an action that ends the case, or a way on to a step outside it";
  if (reached.every((r, i) => !r || stuck[i])) {
    const loop = loops[0];
    context.report({
      message: `No path from Step ${first} reaches an end: ${loop ? `${describeLoop(loop, graph.next, steps)}${loops.length > 1 ? ` (and ${loops.length - 1} more)` : ''}` : 'every branch jumps to another step'}; ${advice}`,
      range: startOf(steps[0]),
    });
    return;
  }
  for (const loop of loops) {
    context.report({ message: `${describeLoop(loop, graph.next, steps)}: every branch in it jumps to a step of the loop; ${advice}`, range: startOf(steps[loop[0]]) });
  }
}
