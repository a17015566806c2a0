import type { Step, TextEdit } from '../../types.js';
import type { RuleDefinition } from './rule.js';

export const stepNumbering: RuleDefinition = {
  id: 'step-numbering',
  description: 'Numbered steps count up without gaps or repeats (a list that numbers every item "1." is fine).',
  defaultSeverity: 'warning',
  fixable: true,
  check(doc, context) {
    const sequences = new Map<number, Step[]>();
    for (const step of doc.steps) {
      if (step.number === null || !step.numberRange) continue;
      const list = sequences.get(step.sequence);
      if (list) list.push(step);
      else sequences.set(step.sequence, [step]);
    }
    for (const steps of sequences.values()) {
      if (steps.length < 2) continue;
      const written = steps.map((s) => s.number!);
      if (steps[0].kind === 'list-item' && written.every((n) => n === written[0])) continue;
      const start = written[0];
      const wrong = steps.filter((s, i) => s.number !== start + i);
      if (wrong.length === 0) continue;
      const mapping = new Map<number, number>();
      const ambiguous = new Set<number>();
      steps.forEach((s, i) => {
        if (mapping.has(s.number!) && mapping.get(s.number!) !== start + i) ambiguous.add(s.number!);
        mapping.set(s.number!, start + i);
      });
      const position = new Map(steps.map((s, i) => [s, i]));
      const edits: TextEdit[] = steps.filter((s, i) => s.number !== start + i).map((s) => ({
        offset: s.numberRange!.start.offset, length: s.numberRange!.end.offset - s.numberRange!.start.offset, text: String(start + position.get(s)!),
      }));
      // Renumbering moves what "Proceed to Step N" means: carry references along when that is unambiguous.
      const affected = doc.stepReferences.filter((r) => !ambiguous.has(r.target) && mapping.has(r.target) && mapping.get(r.target) !== r.target);
      for (const ref of affected) {
        const digits = /\d{1,9}$/.exec(doc.text.slice(ref.range.start.offset, ref.range.end.offset));
        if (digits) edits.push({ offset: ref.range.end.offset - digits[0].length, length: digits[0].length, text: String(mapping.get(ref.target)) });
      }
      // A reference to a number two steps share cannot be carried along: a person must choose.
      const safe = !doc.stepReferences.some((r) => ambiguous.has(r.target));
      const fix = { title: `Renumber steps ${start}–${start + steps.length - 1}`, edits };
      const sequenceText = written.slice(0, 12).join(', ') + (written.length > 12 ? ', …' : '');
      wrong.forEach((s, k) => {
        const expected = start + position.get(s)!;
        const message = `Step numbered ${s.number} should be ${expected} (steps go ${sequenceText})`;
        // Only the first report carries the fix, so --fix applies the renumbering once.
        context.report({ message, range: s.numberRange!, ...(k === 0 ? (safe ? { fix } : { suggestions: [fix] }) : { suggestions: [fix] }) });
      });
    }
  },
};
