/** `sopkit lint --print-config <file>`: which configs apply to a file and the settings they add up to. */
import type { FileConfig } from '../../core/index.js';
import { cliConfigResolver } from '../config-resolver.js';
import { findGitRoot } from '../safe-fs.js';
import type { CliIo } from '../io.js';
import type { LintCommandOptions } from './lint-report.js';
import { wellFormedStrings } from '../formatters/json.js';

function stopReason(stop: NonNullable<FileConfig['searchStop']>): string {
  if (stop.reason === 'root: true') return 'a config there says root: true';
  if (stop.reason === 'file system root') return 'it is the top of the file system';
  return findGitRoot(stop.folder) === stop.folder
    ? 'it is the repository root (it holds .git); configs above it are not read'
    : 'outside a repository the search stops at the folder sopkit runs in (or at the file\'s own folder); configs above it are not read';
}

export async function printConfig(file: string, opts: LintCommandOptions, io: CliIo, today: string): Promise<number> {
  const resolver = cliConfigResolver(io, { config: opts.config, today });
  const config = await resolver.forFile(io.resolve(file));
  const { teamSchema, ...options } = config.options;
  io.stdout(`${JSON.stringify({
    file: io.resolve(file),
    configs: config.configPaths,
    ignored: config.ignored,
    options: { ...options, ...(teamSchema ? { teamSchema: teamSchema.path } : {}) },
    ...(config.templatesFolder ? { templates: config.templatesFolder } : {}),
    // Where the upward search for configs ended: a config above this folder is never read.
    ...(config.searchStop ? { searchStoppedAt: config.searchStop.folder, searchStoppedBecause: stopReason(config.searchStop) } : {}),
    problems: config.problems,
  }, wellFormedStrings, 2)}\n`);
  return config.problems.length ? 2 : 0;
}
