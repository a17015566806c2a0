import type { Step } from '../../types.js';
import type { RuleDefinition } from './rule.js';

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
  description: '"Proceed to / Return to / Go to Step N" names a step that exists; in workflows every step can be reached and every branch leads somewhere.',
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
          context.report({ message: `Branch 'If: ${branch.condition.slice(0, 60)}' in Step ${stepNumber(step)} leads nowhere: add 'Take Action: …' or 'Proceed to Step N' under it`, range: branch.conditionRange });
        }
      }
    }
    // A step falls through to the next one unless every branch jumps elsewhere explicitly.
    const referenced = new Set(doc.stepReferences.filter((r) => r.fromStep < 0 || stepNumber(doc.steps[r.fromStep]) !== r.target).map((r) => r.target));
    doc.steps.forEach((step, i) => {
      if (i === 0 || referenced.has(stepNumber(step))) return;
      const previous = doc.steps[i - 1];
      const fallsThrough = previous.branches.length === 0 || previous.branches.some((b) => b.outcomeKind !== 'proceed' && b.outcomeKind !== 'return');
      if (!fallsThrough) {
        context.report({ message: `Step ${stepNumber(step)} cannot be reached: no branch proceeds to it and Step ${stepNumber(previous)} always jumps elsewhere`, range: step.range.start.line === step.range.end.line ? step.range : { start: step.range.start, end: { ...step.range.start, column: step.range.start.column + 1, offset: step.range.start.offset + 1 } } });
      }
    });
  },
};
