/**
 * The guided walk through a workflow: one step's condition at a time, a button per branch. It
 * follows "Proceed to"/"Return to Step N"; an action that also jumps ("Raise an investigation …
 * and proceed to Step 6") is shown first, with a Continue button, so no action on the path is
 * skipped. The flowchart lights up the path taken. All text is set with textContent: the data
 * comes from the document and is never parsed as HTML.
 */
import type { GuidedData, GuidedStep } from '../contracts/guided-walk.js';

interface TrailEntry { step: number; choice?: number }
/** Where the walk stands still: an action (which may go on to `next`, a step index), or the end of a path. */
type Ending = { kind: 'action' | 'missing' | 'none' | 'end'; text: string; line?: number; next?: number; missingTarget?: number };

let data: GuidedData | undefined;
let dataText = '';
let trail: TrailEntry[] = [];
let ending: Ending | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function isGuidedData(value: unknown): value is GuidedData {
  return typeof value === 'object' && value !== null && Array.isArray((value as GuidedData).steps)
    && (value as GuidedData).steps.every((s) => typeof s.number === 'number' && typeof s.title === 'string' && Array.isArray(s.branches));
}

/** Reads the embedded JSON; keeps the walk where it is when the workflow did not change. */
export function loadGuided(): void {
  const script = document.getElementById('sop-workflow-data');
  if (!script) { data = undefined; return; }
  const text = script.textContent ?? '';
  // A patch re-draws the flowchart without the walk's marks: put them back.
  if (text === dataText && data) { highlightPath(); return; }
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  dataText = text;
  data = isGuidedData(parsed) ? parsed : undefined;
  if (!data || !trail.length || trail.some((t) => t.step >= data!.steps.length)) restart();
  else render();
}


export function restart(): void {
  trail = data && data.steps.length ? [{ step: 0 }] : [];
  ending = undefined;
  render();
}

export function back(): void {
  if (ending) ending = undefined;
  else if (trail.length > 1) trail.pop();
  if (trail.length) delete trail[trail.length - 1].choice;
  render();
}

function goToCrumb(index: number): void {
  trail = trail.slice(0, index + 1);
  delete trail[index].choice;
  ending = undefined;
  render();
}

function stepIndexFor(number: number): number {
  return data ? data.steps.findIndex((s) => s.number === number) : -1;
}

export function choose(branchIndex: number): void {
  if (!data || ending || !trail.length) return;
  const current = trail[trail.length - 1];
  const step = data.steps[current.step];
  if (branchIndex < 0) {
    // A step without branches: carry on to the next one.
    current.choice = -1;
    if (current.step + 1 < data.steps.length) trail.push({ step: current.step + 1 });
    else ending = { kind: 'end', text: 'End of the workflow.' };
    render(true);
    return;
  }
  const branch = step.branches[branchIndex];
  if (!branch) return;
  current.choice = branchIndex;
  if ((branch.kind === 'proceed' || branch.kind === 'return') && branch.target !== undefined) {
    const next = stepIndexFor(branch.target);
    if (!branch.jumpOnly && branch.outcome) {
      ending = { kind: 'action', text: branch.outcome, line: branch.outcomeLine ?? branch.line, ...(next < 0 ? { missingTarget: branch.target } : { next }) };
    } else if (next < 0) ending = { kind: 'missing', text: `This branch goes to Step ${branch.target}, which does not exist in the document.`, line: branch.line };
    else trail.push({ step: next });
  } else if (branch.kind === 'action' && branch.outcome) {
    ending = { kind: 'action', text: branch.outcome, line: branch.outcomeLine ?? branch.line };
  } else {
    ending = { kind: 'none', text: 'No action is written for this branch yet.', line: branch.line };
  }
  render(true);
}

/** Done with the action shown: on to the step it names. */
export function continueWalk(): void {
  if (!data || !ending || ending.next === undefined) return;
  trail.push({ step: ending.next });
  ending = undefined;
  render(true);
}

function crumbLabel(entry: TrailEntry, step: GuidedStep): string {
  if (entry.choice === undefined) return `Step ${step.number}`;
  if (entry.choice < 0) return `Step ${step.number} → continue`;
  return `Step ${step.number} → ${step.branches[entry.choice]?.label ?? ''}`;
}

