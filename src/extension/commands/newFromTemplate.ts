/**
 * "sopkit: New SOP from Template…": pick a template from the gallery (plus the team's own, from
 * the `templates` folder named in .sopkit.yaml), answer its questions, get a filled-in SOP.
 * Esc cancels at any step. Tests can pass everything directly:
 *   executeCommand('sopkit.newSopFromTemplate', { templateId, answers, folder?: Uri, today? })
 */
import * as vscode from 'vscode';
import type { TemplateAnswers, TemplateInfo, TemplateSource } from '../../core/heavy.js';
import { heavy } from '../heavy/load.js';
import type { ConfigService } from '../config.js';
import { log, logError } from '../log.js';
import { askText, createSopFile, pickMany, pickOne } from './prompts.js';

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

async function askTemplate(templates: TemplateInfo[]): Promise<TemplateInfo | undefined> {
  return pickOne({ title: 'New SOP from Template', step: 1, totalSteps: 2 }, 'Pick a template', templates.map((t) => ({
    label: t.title, description: `${t.format}${t.source === 'team' ? ' · team' : ''}`, detail: t.description, value: t,
  })));
}

async function askQuestions(template: TemplateInfo): Promise<TemplateAnswers | undefined> {
  const answers: TemplateAnswers = {};
  const total = template.questions.length;
  for (const [i, q] of template.questions.entries()) {
    const step = { title: template.title, step: i + 1, totalSteps: total };
    const defaults = Array.isArray(q.default) ? q.default : q.default !== undefined ? [q.default] : [];
    let answer: string | string[] | undefined;
    if (q.choices?.length && q.multi) {
      answer = await pickMany(step, q.prompt, q.choices.map((c) => ({ label: c, value: c, picked: defaults.includes(c) })), { min: q.required ? 1 : 0, max: q.choices.length });
    } else if (q.choices?.length) {
      const ordered = [...q.choices].sort((a, b) => Number(defaults.includes(b)) - Number(defaults.includes(a)));
      answer = await pickOne(step, q.prompt, ordered.map((c) => ({ label: c, value: c, description: defaults.includes(c) ? 'default' : undefined })));
    } else {
      answer = await askText(step, q.prompt, { placeholder: q.placeholder, value: typeof q.default === 'string' ? q.default : '', required: q.required === true });
    }
    if (answer === undefined) return undefined;
    if (Array.isArray(answer) ? answer.length : answer !== '') answers[q.id] = answer;
  }
  return answers;
}

export function registerNewFromTemplate(config: ConfigService): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_FROM_TEMPLATE_COMMAND, async (arg?: NewFromTemplateArgs | vscode.Uri): Promise<vscode.Uri | undefined> => {
    const args: NewFromTemplateArgs = arg instanceof vscode.Uri ? { folder: arg } : (arg ?? {});
    const extra = await teamTemplates(config, args.folder);
    const templates = heavy().listTemplates(extra);
    const template = args.templateId ? templates.find((t) => t.id === args.templateId) : await askTemplate(templates);
    if (!template) {
      if (args.templateId) void vscode.window.showErrorMessage(`sopkit: there is no template '${args.templateId}'. Known templates: ${templates.map((t) => t.id).join(', ')}.`);
      return undefined;
    }
    const answers = args.answers ?? (await askQuestions(template));
    if (!answers) return undefined;
    try {
      const text = heavy().draftFromTemplate(template.id, answers, { today: args.today, extra });
      const title = typeof answers.title === 'string' && answers.title ? answers.title : template.title;
      return await createSopFile(text, title, args.folder);
    } catch (error) {
      if (error instanceof heavy().TemplateError) { void vscode.window.showErrorMessage(`sopkit: ${error.message}`); return undefined; }
      logError(`filling template ${template.id}`, error);
      void vscode.window.showErrorMessage('sopkit could not fill the template; details are in Output › sopkit.');
      return undefined;
    }
  });
}
