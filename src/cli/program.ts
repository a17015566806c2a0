/**
 * The command line: one commander program, one file per command in ./commands. Every failure a
 * user can cause ends in a one-line message and exit code 2, never a stack trace.
 */
import { Command, CommanderError, Option } from 'commander';
import { REPORT_FORMATS, TemplateError } from '../core/heavy.js';
import { runLint, UsageError } from './commands/lint.js';
import { runNew } from './commands/new.js';
import { runRender } from './commands/render.js';
import { runReport } from './commands/report.js';
import { runRules } from './commands/rules.js';
import { runTemplates } from './commands/templates.js';
import { FORMAT_NAMES } from './formatters/index.js';
import type { CliIo } from './io.js';
import { clip, terminalText } from '../core/index.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('sopkit')
    .description('Lint, fix, render and create Standard Operating Procedures written in Markdown.')
    .version(io.version, '-v, --version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showSuggestionAfterError(true);

  program.command('lint')
    .description('Check SOPs for missing sections, broken step references, stale reviews, placeholders and more.')
    .argument('[files...]', 'files, folders (all *.md below) or globs; default: the current folder')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMAT_NAMES).default('stylish'))
    .option('-c, --config <file>', 'use this config file instead of looking for .sopkit.yaml upward')
    .option('--today <YYYY-MM-DD>', 'the date review rules compare against (for reproducible CI runs)')
    .option('--fix', 'apply safe fixes and write the files that changed')
    .option('--canonical-headings', 'with --fix, also give content sopkit took as a part its heading (## Purpose above "This SOP describes…")')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-q, --quiet', 'report errors only')
    .option('--cache', 'only lint files whose content or configuration changed since the last run')
    .option('--cache-location <path>', 'cache file or folder (default: .sopkit-cache)')
    .option('--no-gitignore', 'also lint files that .gitignore lists')
    .option('--print-config <file>', 'print the configs and settings that apply to this file, then exit')
    .option('--stdin', 'lint the text on standard input')
    .option('--stdin-filename <path>', 'the name (and so the config) of the text read with --stdin')
    .option('--concurrency <n>', "threads that lint: 'auto' (default: one per core for big runs) or a number (at most 16); 1 = no worker threads")
    .option('--base <git-ref>', 'compare with this commit, branch or tag: change-control checks approved SOPs that changed since')
    .option('--changed', 'with --base, lint only the files changed since it (cross-file rules still see the whole library)')
    .action(async (files: string[], opts) => { exitCode = await runLint(files, opts, io); });

  program.command('rules')
    .description('List the rules with their default severity and whether --fix can fix them.')
    .option('--json', 'print JSON')
    .action((opts) => { exitCode = runRules(opts, io); });

  program.command('render')
    .description('Render an SOP as one self-contained, print-ready HTML file.')
    .argument('<file>', 'the SOP to render')
    .option('-o, --output <file>', 'write the HTML here instead of to standard output (never over an existing file without --force)')
    .option('--force', 'replace the output file if it is an earlier HTML render')
    .option('-c, --config <file>', 'config file for the lint summary')
    .option('--today <YYYY-MM-DD>', 'the date review rules compare against')
    .action(async (file: string, opts) => { exitCode = await runRender(file, opts, io); });

  program.command('report')
    .description('Report on a library of SOPs: one row per SOP (id, owner, status, review dates, problems) and a summary.')
    .argument('[paths...]', 'files, folders (all *.md below) or globs; default: the current folder')
    .addOption(new Option('-f, --format <name>', 'output format').choices(REPORT_FORMATS).default('markdown'))
    .option('-o, --output <file>', 'write the report here instead of to standard output (an earlier report is replaced; any other file only with --force)')
    .option('--force', 'replace the output file even if it is not an earlier sopkit report')
    .option('-c, --config <file>', 'use this config file instead of looking for .sopkit.yaml upward')
    .option('--today <YYYY-MM-DD>', 'the date review dates are compared against (for reproducible CI runs)')
    .option('--no-gitignore', 'also report on files that .gitignore lists')
    .action(async (paths: string[], opts) => { exitCode = await runReport(paths, opts, io); });

  program.command('templates')
    .description('List the SOP templates (built in, and the team folder set by `templates` in the config).')
    .option('--json', 'print JSON, with each template\'s questions')
    .option('-c, --config <file>', 'config file (for the team templates folder)')
    .action(async (opts) => { exitCode = await runTemplates(opts, io); });

  program.command('new')
    .description('Create an SOP from a template.')
    .requiredOption('-t, --template <id>', 'template id (see `sopkit templates`)')
    .option('-s, --set <answer=value>', 'answer a template question (repeatable; lists: a,b,c)', collect, [])
    .option('-o, --output <file>', 'write the SOP here instead of to standard output')
    .option('--force', 'overwrite the output file if it exists')
    .option('--today <YYYY-MM-DD>', 'the date written into the SOP')
    .action(async (opts) => { exitCode = await runNew(opts, io); });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end normally; every other parse failure is a usage error (already printed).
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    if (error instanceof UsageError || error instanceof TemplateError) {
      // A usage message may list details on lines of its own; a template's message is one line.
      const lines = error instanceof UsageError ? error.message.split('\n') : [error.message];
      io.stderr(`sopkit: ${lines.map(terminalText).join('\n')}\n`);
      return 2;
    }
    io.stderr(`sopkit: internal error: ${terminalText(clip((error as Error)?.message ?? String(error), 500))}; please report it${io.verbose ? `\n${(error as Error)?.stack ?? ''}` : ' (set SOPKIT_DEBUG=1 for details)'}\n`);
    return 2;
  }
}
