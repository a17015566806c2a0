/** Lints (and with `fix`, fixes) one text: the same code runs in worker threads and inline. */
import { fixText } from '../core/index.js';
import { lint } from '../core/index.js';
import type { LintOptions } from '../core/index.js';
import type { LintResult } from '../core/index.js';
import type { LintOutcome } from './results.js';

function outcomeOf(result: LintResult): LintOutcome {
  return {
    format: result.format,
    formatSource: result.formatSource,
    formatReason: result.formatReason,
    sections: result.sections,
    messages: result.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      url: m.url,
      fixable: !!m.fix,
    })),
  };
}

export function lintText(text: string, options: LintOptions, fix: boolean): LintOutcome {
  const first = lint(text, options);
  if (!fix || !first.messages.some((m) => m.fix)) return outcomeOf(first);
  const fixed = fixText(text, options);
  if (fixed.text === text) return outcomeOf(first);
  return { ...outcomeOf(lint(fixed.text, options)), fixedText: fixed.text, fixesApplied: fixed.applied };
}
