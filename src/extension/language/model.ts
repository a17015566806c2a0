/** The parsed SOP of a document version, shared by completion, hover, definitions, symbols and the preview. */
import type * as vscode from 'vscode';
import { buildSopDocument, type SopDocument } from '../../core/index.js';
import type { DiagnosticsController } from '../diagnostics.js';

const cache = new Map<string, { version: number; teamSchema: unknown; aliases: unknown; model: SopDocument }>();
const MAX_CACHED = 20;

/** `options` default to the last lint's (a team schema changes which headings are sections). */
export function sopModel(document: vscode.TextDocument, diagnostics: DiagnosticsController, options = diagnostics.lastOptions(document)): SopDocument {
  const key = document.uri.toString();
  const hit = cache.get(key);
  if (hit && hit.version === document.version && hit.teamSchema === options?.teamSchema && hit.aliases === options?.sectionAliases) return hit.model;
  // The live lint of this version built the same model already (same options): no second parse.
  const linted = diagnostics.latest(document);
  if (linted?.doc && linted.options.teamSchema === options?.teamSchema && linted.options.format === options?.format && linted.options.sectionAliases === options?.sectionAliases) return linted.doc;
  const model = buildSopDocument(document.getText(), { format: options?.format, teamSchema: options?.teamSchema, sectionAliases: options?.sectionAliases });
  cache.delete(key);
  cache.set(key, { version: document.version, teamSchema: options?.teamSchema, aliases: options?.sectionAliases, model });
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return model;
}

export function forgetModel(uri: vscode.Uri): void {
  cache.delete(uri.toString());
}

/** 1-based core positions → 0-based VS Code ones. */
export function toPosition(vscodeApi: typeof vscode, position: { line: number; column: number }): vscode.Position {
  return new vscodeApi.Position(position.line - 1, position.column - 1);
}
