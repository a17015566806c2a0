/**
 * "sopkit: New SOP from Template…": pick a template from the gallery (plus the team's own, from
 * the `templates` folder named in .sopkit.yaml), answer its questions, get a filled-in SOP.
 * then where to save it. One "n/N" counter runs across the whole flow (the total shows once the
 * template, and so its question count, is known); every step after the first has Back; Esc
 * cancels and the answers are offered again next time (per workspace). Tests can pass everything directly:
 *   executeCommand('sopkit.newSopFromTemplate', { templateId, answers, folder?: Uri, today? })
 */
import * as vscode from 'vscode';
import type { TemplateAnswers, TemplateInfo, TemplateSource } from '../../core/heavy.js';
import { heavy } from '../heavy/load.js';
import type { ConfigService } from '../config.js';
import { log, logError } from '../log.js';
import type { SopFileMatcher as SopFiles } from '../sopFiles.js';
import { foldersNow, locationOf } from './newSop.js';
import { askLocation, askText, pickMany, pickOne, createSopFile, runWizard, type Step } from './prompts.js';
import { counter, type AskContext, type StepResult, type StepsOf } from './wizardFlow.js';

export const NEW_FROM_TEMPLATE_COMMAND = 'sopkit.newSopFromTemplate';

export interface NewFromTemplateArgs {
  templateId?: string;
  answers?: TemplateAnswers;
  folder?: vscode.Uri;
  today?: string;
}

