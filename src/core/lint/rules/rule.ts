/** What a rule is, and what it is given when it runs. */
import type { ErrorObject } from 'ajv';
import type { LintOptions, TeamSchema } from '../../options.js';
import type { LibraryIndex } from '../../library/library-index.js';
import type { LibraryEntry } from '../../library/types.js';
import type { Fix, Range, Severity, SopDocument } from '../../types.js';

export interface Report {
  message: string;
  range: Range;
  /** A safe fix: applied by --fix, fix-all and fix-on-save. */
  fix?: Fix;
  /** Fixes a person should choose: offered as quick fixes only. */
  suggestions?: Fix[];
  /**
   * The most this finding may weigh, whatever the rule's severity: a hint-like finding of a rule
   * that is otherwise an error (an unknown front-matter key) stays a warning.
   */
  severity?: Exclude<Severity, 'error'>;
}

export interface RuleContext {
  report(report: Report): void;
  /** This rule's own options from configuration. */
  options: Record<string, unknown>;
  lintOptions: LintOptions;
  /** YYYY-MM-DD. */
  today: string;
  /** Ajv errors for the document's projection, computed once per lint. */
  schemaErrors: ErrorObject[];
  teamSchema?: TeamSchema;
  /** The library, with this file's own entry read from the text being linted; absent when no library is given. */
  library?: LibraryContext;
}

export interface LibraryContext {
  index: LibraryIndex;
  /** This file as the index would read it now (its own text, not the index's copy). */
  self: LibraryEntry;
}

export interface RuleDefinition {
  id: string;
  /** One line, shown in `sopkit rules`, SARIF and the README's rule table. */
  description: string;
  defaultSeverity: Severity;
  /** True when the rule offers safe fixes (used by --fix). */
  fixable: boolean;
  check(doc: SopDocument, context: RuleContext): void;
}
