/**
 * "sopkit: New SOP…": eight short steps (format, title, business, description, sector, offers,
 * tone, policies), then the core's generateSopDraft writes a complete draft that lints without
 * errors. Esc cancels at any step. Tests and other extensions can pass the answers directly:
 *   executeCommand('sopkit.newSop', { answers: WizardAnswers, folder?: Uri, today?: 'YYYY-MM-DD' })
 */
import * as vscode from 'vscode';
import { SOP_FORMATS, type SopFormat } from '../../core/index.js';
import type { WizardAnswers } from '../../core/heavy.js';
import { heavy } from '../heavy/load.js';
import { logError } from '../log.js';
import { askText, createSopFile, pickMany, pickOne, type Step } from './prompts.js';

export const NEW_SOP_COMMAND = 'sopkit.newSop';

export interface NewSopArgs {
  answers?: WizardAnswers;
  folder?: vscode.Uri;
  today?: string;
}

const FORMAT_HELP: Record<SopFormat, string> = {
  article: 'Purpose, scope, numbered procedure: the classic SOP',
  guide: 'A step-by-step how-to with screenshots',
  workflow: 'Steps with conditions and If/Then branches',
  faq: 'Questions and answers',
  checklist: 'Tick-box phases for a shift or a task',
};

const TITLE = 'New SOP';
const TOTAL = 8;

async function askAnswers(): Promise<WizardAnswers | undefined> {
  const step = (n: number): Step => ({ title: TITLE, step: n, totalSteps: TOTAL });
  const format = await pickOne(step(1), 'Which kind of SOP?', SOP_FORMATS.map((f) => ({ label: f, description: FORMAT_HELP[f], value: f })));
  if (!format) return undefined;
  const title = await askText(step(2), 'Title of the SOP', { placeholder: 'Handling Refund Requests' });
  if (!title) return undefined;
  const businessName = await askText(step(3), 'Your business name, as customers know it', { placeholder: 'Northwind Outfitters' });
  if (!businessName) return undefined;
  const description = await askText(step(4), 'In one sentence, what is this SOP for?', { placeholder: 'How agents answer refund requests within one business day' });
  if (!description) return undefined;
  const sector = await pickOne(step(5), 'Your sector (it decides the common customer questions covered)', heavy().listSectors().map((s) => ({ label: s, value: s })));
  if (!sector) return undefined;
  const offers = await askText(step(6), 'What do you offer customers?', { placeholder: 'outdoor clothing and camping gear, sold online' });
  if (!offers) return undefined;
  const tone = await pickMany(step(7), 'Your brand tone: pick 2 or 3', heavy().listTones().map((t) => ({ label: t, value: t })), { min: 2, max: 3 });
  if (!tone) return undefined;
  const policies = await pickMany(step(8), 'Policies to build in: pick 2 or 3', heavy().listPolicies().map((p) => ({ label: p.name, detail: p.description, value: p.id })), { min: 2, max: 3 });
  if (!policies) return undefined;
  return { format, title, businessName, description, sector, offers, tone, policies };
}

export function registerNewSop(): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_SOP_COMMAND, async (arg?: NewSopArgs | vscode.Uri): Promise<vscode.Uri | undefined> => {
    const args: NewSopArgs = arg instanceof vscode.Uri ? { folder: arg } : (arg ?? {});
    const answers = args.answers ?? (await askAnswers());
    if (!answers) return undefined;
    let text: string;
    try {
      text = heavy().generateSopDraft(answers, { today: args.today });
    } catch (error) {
      if (error instanceof heavy().WizardError) { void vscode.window.showErrorMessage(`sopkit: ${error.message}`); return undefined; }
      logError('generating an SOP draft', error);
      void vscode.window.showErrorMessage('sopkit could not write the draft; details are in Output › sopkit.');
      return undefined;
    }
    return createSopFile(text, answers.title, args.folder);
  });
}