/** The team's templates (every .md in the folder the config for `target` names); broken ones are reported and skipped. */
async function teamTemplates(config: ConfigService, target?: vscode.Uri): Promise<TemplateSource[]> {
  const dir = target ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const templatesFolder = dir && (await config.templatesFolder(dir));
  if (!templatesFolder) return [];
  const sources: TemplateSource[] = [];
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(templatesFolder);
  } catch {
    void vscode.window.showWarningMessage(`sopkit: the templates folder ${vscode.workspace.asRelativePath(templatesFolder)} named in the configuration does not exist.`);
    return [];
  }
  for (const [name, type] of entries) {
    if (type !== vscode.FileType.File || !name.endsWith('.md')) continue;
    const uri = vscode.Uri.joinPath(templatesFolder, name);
    try {
      sources.push(heavy().parseTemplateSource(name, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log()?.warn(`${vscode.workspace.asRelativePath(uri)}: ${message}`);
      void vscode.window.showWarningMessage(`sopkit: template ${vscode.workspace.asRelativePath(uri)} was skipped: ${message}`);
    }
  }
  return sources;
}

const TITLE = 'New SOP from Template';
/** workspaceState key of a cancelled run's answers. */
export const NEW_FROM_TEMPLATE_STATE = 'sopkit.newSopFromTemplate.answers';
const question = (id: string) => `q:${id}`;

function flowOf(templates: TemplateInfo[], fixedTemplate: boolean, askWhere: boolean): StepsOf {
  return (answers) => {
    const template = templates.find((t) => t.id === answers.template);
    return {
      steps: [{ id: 'template', skip: fixedTemplate }, ...(template?.questions ?? []).map((q) => ({ id: question(q.id) })), { id: 'location', skip: !askWhere }],
      complete: template !== undefined,
    };
  };
}

function askStep(context: AskContext, flow: StepsOf, templates: TemplateInfo[], folders: () => { uri: vscode.Uri; why: string }[]): Promise<StepResult> {
  const template = templates.find((t) => t.id === context.answers.template);
  const step: Step = { title: template?.title ?? TITLE, step: context.step, totalSteps: context.totalSteps, canGoBack: context.canGoBack, resumed: context.resumed };
  const previous = context.previous;
  if (context.id === 'template') {
    return pickOne({ ...step, title: TITLE }, 'Pick a template', templates.map((t) => ({
      label: t.title, description: `${t.format}${t.source === 'team' ? ' · team' : ''}`, detail: t.description, value: t.id,
    })), previous, { totalFor: (item) => counter(flow, { ...context.answers, template: item.value }, 'template').totalSteps });
  }
  if (context.id === 'location') {
    const title = context.answers[question('title')];
    return askLocation(step, typeof title === 'string' && title ? title : template?.title ?? 'new-sop', folders(), previous);
  }
  const q = template!.questions.find((x) => question(x.id) === context.id)!;
  const defaults = Array.isArray(q.default) ? q.default : q.default !== undefined ? [q.default] : [];
  if (q.choices?.length && q.multi) {
    return pickMany(step, q.prompt, q.choices.map((c) => ({ label: c, value: c, picked: defaults.includes(c) })), { min: q.required ? 1 : 0, max: q.choices.length }, previous);
  }
  if (q.choices?.length) {
    const ordered = [...q.choices].sort((a, b) => Number(defaults.includes(b)) - Number(defaults.includes(a)));
    return pickOne(step, q.prompt, ordered.map((c) => ({ label: c, value: c, description: defaults.includes(c) ? 'default' : undefined })), previous);
  }
  const value = typeof previous === 'string' ? previous : typeof q.default === 'string' ? q.default : '';
  return askText(step, q.prompt, { placeholder: q.placeholder, value, required: q.required === true });
}

/** The template's answers from the flow's: given ones only (an empty optional answer is left out). */
function templateAnswers(template: TemplateInfo, answers: Record<string, unknown>): TemplateAnswers {
  const out: TemplateAnswers = {};
  for (const q of template.questions) {
    const answer = answers[question(q.id)];
    if (typeof answer === 'string' ? answer !== '' : Array.isArray(answer) && answer.length > 0) out[q.id] = answer as string | string[];
  }
  return out;
}

export function registerNewFromTemplate(config: ConfigService, state: vscode.Memento, files: SopFiles): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_FROM_TEMPLATE_COMMAND, async (arg?: NewFromTemplateArgs | vscode.Uri): Promise<vscode.Uri | undefined> => {
    const args: NewFromTemplateArgs = arg instanceof vscode.Uri ? { folder: arg } : (arg ?? {});
    const extra = await teamTemplates(config, args.folder);
    const templates = heavy().listTemplates(extra);
    if (args.templateId && !templates.some((t) => t.id === args.templateId)) {
      void vscode.window.showErrorMessage(`sopkit: there is no template '${args.templateId}'. Known templates: ${templates.map((t) => t.id).join(', ')}.`);
      return undefined;
    }
    let template: TemplateInfo | undefined;
    let answers: TemplateAnswers;
    let location: unknown;
    if (args.templateId && args.answers) {
      template = templates.find((t) => t.id === args.templateId)!;
      answers = args.answers;
    } else {
      const folders = foldersNow(files);
      const askWhere = !args.folder && folders().length > 0;
      const fixed = args.templateId ? { template: args.templateId } : {};
      const flow = flowOf(templates, args.templateId !== undefined, askWhere);
      const given = await runWizard(state, NEW_FROM_TEMPLATE_STATE, flow, fixed, (context) => askStep(context, flow, templates, folders));
      template = given && templates.find((t) => t.id === given.template);
      if (!given || !template) return undefined;
      answers = templateAnswers(template, given);
      location = given.location;
    }
    try {
      const text = heavy().draftFromTemplate(template.id, answers, { today: args.today, extra });
      const title = typeof answers.title === 'string' && answers.title ? answers.title : template.title;
      return await createSopFile(text, title, locationOf({ location }, args.folder));
    } catch (error) {
      if (error instanceof heavy().TemplateError) { void vscode.window.showErrorMessage(`sopkit: ${error.message}`); return undefined; }
      logError(`filling template ${template.id}`, error);
      void vscode.window.showErrorMessage('sopkit could not fill the template; details are in Output › sopkit.');
      return undefined;
    }
  });
}
