/** `sopkit lint --print-config <file>`: which configs apply to a file and the settings they add up to. */
import { ConfigResolver } from '../../core/config.js';
import { findGitRoot } from '../files.js';
import type { CliIo } from '../io.js';
import { nodeConfigHost } from '../node-host.js';
import type { LintCommandOptions } from './lint.js';
import { wellFormedStrings } from '../formatters/json.js';

export async function printConfig(file: string, opts: LintCommandOptions, io: CliIo, today: string): Promise<number> {
  const resolver = new ConfigResolver(nodeConfigHost, {
    configFile: opts.config ? io.resolve(opts.config) : undefined,
    boundary: (configFolder) => findGitRoot(configFolder),
    today,
  });
  const config = await resolver.forFile(io.resolve(file));
  const { teamSchema, ...options } = config.options;
  io.stdout(`${JSON.stringify({
    file: io.resolve(file),
    configs: config.configPaths,
    ignored: config.ignored,
    options: { ...options, ...(teamSchema ? { teamSchema: teamSchema.path } : {}) },
    ...(config.templatesFolder ? { templates: config.templatesFolder } : {}),
    problems: config.problems,
  }, wellFormedStrings, 2)}\n`);
  return config.problems.length ? 2 : 0;
}
