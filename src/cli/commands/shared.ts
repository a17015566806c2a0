/** Small pieces the render/templates/new commands share. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { clip, formatConfigProblem, isIsoDate, terminalText, type FileConfig } from '../../core/index.js';
import { parseTemplateSource, TemplateError, type TemplateSource } from '../../core/heavy.js';
import { cliConfigResolver } from '../config-resolver.js';
import type { CliIo } from '../io.js';
import { readInside, workspaceRoot } from '../safe-fs.js';
import { UsageError } from './lint-report.js';

/** `--today` as `lint` checks it: a real calendar date (not 2026-02-30), written YYYY-MM-DD. */
export function checkDate(flag: string, value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`${flag} must be a real date written YYYY-MM-DD; got '${terminalText(clip(value))}'`);
}

/** The config that applies to `file` (absolute); config problems become a usage error (exit 2). */
export async function configFor(file: string, io: CliIo, opts: { config?: string; today?: string }): Promise<FileConfig> {
  const resolver = cliConfigResolver(io, opts);
  const config = await resolver.forFile(file);
  if (config.problems.length) throw new UsageError(`the configuration has problems:\n${config.problems.map((p) => `  ${formatConfigProblem(p)}`).join('\n')}`);
  return config;
}

/** The team's own templates (every *.md in the configured folder). */
export async function teamTemplates(folder: string | undefined, io: CliIo): Promise<TemplateSource[]> {
  if (!folder) return [];
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => /\.(md|markdown)$/i.test(n) && n.toLowerCase() !== 'readme.md').sort();
  } catch (error) {
    throw new UsageError(`the templates folder '${folder}' cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const sources: TemplateSource[] = [];
  for (const name of names) {
    try {
      const read = readInside(join(folder, name), workspaceRoot(join(folder, name), io.cwd));
      if ('reason' in read) throw new UsageError(`${join(folder, name)}: this template ${read.reason}`);
      sources.push(parseTemplateSource(name, read.bytes.toString('utf8')));
    } catch (error) {
      if (error instanceof TemplateError) throw new UsageError(`${join(folder, name)}: ${error.message}`);
      throw error;
    }
  }
  return sources;
}
