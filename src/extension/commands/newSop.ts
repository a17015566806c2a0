/**
 * "sopkit: New SOP…": eight short steps (format, title, business, description, sector, offers,
 * tone, policies) and where to save it, then the core's generateSopDraft writes a complete draft
 * that lints without errors. Every step after the first has Back; Esc cancels and the answers are
 * offered again next time (per workspace). Tests and other extensions can pass the answers directly:
 *   executeCommand('sopkit.newSop', { answers: WizardAnswers, folder?: Uri, today?: 'YYYY-MM-DD' })
 */
import * as vscode from 'vscode';
import { SOP_FORMATS, type SopFormat } from '../../core/index.js';
import type { WizardAnswers } from '../../core/heavy.js';
import { heavy } from '../heavy/load.js';
import { logError } from '../log.js';
import type { SopFileMatcher as SopFiles } from '../sopFiles.js';
import { askLocation, askText, createSopFile, pickMany, pickOne, runWizard, saveFolders, type SaveLocation, type Step } from './prompts.js';
import type { AskContext, StepResult, StepsOf } from './wizardFlow.js';

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
/** workspaceState key of a cancelled run's answers. */
export const NEW_SOP_STATE = 'sopkit.newSop.answers';
const QUESTIONS = ['format', 'title', 'businessName', 'description', 'sector', 'offers', 'tone', 'policies'] as const;

function flowOf(askWhere: boolean): StepsOf {
  return () => ({ steps: [...QUESTIONS.map((id) => ({ id })), { id: 'location', skip: !askWhere }], complete: true });
}

function askStep(context: AskContext, folders: () => { uri: vscode.Uri; why: string }[]): Promise<StepResult> {
  const step: Step = { title: TITLE, step: context.step, totalSteps: context.totalSteps, canGoBack: context.canGoBack, resumed: context.resumed };
  const previous = context.previous;
  const text = (prompt: string, placeholder: string) => askText(step, prompt, { placeholder, value: typeof previous === 'string' ? previous : '' });
  switch (context.id) {
    case 'format': return pickOne(step, 'Which kind of SOP?', SOP_FORMATS.map((f) => ({ label: f, description: FORMAT_HELP[f], value: f })), previous);
    case 'title': return text('Title of the SOP', 'Handling Refund Requests');
    case 'businessName': return text('Your business name, as customers know it', 'Northwind Outfitters');
    case 'description': return text('In one sentence, what is this SOP for?', 'How agents answer refund requests within one business day');
    case 'sector': return pickOne(step, 'Your sector (it decides the common customer questions covered)', heavy().listSectors().map((s) => ({ label: s, value: s })), previous);
    case 'offers': return text('What do you offer customers?', 'outdoor clothing and camping gear, sold online');
    case 'tone': return pickMany(step, 'Your brand tone: pick 2 or 3', heavy().listTones().map((t) => ({ label: t, value: t })), { min: 2, max: 3 }, previous);
    case 'policies': return pickMany(step, 'Policies to build in: pick 2 or 3', heavy().listPolicies().map((p) => ({ label: p.name, detail: p.description, value: p.id })), { min: 2, max: 3 }, previous);
    default: return askLocation(step, String(context.answers.title ?? ''), folders(), previous);
  }
}

/** The folders a draft can go to, from the editors open when the command started. */
export function foldersNow(files: SopFiles): () => { uri: vscode.Uri; why: string }[] {
  const active = vscode.window.activeTextEditor?.document;
  const activeSop = active && active.uri.scheme === 'file' && files.isSopDocument(active) ? active.uri : undefined;
  const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && d !== active && files.isSopDocument(d)).map((d) => d.uri);
  return () => saveFolders(activeSop, open);
}

export function locationOf(answers: Record<string, unknown>, folder: vscode.Uri | undefined): { folder: vscode.Uri; name?: string } | undefined {
  if (folder) return { folder };
  const chosen = answers.location as SaveLocation | undefined;
  return chosen && typeof chosen.folder === 'string' ? { folder: vscode.Uri.parse(chosen.folder), name: chosen.name } : undefined;
}

export function registerNewSop(state: vscode.Memento, files: SopFiles): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_SOP_COMMAND, async (arg?: NewSopArgs | vscode.Uri): Promise<vscode.Uri | undefined> => {
    const args: NewSopArgs = arg instanceof vscode.Uri ? { folder: arg } : (arg ?? {});
    const folders = foldersNow(files);
    let given: Record<string, unknown> | undefined = args.answers as unknown as Record<string, unknown> | undefined;
    if (!given) {
      const askWhere = !args.folder && folders().length > 0;
      given = await runWizard(state, NEW_SOP_STATE, flowOf(askWhere), {}, (context) => askStep(context, folders));
    }
    if (!given) return undefined;
    const { location, ...rest } = given;
    const answers = rest as unknown as WizardAnswers;
    let text: string;
    try {
      text = heavy().generateSopDraft(answers, { today: args.today });
    } catch (error) {
      if (error instanceof heavy().WizardError) { void vscode.window.showErrorMessage(`sopkit: ${error.message}`); return undefined; }
      logError('generating an SOP draft', error);
      void vscode.window.showErrorMessage('sopkit could not write the draft; details are in Output › sopkit.');
      return undefined;
    }
    return createSopFile(text, answers.title, locationOf({ location }, args.folder));
  });
}
