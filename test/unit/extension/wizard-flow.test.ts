import { strict as assert } from 'node:assert';
import { counter, firstStep, nextStep, previousStep, rememberable, restored, walk, type Answers, type AskContext, type StepResult, type StepsOf } from '../../../src/extension/commands/wizardFlow.js';

// A template-like flow: a pick, then questions that depend on it, then an optional last step.
const QUESTIONS: Record<string, string[]> = { short: ['name'], long: ['name', 'channels', 'hours'] };
const templateFlow = (fixedTemplate = false, askWhere = true): StepsOf => (answers) => {
  const questions = QUESTIONS[answers.template as string];
  return {
    steps: [{ id: 'template', skip: fixedTemplate }, ...(questions ?? []).map((id) => ({ id })), { id: 'location', skip: !askWhere }],
    complete: questions !== undefined,
  };
};

/** Plays scripted results and records what each step was shown. */
function script(results: Array<StepResult | ((c: AskContext) => StepResult)>) {
  const seen: AskContext[] = [];
  const ask = async (context: AskContext): Promise<StepResult> => {
    seen.push({ ...context, answers: { ...context.answers } });
    const next = results.shift();
    if (!next) throw new Error(`no scripted result for step ${context.id}`);
    return typeof next === 'function' ? next(context) : next;
  };
  return { seen, ask };
}
const value = (v: unknown): StepResult => ({ kind: 'value', value: v });

describe('wizard flow (step order, counter, remembered answers)', () => {
  it('counts one n/N across the whole flow, with no total until the template is known', () => {
    const flow = templateFlow();
    assert.deepEqual(counter(flow, {}, 'template'), { step: 1, totalSteps: undefined });
    assert.deepEqual(counter(flow, { template: 'long' }, 'template'), { step: 1, totalSteps: 5 });
    assert.deepEqual(counter(flow, { template: 'long' }, 'hours'), { step: 4, totalSteps: 5 });
    assert.deepEqual(counter(flow, { template: 'long' }, 'location'), { step: 5, totalSteps: 5 });
    assert.deepEqual(counter(flow, { template: 'short' }, 'location'), { step: 3, totalSteps: 3 });
  });

  it('leaves skipped steps out of the order and the counter', () => {
    const flow = templateFlow(true, false);
    const answers = { template: 'long' };
    assert.equal(firstStep(flow, answers), 'name');
    assert.deepEqual(counter(flow, answers, 'name'), { step: 1, totalSteps: 3 });
    assert.equal(previousStep(flow, answers, 'name'), undefined, 'no Back before the first asked step');
    assert.equal(nextStep(flow, answers, 'hours'), undefined, 'the skipped location step is not asked');
  });

  it('goes back keeping every answer, and forward again with the earlier answer as the prefill', async () => {
    const { seen, ask } = script([value('long'), value('Bramble'), { kind: 'back' }, value('Bramble Home'), value(['chat']), value('9-5'), value('/ws/sops')]);
    const answers: Answers = {};
    const done = await walk(templateFlow(), answers, ask, false);
    assert.deepEqual(seen.map((s) => `${s.id} ${s.step}/${s.totalSteps ?? '?'}${s.canGoBack ? ' back' : ''}`), [
      'template 1/? ', 'name 2/5 back', 'channels 3/5 back', 'name 2/5 back', 'channels 3/5 back', 'hours 4/5 back', 'location 5/5 back',
    ].map((s) => s.trim()));
    assert.equal(seen[3]!.previous, 'Bramble', 'Back shows the answer given before');
    assert.deepEqual(done, { template: 'long', name: 'Bramble Home', channels: ['chat'], hours: '9-5', location: '/ws/sops' });
  });

  it('keeps a partial value that comes with Back or Esc', async () => {
    const answers: Answers = {};
    const { seen, ask } = script([value('short'), { kind: 'back', value: 'typed' }, value('short'), { kind: 'cancel', value: 'typed more' }]);
    assert.equal(await walk(templateFlow(), answers, ask, false), undefined);
    assert.equal(seen[2]!.previous, 'short');
    assert.deepEqual(answers, { template: 'short', name: 'typed more' });
  });

  it('remembers a cancelled run as JSON and offers it again; "start over" clears it', async () => {
    const flow = templateFlow();
    const first: Answers = {};
    const run1 = script([value('long'), value('Bramble'), { kind: 'cancel' }]);
    assert.equal(await walk(flow, first, run1.ask, false), undefined);
    const stored = rememberable(flow, { ...first, stray: 'x', empty: '' });
    assert.deepEqual(stored, { template: 'long', name: 'Bramble' }, 'only answers to steps of the flow are kept');

    const run2 = script([(c) => value(c.previous), { kind: 'startOver' }, value('short'), value('Ash'), value('/ws')]);
    const second = restored(JSON.parse(JSON.stringify(stored)));
    const done = await walk(flow, second, run2.ask, true);
    assert.equal(run2.seen[0]!.previous, 'long');
    assert.equal(run2.seen[0]!.resumed, true);
    assert.equal(run2.seen[1]!.previous, 'Bramble', 'the remembered answer is the prefill');
    assert.equal(run2.seen[2]!.id, 'template');
    assert.equal(run2.seen[2]!.previous, undefined, 'start over forgets the answers');
    assert.equal(run2.seen[2]!.resumed, false);
    assert.deepEqual(done, { template: 'short', name: 'Ash', location: '/ws' });
  });

  it('keeps fixed answers (skipped steps) on start over, and ignores stored junk', async () => {
    const answers: Answers = { template: 'short', name: 'Old' };
    const { seen, ask } = script([{ kind: 'startOver' }, value('New'), value('/ws')]);
    assert.deepEqual(await walk(templateFlow(true), answers, ask, true), { template: 'short', name: 'New', location: '/ws' });
    assert.equal(seen[1]!.previous, undefined);
    assert.deepEqual(restored(['a']), {});
    assert.deepEqual(restored('text'), {});
    assert.deepEqual(restored(undefined), {});
    assert.equal(rememberable(templateFlow(), {}), undefined);
  });
});
