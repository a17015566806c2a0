import type { RuleDefinition } from './rule.js';
import { quoteWords } from '../../display.js';

function key(question: string): string {
  return question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export const faqEntry: RuleDefinition = {
  id: 'faq-entry',
  description: 'In an FAQ, every question has an answer and no question is asked twice.',
  defaultSeverity: 'warning',
  fixable: false,
  check(doc, context) {
    if (doc.format !== 'faq') return;
    const seen = new Map<string, number>();
    for (const pair of doc.faq) {
      const q = quoteWords(pair.question, 70);
      if (!pair.answer.trim()) {
        context.report({ message: `Question '${q}' has no answer; write the answer below it`, range: pair.questionRange });
      }
      const k = key(pair.question);
      const first = seen.get(k);
      if (first !== undefined) {
        context.report({ message: `Question '${q}' is asked twice (first on line ${first}); merge the answers`, range: pair.questionRange });
      } else {
        seen.set(k, pair.questionRange.start.line);
      }
    }
  },
};
