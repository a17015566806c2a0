/** One SOP's library entry, from its path and text (and, when the caller has it, its parsed front matter). */
import type { UserRegex } from '../user-regex.js';
import { fieldsOf, frontMatterEnd, readFrontMatterData, writtenValue } from './fields.js';
import { scanMarkdown } from './scan.js';
import type { LibraryEntry } from './types.js';

export interface EntryOptions {
  /** Front matter already parsed (the linter has it): saves parsing the YAML again. */
  frontMatter?: Record<string, unknown> | null;
  pattern?: UserRegex;
  lintable?: boolean;
}

export function scanEntry(path: string, text: string, options: EntryOptions = {}): LibraryEntry {
  const bodyStart = frontMatterEnd(text);
  const data = options.frontMatter !== undefined ? options.frontMatter : readFrontMatterData(text);
  const written = bodyStart > 0 ? { id: writtenValue(text, 'id', bodyStart), version: writtenValue(text, 'version', bodyStart) } : {};
  const scanned = scanMarkdown(text, bodyStart, options.pattern);
  return { path, ...fieldsOf(data, written), ...scanned, lintable: options.lintable ?? true };
}
