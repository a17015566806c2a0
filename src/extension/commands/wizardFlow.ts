/**
 * Step sequencing for the multi-step New SOP commands, free of the VS Code API so it can be unit
 * tested: which step comes next or before, the "n/N" counter across the whole flow (skipped steps
 * are not counted), and the answers remembered between runs.
 *
 * A flow is a function from the answers so far to its step list, because later steps can depend on
 * earlier answers (a template's questions are known only once the template is picked). While such
 * a list is still open, `complete` is false and the counter shows no total rather than a wrong one.
 */

export type Answers = Record<string, unknown>;

export interface FlowStep {
  id: string;
  /** A step whose answer is already fixed (passed by the caller) is left out of the walk and the counter. */
  skip?: boolean;
}

export interface StepList {
  steps: FlowStep[];
  /** False while steps that depend on a missing answer are not in the list yet. */
  complete: boolean;
}

export type StepsOf = (answers: Answers) => StepList;

function shown(list: StepList): FlowStep[] {
  return list.steps.filter((s) => !s.skip);
}

/** The first step to ask, or undefined when there is nothing to ask. */
export function firstStep(flow: StepsOf, answers: Answers): string | undefined {
  return shown(flow(answers))[0]?.id;
}

/** The step after `current` given the answers (including the one just given), or undefined when the flow is done. */
export function nextStep(flow: StepsOf, answers: Answers, current: string): string | undefined {
  const steps = shown(flow(answers));
  const at = steps.findIndex((s) => s.id === current);
  return at < 0 ? steps[0]?.id : steps[at + 1]?.id;
}

/** The step before `current`, or undefined at the first one (no Back there). */
export function previousStep(flow: StepsOf, answers: Answers, current: string): string | undefined {
  const steps = shown(flow(answers));
  const at = steps.findIndex((s) => s.id === current);
  return at > 0 ? steps[at - 1]!.id : undefined;
}

/** "n/N" for `current`: its place among the steps asked, and the total once it is known. */
export function counter(flow: StepsOf, answers: Answers, current: string): { step: number; totalSteps: number | undefined } {
  const list = flow(answers);
  const steps = shown(list);
  const at = steps.findIndex((s) => s.id === current);
  return { step: at + 1, totalSteps: list.complete ? steps.length : undefined };
}

/**
 * What to keep for next time from a cancelled run: the answers to steps of the flow that were
 * given, as plain JSON values (workspaceState stores JSON). Empty answers are dropped.
 */
export function rememberable(flow: StepsOf, answers: Answers): Answers | undefined {
  const ids = new Set(flow(answers).steps.map((s) => s.id));
  const kept: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    if (!ids.has(id) || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    kept[id] = JSON.parse(JSON.stringify(value)) as unknown;
  }
  return Object.keys(kept).length ? kept : undefined;
}

/** Answers read back from workspaceState: anything that is not a plain object is ignored. */
export function restored(value: unknown): Answers {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return { ...(value as Answers) };
}

export type StepResult = { kind: 'value'; value: unknown } | { kind: 'back'; value?: unknown } | { kind: 'startOver' } | { kind: 'cancel'; value?: unknown };

export interface AskContext {
  id: string;
  step: number;
  totalSteps: number | undefined;
  canGoBack: boolean;
  /** The answer already given to this step (this run, or remembered from a cancelled one): the prefill. */
  previous: unknown;
  /** True when earlier answers were offered again, so a "start over" choice makes sense. */
  resumed: boolean;
  /** Every answer so far (read only). */
  answers: Readonly<Answers>;
}

/**
 * Walks the flow: asks each step through `ask`, goes back on Back (keeping every answer), clears
 * the answers on "start over", and stops on cancel. A partial value that comes with Back or cancel
 * (text typed but not accepted, boxes ticked) is kept as that step's answer.
 * Resolves with the answers when every step is answered, or undefined when cancelled; `answers`
 * holds what was given either way.
 */
export async function walk(flow: StepsOf, answers: Answers, ask: (context: AskContext) => Promise<StepResult>, resumed: boolean): Promise<Answers | undefined> {
  let current = firstStep(flow, answers);
  let offered = resumed;
  while (current !== undefined) {
    const { step, totalSteps } = counter(flow, answers, current);
    const back = previousStep(flow, answers, current);
    const result = await ask({ id: current, step, totalSteps, canGoBack: back !== undefined, previous: answers[current], resumed: offered, answers });
    if (result.kind === 'startOver') {
      for (const id of shown(flow(answers)).map((s) => s.id)) delete answers[id];
      offered = false;
      current = firstStep(flow, answers);
      continue;
    }
    if ((result.kind === 'back' || result.kind === 'cancel') && result.value !== undefined) answers[current] = result.value;
    if (result.kind === 'cancel') return undefined;
    if (result.kind === 'back') { current = back ?? current; continue; }
    answers[current] = result.value;
    current = nextStep(flow, answers, current);
  }
  return answers;
}
