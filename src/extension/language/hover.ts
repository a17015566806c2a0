/** Hover on a section heading: what that section must contain (the schema's x-sop description); on a front-matter key: what it means. */
import * as vscode from 'vscode';
import { frontMatterFields, sectionCatalogue, requiredSections } from '../../core/index.js';
import type { DocumentStore } from '../documentStore.js';
import type { SopFileMatcher } from '../sopFiles.js';

export class SopHoverProvider implements vscode.HoverProvider {
  constructor(private readonly files: SopFileMatcher, private readonly store: DocumentStore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.files.isSopDocument(document)) return undefined;
    const options = await this.store.optionsFor(document);
    const model = this.store.model(document, options);
    const line = position.line + 1;
    const teamSchema = options.teamSchema;

    const key = model.frontMatter.keys.find((k) => k.keyRange.start.line === line);
    if (key) {
      const field = frontMatterFields().find((f) => f.key === key.key);
      if (!field) return undefined;
      const values = field.enum ? `\n\nAllowed values: ${field.enum.map((v) => `\`${v}\``).join(', ')}` : '';
      return new vscode.Hover(new vscode.MarkdownString(`**${field.key}** (${field.type})\n\n${field.description}${values}`), document.lineAt(position.line).range);
    }

    const section = model.sections.find((s) => s.heading.range.start.line === line);
    if (!section || section.canonical.length === 0) return undefined;
    const catalogue = sectionCatalogue(teamSchema);
    const required = new Set(requiredSections(model.format, teamSchema));
    const parts = section.canonical
      .map((id) => catalogue.find((s) => s.id === id))
      .filter((info) => info !== undefined)
      .map((info) => `**${info.title}**${required.has(info.id) ? ` — required in a ${model.format} SOP` : ' — optional'}\n\n${info.description}`);
    if (!parts.length) return undefined;
    const how = section.recognisedBy === 'content' ? `\n\n_Recognised by its content (numbered steps), not its heading._` : '';
    return new vscode.Hover(new vscode.MarkdownString(parts.join('\n\n---\n\n') + how), document.lineAt(position.line).range);
  }
}
