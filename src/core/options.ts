import type { LibraryIndex } from './library/library-index.js';
import type { LibraryEntry } from './library/types.js';
import type { Severity, SopFormat } from './types.js';

/** How a rule is configured: a severity, 'off', or a severity with rule options. */
export type RuleSetting = 'off' | Severity | { severity?: 'off' | Severity; options?: Record<string, unknown> };

/** A team schema, already loaded by the shell (CLI: fs; extension: workspace.fs). */
export interface TeamSchema {
  schema: object;
  /** Where it came from, for messages. */
  path?: string;
  /** Schemas it `$ref`s, already loaded (each must carry its own `$id`). */
  extraSchemas?: object[];
}

export interface LintOptions {
  rules?: Record<string, RuleSetting>;
  teamSchema?: TeamSchema;
  /** "12 months", "6 weeks", "90 days", "1 year". */
  reviewInterval?: string;
  /** Extra placeholder patterns (regular-expression sources). */
  placeholderPatterns?: string[];
  /** The clock for review rules, YYYY-MM-DD. Defaults to the real date. */
  today?: string;
  /** A format forced by configuration (overrides front matter and inference). */
  format?: SopFormat;
  /** A team's own section aliases (`.sopkit.yaml` `sections: { purpose: { aliases: [...] } }`), by part id. */
  sectionAliases?: Record<string, string[]>;
  /**
   * The library the file belongs to and its path in it: the cross-file rules (duplicate-id,
   * sop-reference) run only when it is given, so the editor and one-file lints are unchanged.
   */
  library?: {
    index: LibraryIndex;
    path: string;
    /** This file's entry when the caller knows it was read from this very text (saves reading it again). */
    entry?: LibraryEntry;
  };
  /** The file's text at the base it is compared with (`--base`, the committed version): change-control runs only when given. */
  baseText?: string;
  /** `.sopkit.yaml` `approval:`; `independent: true` means the approver may not be the owner. */
  approval?: { independent?: boolean };
}
