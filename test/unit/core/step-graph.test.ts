import { strict as assert } from 'node:assert';
import { lint } from '../../../src/core/lint/lint.js';
import { TODAY } from './helpers.js';

/** A workflow SOP around the given steps: `steps` maps a step number to its branches ("condition => outcome") or its prose. */
function workflow(steps: Record<number, string[] | string>, after = ''): string {
  const body = Object.entries(steps).map(([n, content]) => {
    const text = typeof content === 'string' ? content : content.map((b) => {
      const [condition, outcome] = b.split(' => ');
      return `- **If:** ${condition}\n${outcome ? `  - **Take Action:** ${outcome}\n` : ''}`;
    }).join('');
    return `### Step ${n}: Step ${n}\n\n${text}\n`;
  }).join('\n');
  return `---\ntitle: Late parcels\nformat: workflow\nversion: 1.0\n---\n\n## Purpose\n\nKeep customers informed.\n\n## Scope\n\nChat and e-mail.\n\n## Workflow Steps\n\n${body}\n## Escalation\n\nEscalate to the logistics team.${after}\n\n## References\n\n- Carrier handbook\n\n## Revision History\n\n- 2026-10-01 — v1.0 — First version\n`;
}

const findings = (text: string) => lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'step-reference').map((m) => `${m.line} ${m.message}`);
const messages = (text: string) => findings(text).map((f) => f.replace(/^\d+ /, ''));

describe('step-reference walks the step graph from the first step', () => {
  it('reports a step reached only from a step nobody can reach', () => {
    const text = workflow({
      1: ['Delivered => Proceed to Step 4.', 'In transit => Proceed to Step 4.'],
      2: ['Address wrong => Proceed to Step 3.', 'Address right => Proceed to Step 4.'],
      3: ['Customer confirms => Update the address and proceed to Step 4.'],
      4: 'Confirm with the customer.',
    });
    assert.deepEqual(messages(text), [
      "Step 2 can't be reached from Step 1: no step proceeds to it and Step 1 before it always jumps elsewhere",
      "Step 3 can't be reached from Step 1: only Step 2 leads to it, and that step can't be reached either",
    ]);
  });
  it('reports every step of an unreachable chain, each with why', () => {
    const text = workflow({
      1: ['Delivered => Proceed to Step 4.', 'Lost => Proceed to Step 4.'],
      2: 'Check the address.',
      3: 'Call the carrier.',
      4: 'Confirm with the customer.',
    });
    assert.deepEqual(messages(text), [
      "Step 2 can't be reached from Step 1: no step proceeds to it and Step 1 before it always jumps elsewhere",
      "Step 3 can't be reached from Step 1: only Step 2 leads to it, and that step can't be reached either",
    ]);
  });
  it('counts a step as reached when a reference outside every step sends the reader there', () => {
    const text = workflow({
      1: ['Delivered => Proceed to Step 3.', 'Lost => Proceed to Step 3.'],
      2: 'Chase the carrier.',
      3: 'Confirm with the customer.',
    }, '\n\nWhen the logistics team replies, return to Step 2.');
    assert.deepEqual(findings(text), []);
  });
  it('still lets a step with an action branch or no branches go on to the next step', () => {
    const text = workflow({
      1: ['Delivered => Share the proof of delivery.', 'Lost => Proceed to Step 3.'],
      2: 'Ask the customer to check with neighbours, then proceed to Step 4.',
      3: 'Open a carrier investigation.',
      4: 'Confirm with the customer.',
    });
    assert.deepEqual(findings(text), []);
  });
});

