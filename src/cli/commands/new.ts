/** `sopkit new --template <id> [--set answer=value …] [-o file]`: an SOP from a template. */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { draftFromTemplate, listTemplates, TemplateError, type TemplateAnswers } from '../../core/heavy.js';
import { terminalText } from '../../core/index.js';
import type { CliIo } from '../io.js';
import { outputFolderRefusal, writeOutputFile } from '../safe-fs.js';
import { UsageError } from './lint-report.js';
import { checkDate, configFor, teamTemplates } from './shared.js';

interface NewOptions { template: string; set: string[]; output?: string; force?: boolean; today?: string; config?: string }

export async function runNew(opts: NewOptions, io: CliIo): Promise<number> {
  checkDate('--today', opts.today);
  const { templatesFolder } = await configFor(opts.output ? io.resolve(opts.output) : join(io.cwd, 'new-sop.md'), io, opts);
  const extra = await teamTemplates(templatesFolder, io);
  const templates = listTemplates(extra);
  const template = templates.find((t) => t.id === opts.template);
  if (!template) throw new UsageError(`unknown template '${opts.template}'. Known templates: ${templates.map((t) => t.id).join(', ')}`);

  const answers: TemplateAnswers = {};
  for (const pair of opts.set) {
    const cut = pair.indexOf('=');
    if (cut <= 0) throw new UsageError(`--set expects answer=value; got '${pair}'`);
    const id = pair.slice(0, cut).trim();
    const value = pair.slice(cut + 1);
    const question = template.questions.find((q) => q.id === id);
    if (!question) throw new UsageError(`template '${template.id}' has no question '${id}'. Its questions: ${template.questions.map((q) => q.id).join(', ')}`);
    answers[id] = question.multi ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
  }

  let text: string;
  try {
    text = draftFromTemplate(template.id, answers, { today: opts.today, extra });
  } catch (error) {
    if (error instanceof TemplateError && error.missing.length) {
      const missing = template.questions.filter((q) => error.missing.includes(q.id));
      throw new UsageError(`template '${template.id}' needs more answers:\n${missing.map((q) => `  --set ${q.id}=…   ${q.prompt}${q.choices ? ` (${q.choices.join(', ')})` : ''}`).join('\n')}`);
    }
    throw error;
  }
  if (!opts.output) {
    io.stdout(text);
    return 0;
  }
  const path = io.resolve(opts.output);
  // Checked before creating the missing folders too: mkdir would follow the link.
  const outside = outputFolderRefusal(path, io.cwd);
  if (outside) throw new UsageError(`cannot write '${opts.output}': ${outside}`);
  await mkdir(dirname(path), { recursive: true });
  // Never over anything that exists without --force (a dangling link included), never through a link.
  const written = writeOutputFile(path, Buffer.from(text, 'utf8'), io.cwd, opts.force ? () => null : undefined);
  if ('reason' in written) {
    throw new UsageError(written.reason === 'it already exists' ? `'${opts.output}' already exists; use --force to overwrite it` : `cannot write '${opts.output}': ${written.reason}`);
  }
  io.stderr(`sopkit: created ${terminalText(opts.output)} from template '${terminalText(template.id)}'\n`);
  return 0;
}
