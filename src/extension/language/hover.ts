/** Hover on a section heading: what that section must contain and how it was recognised; on a front-matter key: what it means. The words come from the core (explainLine). */
import * as vscode from 'vscode';
import { explainLine } from '../../core/index.js';
import type { DocumentStore } from '../documentStore.js';
import type { SopFileMatcher } from '../sopFiles.js';

export class SopHoverProvider implements vscode.HoverProvider {
  constructor(private readonly files: SopFileMatcher, private readonly store: DocumentStore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.files.isSopDocument(document)) return undefined;
    const options = await this.store.optionsFor(document);
    const text = explainLine(this.store.model(document, options), position.line + 1, options.teamSchema);
    return text ? new vscode.Hover(new vscode.MarkdownString(text), document.lineAt(position.line).range) : undefined;
  }
}
