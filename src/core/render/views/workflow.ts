/**
 * Workflow view: a guided walk (one step's condition at a time, a button per branch) and the
 * flowchart. The walk's data is embedded as JSON; the logic lives in the webview script, so the
 * same page works in VS Code and as a standalone file.
 */
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import type { SopDocument } from '../../types.js';
import { jsonForScript } from '../markdown.js';
import { renderFlowchart } from './flowchart.js';
import { STEP_REFERENCE } from '../../model/steps.js';

/** Past this, a chart is unreadable anyway and its layout takes seconds (20,000 steps: 41 s). */
export const FLOWCHART_MAX_STEPS = 300;
import type { GuidedData } from '../../../contracts/guided-walk.js';

export type { GuidedBranch, GuidedStep, GuidedData } from '../../../contracts/guided-walk.js';

export const GUIDED_DATA_ID = 'sop-workflow-data';

/** Words that add nothing to a jump: "Then proceed to Step 3." is still only a jump. */
const JUMP_FILLER = /\b(?:then|and|now|please|next)\b/gi;

/** True when the outcome says nothing but where to go, so there is no action to show first. */
export function onlyNamesTheJump(outcome: string): boolean {
  const rest = outcome.replace(new RegExp(STEP_REFERENCE.source, 'gi'), ' ').replace(JUMP_FILLER, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

export function guidedData(doc: SopDocument): GuidedData {
  return {
    steps: doc.steps.map((step) => ({
      number: step.number ?? step.ordinal,
      title: step.title,
      line: step.range.start.line,
      question: step.conditions[0]?.text,
      branches: step.branches.map((branch) => ({
        label: branch.condition,
        line: branch.conditionRange.start.line,
        kind: branch.outcomeKind ?? 'none',
        outcome: branch.outcome,
        outcomeLine: branch.outcomeRange?.start.line,
        target: branch.target,
        jumpOnly: branch.target !== undefined && branch.outcome !== undefined && onlyNamesTheJump(branch.outcome),
      })),
    })),
  };
}

export function workflowHead(doc: SopDocument): ElementContent[] {
  if (doc.steps.length === 0) {
    return [h('p.sop-missing', 'No steps found. Write steps as "### Step 1: …" headings or a numbered list under the process section.')];
  }
  const numbers = new Set(doc.steps.map((s) => s.number ?? s.ordinal));
  const dangling = doc.stepReferences.filter((ref) => !numbers.has(ref.target));
  return [
    h('section.sop-guided', { ariaLabel: 'Guided walk', dataMorphSkip: true }, [
      h('h2', 'Guided walk'),
      h('p.sop-hint', 'Answer one question at a time; the walk follows "Proceed to" and "Return to" steps to the action to take.'),
      h('nav.sop-guided-breadcrumb', { ariaLabel: 'Path so far' }, [h('ol')]),
      h('div.sop-guided-stage', { ariaLive: 'polite', tabIndex: -1 }, [h('p', 'The guided walk needs scripts, which this viewer has turned off.')]),
      h('div.sop-guided-controls', [
        h('button.sop-button', { type: 'button', dataAction: 'guided-back', disabled: true }, 'Back'),
        h('button.sop-button', { type: 'button', dataAction: 'guided-restart' }, 'Restart'),
      ]),
    ]),
    h('script', { type: 'application/json', id: GUIDED_DATA_ID }, jsonForScript(guidedData(doc))),
    h('section.sop-flow', { ariaLabel: 'Flowchart' }, [
      h('div.sop-flow-head', [
        h('h2', 'Flowchart'),
        h('button.sop-button.sop-button-quiet', { type: 'button', dataAction: 'flow-zoom', ariaPressed: 'false' }, 'Actual size'),
      ]),
      dangling.length
        ? h('p.sop-flow-warning', `${dangling.length} step reference${dangling.length === 1 ? ' points' : 's point'} to a step that does not exist (shown in red).`)
        : '',
      doc.steps.length > FLOWCHART_MAX_STEPS
        ? h('p.sop-flow-too-big', `This workflow has ${doc.steps.length} steps; the flowchart is drawn for up to ${FLOWCHART_MAX_STEPS}. The guided walk above covers every step.`)
        : h('div.sop-flow-scroll', [renderFlowchart(doc)]),
    ]),
  ];
}