describe('step-reference finds loops with no way out', () => {
  const loopWith = (step4: string[]) => workflow({
    1: 'Find the order.',
    2: ['Delivered => Proceed to Step 5.', 'In transit => Proceed to Step 3.'],
    3: ['Carrier has news => Proceed to Step 4.', 'No news => Wait a day and return to Step 3.'],
    4: step4,
    5: 'Thank the customer.',
  });
  const loop = loopWith(['Customer will wait => Return to Step 3.', 'Customer wants a refund => Proceed to Step 3.']);
  it('names the steps of the loop, in the order they are followed, on the loop\'s first step', () => {
    assert.deepEqual(findings(loop), [
      '29 Steps 3 → 4 → 3 form a loop with no way out: every branch in it jumps to a step of the loop; give one of its branches an action that ends the case, or a way on to a step outside it',
    ]);
  });
  it('is quiet once one branch leads out of the loop', () => {
    assert.deepEqual(findings(loopWith(['Customer will wait => Return to Step 3.', 'Customer wants a refund => Proceed to Step 5.'])), []);
  });
  it('is quiet when a branch says it closes the case, even if it names a step for the next call', () => {
    assert.deepEqual(findings(loopWith(['Customer will wait => Return to Step 3.', 'Customer wants a refund => Refund, close the case and return to Step 3 for the next parcel.'])), []);
  });
  it('reports a step that only ever jumps back to itself', () => {
    const text = workflow({
      1: ['Delivered => Proceed to Step 3.', 'Lost => Proceed to Step 2.'],
      2: ['Carrier replied => Return to Step 2.', 'No reply => Return to Step 2.'],
      3: 'Thank the customer.',
    });
    assert.deepEqual(messages(text), ['Step 2 loops back to itself with no way out: every branch in it jumps to a step of the loop; give one of its branches an action that ends the case, or a way on to a step outside it']);
  });
  it('names all the steps of a larger knot and one way round it', () => {
    const text = workflow({
      1: ['Delivered => Proceed to Step 5.', 'Lost => Proceed to Step 2.'],
      2: ['A => Proceed to Step 3.', 'B => Proceed to Step 4.'],
      3: ['C => Return to Step 2.', 'D => Proceed to Step 4.'],
      4: ['E => Return to Step 2.', 'F => Return to Step 3.'],
      5: 'Thank the customer.',
    });
    assert.deepEqual(messages(text), ['Steps 2, 3 and 4 form a loop with no way out (2 → 3 → 2, …): every branch in it jumps to a step of the loop; give one of its branches an action that ends the case, or a way on to a step outside it']);
  });
});

describe('step-reference reports a workflow no path can finish', () => {
  it('reports it once, on the first step, naming the loop', () => {
    const text = workflow({
      1: ['Has an account => Proceed to Step 2.', 'New caller => Proceed to Step 3.'],
      2: ['Found => Proceed to Step 3.', 'Not found => Return to Step 1.'],
      3: ['Wants more => Return to Step 1.', 'Has everything => Read the order back and return to Step 2.'],
    });
    assert.deepEqual(findings(text), [
      '17 No path from Step 1 reaches an end: Steps 1, 2 and 3 form a loop with no way out (1 → 2 → 1, …); give one of its branches an action that ends the case, or a way on to a step outside it',
    ]);
  });
  it('leaves a workflow alone when its last step simply finishes', () => {
    const text = workflow({
      1: ['Has an account => Proceed to Step 2.', 'New caller => Proceed to Step 3.'],
      2: ['Found => Proceed to Step 3.', 'Not found => Return to Step 1.'],
      3: 'Read the order back and thank the caller.',
    });
    assert.deepEqual(findings(text), []);
  });
  it('keeps the message about a long loop to one readable line', () => {
    const steps: Record<number, string[]> = {};
    for (let n = 1; n <= 150; n++) steps[n] = [`A => Proceed to Step ${n === 150 ? 1 : n + 1}.`, `B => Proceed to Step ${n === 150 ? 1 : n + 1}.`];
    const [finding] = messages(workflow(steps));
    assert.equal(finding, 'No path from Step 1 reaches an end: Steps 1 → 2 → 3 → 4 → 5 → … → 149 → 150 → 1 form a loop with no way out; give one of its branches an action that ends the case, or a way on to a step outside it');
  });
});
