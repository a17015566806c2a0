/** Go to definition from "Proceed to Step N" / "Return to Step N" to step N. */
import * as vscode from 'vscode';
import type { DocumentStore } from '../documentStore.js';
import type { SopFileMatcher } from '../sopFiles.js';

export class StepDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly files: SopFileMatcher, private readonly store: DocumentStore) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.DefinitionLink[] | undefined {
    if (!this.files.isSopDocument(document)) return undefined;
    const model = this.store.model(document);
    const offset = document.offsetAt(position);
    const reference = model.stepReferences.find((r) => r.range.start.offset <= offset && offset <= r.range.end.offset);
    if (!reference) return undefined;
    const step = model.steps.find((s) => s.number === reference.target) ?? model.steps.find((s) => s.number === null && s.ordinal === reference.target);
    if (!step) return undefined;
    const range = (r: { start: { offset: number }; end: { offset: number } }) => new vscode.Range(document.positionAt(r.start.offset), document.positionAt(r.end.offset));
    const firstLine = document.lineAt(document.positionAt(step.range.start.offset).line).range;
    return [{
      originSelectionRange: range(reference.range),
      targetUri: document.uri,
      targetRange: range(step.range),
      targetSelectionRange: firstLine,
    }];
  }
}
