/** The parsed SOP of a document version, shared by completion, hover, definitions and symbols. */
import type * as vscode from 'vscode';
import { buildSopDocument } from '../../core/model.js';
import type { SopDocument } from '../../core/types.js';
import type { DiagnosticsController } from '../diagnostics.js';

const cache = new Map<string, { version: number; model: SopDocument }>();
const MAX_CACHED = 20;

export function sopModel(document: vscode.TextDocument, diagnostics: DiagnosticsController): SopDocument {
  const key = document.uri.toString();
  const hit = cache.get(key);
  if (hit && hit.version === document.version) return hit.model;
  const options = diagnostics.latest(document)?.options;
  const model = buildSopDocument(document.getText(), { format: options?.format, teamSchema: options?.teamSchema });
  cache.delete(key);
  cache.set(key, { version: document.version, model });
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
