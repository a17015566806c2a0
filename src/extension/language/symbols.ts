/**
 * Document symbols: the SOP's sections (named as written, with the canonical part they satisfy)
 * and, inside them, its steps, so the Outline and "Go to Symbol" show the procedure itself.
 */
import * as vscode from 'vscode';
import type { Range as CoreRange } from '../../core/index.js';
import type { DocumentStore } from '../documentStore.js';
import type { SopFileMatcher } from '../sopFiles.js';

export class SopSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly files: SopFileMatcher, private readonly store: DocumentStore) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    if (!this.files.isSopDocument(document)) return [];
    const model = this.store.model(document);
    const range = (r: CoreRange) => new vscode.Range(document.positionAt(r.start.offset), document.positionAt(r.end.offset));
    const symbols = model.sections.map((section) => new vscode.DocumentSymbol(
      section.title || section.heading.text || '(untitled)',
      section.canonical.filter((c) => c !== 'title').join(', '),
      vscode.SymbolKind.String,
      range(section.range),
      range(section.heading.range),
    ));
    const roots: vscode.DocumentSymbol[] = [];
    model.sections.forEach((section, i) => (section.parent >= 0 ? symbols[section.parent].children : roots).push(symbols[i]));
    for (const step of model.steps) {
      // Step headings are sections already; their symbol gets the step detail instead of a duplicate.
      const asSection = model.sections.findIndex((s) => s.heading.range.start.offset === step.range.start.offset);
      if (asSection >= 0) { symbols[asSection].kind = vscode.SymbolKind.Event; symbols[asSection].detail = `step ${step.number ?? step.ordinal}`; continue; }
      const symbol = new vscode.DocumentSymbol(
        `${step.number ?? step.ordinal}. ${step.title || '(untitled step)'}`,
        'step', vscode.SymbolKind.Event, range(step.range),
        new vscode.Range(document.positionAt(step.range.start.offset), document.lineAt(document.positionAt(step.range.start.offset).line).range.end),
      );
      const owner = innermostSection(model.sections.map((s) => s.range), step.range.start.offset);
      (owner >= 0 ? symbols[owner].children : roots).push(symbol);
    }
    return roots;
  }
}

function innermostSection(ranges: CoreRange[], offset: number): number {
  let best = -1;
  ranges.forEach((r, i) => {
    if (r.start.offset <= offset && offset < r.end.offset && (best < 0 || r.start.offset >= ranges[best].start.offset)) best = i;
  });
  return best;
}
