/**
 * Human output, grouped by file (ESLint's "stylish" layout, so problem matchers and habits carry
 * over): a file line, then `line:column  severity  message  rule-id` per problem, then a summary.
 * The file line carries the SOP format after two spaces so people can see which profile applied.
 * Files that could not be read are not listed here: the lint command reports them on stderr.
 */
import type { FormatContext } from './context.js';
import type { LintRun } from '../results.js';
import { terminalText } from '../../core/index.js';
import { displayPath } from './paths.js';

const ansi = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const styles = { red: ansi('31'), yellow: ansi('33'), blue: ansi('34'), dim: ansi('2'), bold: ansi('1'), underline: ansi('4'), green: ansi('32') };
type Style = keyof typeof styles;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The report, one file's block at a time, then the summary. */
export function* stylishChunks(run: LintRun, context: FormatContext): Generator<string> {
  const paint = (style: Style, text: string) => (context.color ? styles[style](text) : text);
  let out: string[] = [];
  let errors = 0, warnings = 0, infos = 0, fixableErrors = 0, fixableWarnings = 0;
  for (const result of run.results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    const shown = run.quiet ? result.messages.filter((m) => m.severity === 'error') : result.messages;
    if (shown.length === 0) continue;
    const format = `${result.format} (${result.formatSource === 'frontmatter' ? 'from front matter' : 'inferred'})`;
    out.push(`${paint('underline', terminalText(displayPath(result.filePath, run.cwd)))}  ${paint('dim', format)}`);
    const places = shown.map((m) => `${m.line}:${m.column}`);
    const placeWidth = Math.max(...places.map((p) => p.length));
    const texts = shown.map((m) => terminalText(m.message.replace(/\s+/g, ' ')));
    const messageWidth = Math.max(...texts.map((t) => t.length));
    shown.forEach((m, i) => {
      const severity = m.severity === 'error' ? paint('red', 'error  ') : m.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info   ');
      out.push(`  ${paint('dim', places[i].padEnd(placeWidth))}  ${severity}  ${texts[i].padEnd(messageWidth)}  ${paint('dim', m.ruleId)}`);
    });
    out.push('');
    yield `${out.join('\n')}\n`;
    out = [];
  }
  const total = errors + (run.quiet ? 0 : warnings + infos);
  if (total > 0) {
    const parts = [plural(errors, 'error'), ...(run.quiet ? [] : [plural(warnings, 'warning'), ...(infos ? [plural(infos, 'note')] : [])])];
    out.push(paint(errors ? 'red' : 'yellow', paint('bold', `✖ ${plural(total, 'problem')} (${parts.join(', ')}) in ${plural(run.results.filter((r) => r.messages.length).length, 'file')}`)));
    const fixable = fixableErrors + (run.quiet ? 0 : fixableWarnings);
    if (fixable) out.push(paint('dim', `  ${plural(fixable, 'problem')} can be fixed with --fix`));
  } else if (run.results.length) {
    out.push(paint('green', `✔ ${plural(run.results.length, 'SOP')} checked, no problems`));
  }
  if (run.fixedFiles) out.push(paint('green', `  fixed ${plural(run.fixedFiles, 'file')}`));
  yield `${out.join('\n')}\n`;
}

export function formatStylish(run: LintRun, context: FormatContext): string {
  return [...stylishChunks(run, context)].join('');
}
