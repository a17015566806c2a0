/** `sopkit templates`: the template gallery (built in plus the team's folder from the config). */
import { join } from 'node:path';
import { listTemplates } from '../../core/heavy.js';
import type { CliIo } from '../io.js';
import { configFor, teamTemplates } from './shared.js';

export async function runTemplates(opts: { json?: boolean; config?: string }, io: CliIo): Promise<number> {
  const { templatesFolder } = await configFor(join(io.cwd, 'new-sop.md'), io, opts);
  const templates = listTemplates(await teamTemplates(templatesFolder, io));
  if (opts.json) {
    io.stdout(`${JSON.stringify(templates, null, 2)}\n`);
    return 0;
  }
  if (templates.length === 0) {
    io.stdout('No templates found.\n');
    return 0;
  }
  const idWidth = Math.max(...templates.map((t) => t.id.length));
  const lines = templates.map((t) => `${t.id.padEnd(idWidth)}  ${t.format.padEnd(9)}  ${t.source === 'team' ? '(team) ' : ''}${t.title}`);
  io.stdout(`${lines.join('\n')}\n\nCreate one: sopkit new --template <id> --set name=value … -o my-sop.md\n`);
  return 0;
}
