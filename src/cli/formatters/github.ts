/**
 * GitHub Actions workflow commands: each problem becomes an annotation on the pull request's
 * diff (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
 */
import type { LintRun } from '../results.js';
import type { FormatContext } from './context.js';
import { terminalText } from '../../core/index.js';
import { displayPath } from './paths.js';

/** Escapes a command's message (GitHub's toolkit rules). */
function escapeData(text: string): string {
  return terminalText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as data, plus `:` and `,` which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** One workflow command per line, written as they are made. */
export function* githubChunks(run: LintRun, _context: FormatContext): Generator<string> {
  for (const result of run.results) {
    const file = escapeProperty(displayPath(result.filePath, run.cwd));
    for (const m of result.messages) {
      if (run.quiet && m.severity !== 'error') continue;
      const props = [`file=${file}`, `line=${m.line}`, `col=${m.column}`, `endLine=${m.endLine}`, `endColumn=${m.endColumn}`, `title=${escapeProperty(`sopkit ${m.ruleId}`)}`];
      yield `::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(m.message)}\n`;
    }
  }
  for (const s of run.skipped) yield `::error file=${escapeProperty(displayPath(s.filePath, run.cwd))},title=sopkit::${escapeData(`Skipped: ${s.reason}`)}\n`;
}
