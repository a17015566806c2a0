/** What the main thread hands a lint thread: shared by the pool, the worker and lint-text. */
import type { LibraryEntry, LibrarySnapshot, LintOptions } from '../core/index.js';

export interface LintJob {
  index: number;
  text: string;
  optionsId: number;
  /** The library the file belongs to (an index into WorkerInit.libraries) and its path in it. */
  library?: number;
  path?: string;
  /** The file's library entry, when the library was built from this same text. */
  entry?: LibraryEntry;
  /** The file's text at --base, when it changed since. */
  baseText?: string;
}
export interface WorkerInit { optionsTable: LintOptions[]; fix: boolean; headings?: boolean; libraries?: LibrarySnapshot[] }
