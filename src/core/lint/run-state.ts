/**
 * What one rule run sees, shared by lint() and the remark-lint preset: the rules as
 * unified-lint-rule plugins reading the model from `file.data.sopkit`, how a rule's setting
 * resolves, and the state (model, schema errors, today) both build with createRunState.
 */
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { Root } from 'mdast';
import { validateProjection, type SchemaProjection } from '../schema.js';
import { todayIso } from '../dates.js';
import { scanEntry } from '../library/entry.js';
import { normalizePath } from '../config/paths.js';
import { rules, ruleDocsUrl, type RuleDefinition } from './rules/index.js';
import type { LibraryContext, Report, RuleContext } from './rules/rule.js';
import type { LintOptions, RuleSetting } from '../options.js';
import type { Fix, Severity, SopDocument } from '../types.js';

export interface RunState {
  doc: SopDocument;
  base: Omit<RuleContext, 'report' | 'options'>;
  fixes: Map<object, { fix?: Fix; suggestions?: Fix[] }>;
  /** Messages whose report capped their severity (see Report.severity). */
  caps: Map<object, Exclude<Severity, 'error'>>;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The severity a message ends with: the rule's, lowered to its report's cap. */
export function cappedSeverity(severity: Severity, cap: Severity | undefined): Severity {
  return cap && RANK[cap] < RANK[severity] ? cap : severity;
}

interface Resolved { severity: 'off' | Severity; options: Record<string, unknown> }

export function resolveRule(rule: RuleDefinition, setting: RuleSetting | undefined): Resolved {
  if (setting === undefined) return { severity: rule.defaultSeverity, options: {} };
  if (typeof setting === 'string') return { severity: setting, options: {} };
  return { severity: setting.severity ?? rule.defaultSeverity, options: setting.options ?? {} };
}

export const rulePlugins = new Map(rules.map((rule) => [rule.id, lintRule({ origin: `sopkit:${rule.id}`, url: ruleDocsUrl(rule.id) }, (tree: Root, file: VFile, options: unknown) => {
  const state = file.data.sopkit as RunState;
  const context: RuleContext = {
    ...state.base,
    options: (options ?? {}) as Record<string, unknown>,
    report(report: Report) {
      const message = file.message(report.message, { place: { start: report.range.start, end: report.range.end } });
      if (report.fix || report.suggestions) state.fixes.set(message, { fix: report.fix, suggestions: report.suggestions });
      if (report.severity) state.caps.set(message, report.severity);
    },
  };
  rule.check(state.doc, context);
})]));

export function projectionOf(doc: SopDocument): SchemaProjection {
  const sections: Record<string, { line: number }> = {};
  // Every part something in the document serves — by heading, alias, content or front matter (model/recognise.ts).
  for (const p of doc.parts) sections[p.part] ??= { line: p.range.start.line };
  return { format: doc.format, frontMatter: doc.frontMatter.data ?? {}, sections };
}

/** This file's entry is read from the text being linted: the index may hold an older copy. */
function libraryContext(doc: SopDocument, options: LintOptions): LibraryContext | undefined {
  const library = options.library;
  if (!library) return undefined;
  const path = normalizePath(library.path);
  const known = library.index.entry(path);
  const self = library.entry ?? scanEntry(path, doc.text, { frontMatter: doc.frontMatter.data, pattern: library.index.pattern, lintable: known?.lintable ?? true });
  return { index: library.index, self };
}

/**
 * The state of one run over `doc`. Front matter that is not valid YAML has no data, so the schema
 * sees an empty front matter (projectionOf): its keys are reported once, by frontmatter-yaml.
 */
export function createRunState(doc: SopDocument, options: LintOptions): RunState {
  return {
    doc,
    base: { lintOptions: options, today: options.today ?? todayIso(), schemaErrors: validateProjection(projectionOf(doc), options.teamSchema), teamSchema: options.teamSchema, library: libraryContext(doc, options) },
    fixes: new Map(),
    caps: new Map(),
  };
}
