/** Types for scripts/gen-snippets.mjs (used by test/unit/snippets). */
export interface GeneratedSnippet { prefix: string; description: string; body: string[]; isFileTemplate?: boolean }
export const OUTPUT: string;
export function escapeSnippetText(text: string): string;
export function buildSnippets(): Record<string, GeneratedSnippet>;
export function renderSnippets(): string;
