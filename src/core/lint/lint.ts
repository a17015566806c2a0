/**
 * lint(text, options) → messages: the one entry point every shell calls. Parses once, builds the
 * model, validates it against the schema once, then runs each rule as a unified-lint-rule plugin
 * (remark-lint's rule engine), so messages are vfile messages with ruleId, source and url.
 */
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { buildSopDocument } from '../model/build.js';
import type { PieceCache } from '../parse/pieces.js';
import { DisabledLines } from './disable.js';
import { rules, ruleDocsUrl } from './rules/index.js';
import { cappedSeverity, createRunState, resolveRule, rulePlugins } from './run-state.js';
import type { LintOptions } from '../options.js';
import type { LintMessage, LintResult, Severity, SopDocument, RecognisedSection } from '../types.js';

const processors = new Map<string, { processor: Processor<Root, Root, Root>; severities: Map<string, Severity> }>();

function processorFor(options: LintOptions) {
  const key = JSON.stringify(options.rules ?? {});
  let cached = processors.get(key);
  if (!cached) {
    const processor = unified() as unknown as Processor<Root, Root, Root>;
    const severities = new Map<string, Severity>();
    for (const rule of rules) {
      const { severity, options: ruleOptions } = resolveRule(rule, options.rules?.[rule.id]);
      if (severity === 'off') continue;
      severities.set(rule.id, severity);
      processor.use(rulePlugins.get(rule.id)!, [severity === 'error' ? 2 : 1, ruleOptions]);
    }
    processor.freeze();
    cached = { processor, severities };
    if (processors.size > 50) processors.clear();
    processors.set(key, cached);
  }
  return cached;
}

export function lintDocument(doc: SopDocument, options: LintOptions = {}): LintMessage[] {
  const { processor, severities } = processorFor(options);
  const state = createRunState(doc, options);
  const file = new VFile({ data: { sopkit: state } });
  // A vfile message is an Error whose stack trace, never read, is most of its cost: none are captured
  // while the rules run; the limit is restored even if a rule throws (lintWithModel reports that one).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    processor.runSync(doc.tree, file);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const disabled = new DisabledLines(doc.tree);
  const messages: LintMessage[] = [];
  for (const m of file.messages) {
    const ruleId = m.ruleId ?? 'sopkit';
    const start = m.place && 'start' in m.place ? m.place.start : { line: m.line ?? 1, column: m.column ?? 1 };
    const end = m.place && 'end' in m.place ? m.place.end : start;
    if (!disabled.isEmpty && disabled.isDisabled(ruleId, start.line)) continue;
    const extra = state.fixes.get(m);
    messages.push({
      ruleId,
      severity: cappedSeverity(severities.get(ruleId) ?? (m.fatal ? 'error' : 'warning'), state.caps.get(m)),
      message: m.reason,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      url: m.url ?? ruleDocsUrl(ruleId),
      ...(extra?.fix ? { fix: extra.fix } : {}),
      ...(extra?.suggestions?.length ? { suggestions: extra.suggestions } : {}),
    });
  }
  return messages.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/** Never throws: an internal failure becomes one message that asks for a bug report. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintWithModel(text, options).result;
}

/** The model's record of what served each part, with 1-based positions, for the shells. */
export function recognisedSections(doc: SopDocument): RecognisedSection[] {
  return doc.parts.map((p) => ({
    part: p.part, how: p.how, text: p.text,
    line: p.range.start.line, column: p.range.start.column, endLine: p.range.end.line, endColumn: p.range.end.column,
  }));
}

/**
 * Like lint(), and also hands back the model, so the preview can render without parsing again.
 * The editor passes a piece cache per document, so a keystroke re-parses only what it changed.
 */
export function lintWithModel(text: string, options: LintOptions = {}, pieceCache?: PieceCache): { result: LintResult; doc?: SopDocument } {
  let doc: SopDocument | undefined;
  try {
    doc = buildSopDocument(text, { format: options.format, teamSchema: options.teamSchema, sectionAliases: options.sectionAliases, pieceCache });
    return { doc, result: { format: doc.format, formatSource: doc.formatSource, formatReason: doc.formatReason, messages: lintDocument(doc, options), sections: recognisedSections(doc) } };
  } catch (error) {
    return {
      result: {
        format: doc?.format ?? 'article',
        formatSource: doc?.formatSource ?? 'inferred',
        formatReason: doc?.formatReason ?? '',
        sections: [],
        messages: [{
          ruleId: 'internal-error', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, url: ruleDocsUrl('internal-error'),
          message: `sopkit could not lint this file (${(error as Error)?.message ?? String(error)}); please report it with the file attached`,
        }],
      },
    };
  }
}