function render(moveFocus = false): void {
  const root = document.querySelector('.sop-guided');
  const stage = root?.querySelector<HTMLElement>('.sop-guided-stage');
  const crumbs = root?.querySelector('.sop-guided-breadcrumb ol');
  if (!root || !stage || !crumbs) return;
  const backButton = root.querySelector<HTMLButtonElement>('[data-action="guided-back"]');
  if (backButton) backButton.disabled = !ending && trail.length <= 1;
  crumbs.replaceChildren();
  stage.replaceChildren();
  if (!data || !trail.length) {
    stage.append(el('p', 'sop-missing', 'This workflow has no steps to walk through.'));
    return;
  }
  trail.forEach((entry, i) => {
    const li = el('li', 'sop-crumb');
    const button = el('button', 'sop-crumb-button', crumbLabel(entry, data!.steps[entry.step]));
    button.type = 'button';
    button.dataset.crumb = String(i);
    if (i === trail.length - 1 && !ending) button.setAttribute('aria-current', 'step');
    li.append(button);
    crumbs.append(li);
  });
  if (ending) {
    const box = el('div', `sop-guided-result sop-guided-result-${ending.kind}`);
    const kicker = { action: 'Action to take', missing: 'Broken link in the workflow', none: 'Open branch', end: 'Done' }[ending.kind];
    const outcome = el('p', 'sop-guided-outcome', ending.text);
    outcome.tabIndex = -1;
    box.append(el('p', 'sop-guided-kicker', kicker), outcome);
    if (ending.next !== undefined) {
      const target = data.steps[ending.next];
      const button = el('button', 'sop-button sop-guided-continue', `Continue to Step ${target.number}`);
      button.type = 'button';
      button.dataset.action = 'guided-continue';
      box.append(button);
    } else if (ending.missingTarget !== undefined) {
      box.append(el('p', 'sop-guided-broken', `Then it goes to Step ${ending.missingTarget}, which does not exist in the document.`));
    }
    if (ending.line) box.append(jumpLink(ending.line));
    stage.append(box);
  } else {
    const step = data.steps[trail[trail.length - 1].step];
    stage.append(el('p', 'sop-guided-step', `Step ${step.number}: ${step.title}`));
    if (step.question) stage.append(el('p', 'sop-guided-question', step.question));
    const choices = el('div', 'sop-guided-choices');
    choices.setAttribute('role', 'group');
    choices.setAttribute('aria-label', 'Which is true?');
    const options = step.branches.length ? step.branches.map((b, i) => [b.label, i] as const) : [['Continue', -1] as const];
    for (const [label, index] of options) {
      const button = el('button', 'sop-button sop-guided-choice', label);
      button.type = 'button';
      button.dataset.branch = String(index);
      choices.append(button);
    }
    stage.append(choices, jumpLink(step.line));
  }
  highlightPath();
  if (moveFocus) stage.querySelector<HTMLElement>('.sop-guided-choice, .sop-guided-outcome')?.focus();
}

/** Marks the steps, branches and action the walk went through in the flowchart, and the step it is at. */
function highlightPath(): void {
  const chart = document.querySelector('svg.sop-flowchart');
  if (!chart) return;
  for (const mark of chart.querySelectorAll('.sop-flow-on-path, .sop-flow-here')) mark.classList.remove('sop-flow-on-path', 'sop-flow-here');
  if (!data) return;
  const mark = (node: Element | null, className = 'sop-flow-on-path') => node?.classList.add(className);
  const nodeId = (stepIndex: number) => `step-${stepIndex + 1}`; // flowchart ids use the 1-based position
  trail.forEach((entry, i) => {
    const from = nodeId(entry.step);
    mark(chart.querySelector(`[data-node="${from}"]`));
    if (entry.choice === undefined) return;
    const edge = entry.choice < 0
      ? chart.querySelector(`.sop-flow-edge-next[data-from="${from}"]`)
      : chart.querySelector(`.sop-flow-edge[data-from="${from}"][data-branch="${entry.choice}"]`);
    mark(edge);
    const to = edge?.getAttribute('data-to');
    // The node the edge leads to: the next step on the trail, or where the walk stopped.
    if (to && (i < trail.length - 1 || ending)) mark(chart.querySelector(`[data-node="${CSS.escape(to)}"]`));
  });
  const last = trail.at(-1);
  if (last && !ending) mark(chart.querySelector(`[data-node="${nodeId(last.step)}"]`), 'sop-flow-here');
}

function jumpLink(line: number): HTMLAnchorElement {
  const link = el('a', 'sop-jump sop-guided-source', 'Show in the document');
  link.href = `#L${line}`;
  link.dataset.jumpLine = String(line);
  return link;
}

/** Click handling for the walk's own controls; returns true when the click was the walk's. */
export function handleGuidedClick(target: Element): boolean {
  const choice = target.closest<HTMLElement>('.sop-guided-choice');
  if (choice) { choose(Number(choice.dataset.branch)); return true; }
  const crumb = target.closest<HTMLElement>('.sop-crumb-button');
  if (crumb) { goToCrumb(Number(crumb.dataset.crumb)); return true; }
  const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
  if (action === 'guided-back') { back(); return true; }
  if (action === 'guided-restart') { restart(); return true; }
  if (action === 'guided-continue') { continueWalk(); return true; }
  return false;
}
