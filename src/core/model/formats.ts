/** Chooses a format from content when front matter does not say: the reason is shown to users. */
import type { SopDocument, SopFormat } from '../types.js';

export function inferFormat(doc: SopDocument): { format: SopFormat; reason: string } {
  const tasks = doc.checklist.length;
  if (tasks >= 3) return { format: 'checklist', reason: `inferred from content: ${tasks} task-list items (- [ ])` };
  const questions = doc.faq.length;
  if (questions >= 2 && questions >= doc.steps.length) return { format: 'faq', reason: `inferred from content: ${questions} questions with answers` };
  const branches = doc.steps.reduce((n, s) => n + s.branches.length, 0);
  if (branches > 0) return { format: 'workflow', reason: `inferred from content: ${branches} If/Take Action branches` };
  if (doc.stepReferences.length > 0) return { format: 'workflow', reason: `inferred from content: ${doc.stepReferences.length} "Proceed/Return to Step N" references` };
  const pictured = doc.steps.filter((s) => s.images.length > 0).length;
  if (pictured >= 2) return { format: 'guide', reason: `inferred from content: ${pictured} steps with pictures` };
  return { format: 'article', reason: 'inferred from content: no checklist items, questions, branches or pictured steps, so an article' };
}
