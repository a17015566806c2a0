/** What every formatter is handed besides the run; apart from index.ts so the formatters need not import their registry. */
export interface FormatContext {
  /** ANSI colours (stylish only): on for a terminal, off for pipes, files and NO_COLOR. */
  color: boolean;
  version: string;
}
