/**
 * A code lens above content sopkit took as a part without its heading ("Purpose — recognised by
 * its content"), so a reviewer sees what was taken as what; the light bulb there offers the
 * canonical heading. The lenses come from the core (recognitionLenses), from the same model as
 * hover and lint, so the editor and the CLI agree.
 */
import * as vscode from 'vscode';
import { recognitionLenses } from '../../core/index.js';
import type { DocumentStore } from '../documentStore.js';
import type { SopFileMatcher } from '../sopFiles.js';

export class SopCodeLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly files: SopFileMatcher, private readonly store: DocumentStore) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.files.isSopDocument(document)) return [];
    const options = this.store.lastOptions(document);
    if (!options) return [];
    return recognitionLenses(this.store.model(document, options), options.teamSchema).map((lens) =>
      new vscode.CodeLens(new vscode.Range(lens.line - 1, 0, lens.line - 1, 0), { title: lens.title, command: '' }));
  }
}
