/**
 * A code lens above content sopkit took as a part without its heading ("Purpose — recognised by
 * its content"), so a reviewer sees what was taken as what; the light bulb there offers the
 * canonical heading. Same model as hover and lint, so the editor and the CLI agree.
 */
import * as vscode from 'vscode';
import { canonicalHeadingFixes, sectionCatalogue } from '../../core/index.js';
import type { DocumentStore } from '../documentStore.js';
import type { SopFileMatcher } from '../sopFiles.js';

export class SopCodeLensProvider implements vscode.CodeLensProvider {
  constructor(private readonly files: SopFileMatcher, private readonly store: DocumentStore) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.files.isSopDocument(document)) return [];
    const options = this.store.lastOptions(document);
    if (!options) return [];
    const model = this.store.model(document, options);
    const catalogue = sectionCatalogue(options.teamSchema);
    return canonicalHeadingFixes(model, options.teamSchema).map((f) => {
      const title = catalogue.find((s) => s.id === f.part)?.title ?? f.part;
      const line = f.range.start.line - 1;
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: `sopkit: ${title} — recognised by its content, not a heading`, command: '' });
    });
  }
}
