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
      const field = frontMatterFields(teamSchema).find((f) => f.key === key.key);
      if (!field) return undefined;
      const values = field.enum ? `\n\nAllowed values: ${field.enum.map((v) => `\`${v}\``).join(', ')}` : '';
      return new vscode.Hover(new vscode.MarkdownString(`**${field.key}** (${field.type})\n\n${field.description}${values}`), document.lineAt(position.line).range);
    }

    const catalogue = sectionCatalogue(teamSchema);
    const required = new Set(requiredSections(model.format, teamSchema));
    // What served a part on this line: a heading (by name, alias or word), or content taken as the part.
    const served = model.parts.filter((p) => p.part !== 'title' && p.range.start.line === line);
    const section = model.sections.find((s) => s.heading.range.start.line === line);
    const ids = [...new Set([...(section?.canonical ?? []), ...served.map((p) => p.part)])].filter((id) => id !== 'title');
    if (!ids.length) return undefined;
    const parts = ids
      .map((id) => catalogue.find((s) => s.id === id))
      .filter((info) => info !== undefined)
      .map((info) => {
        const p = model.parts.find((x) => x.part === info.id);
        const here = p && p.range.start.line === line;
        const how = here ? `\n\n_${recognisedAs(p.how, info.title)}_` : p ? `\n\n_Also served elsewhere (line ${p.range.start.line}); this heading is not the one counted._` : '';
        return `**${info.title}**${required.has(info.id) ? ` — required in a ${model.format} SOP` : ' — optional'}\n\n${info.description}${how}`;
      });
    if (!parts.length) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(parts.join('\n\n---\n\n')), document.lineAt(position.line).range);
  }
}

/** Why sopkit took this as the part, in a reviewer's words. */
export function recognisedAs(how: 'heading' | 'alias' | 'content' | 'front-matter', title: string): string {
  switch (how) {
    case 'heading': return `Recognised by its heading.`;
    case 'alias': return `Recognised as ${title} by a name or word in its heading.`;
    case 'content': return `Recognised as ${title} by its content, not its heading. The quick fix "Give this content its canonical heading" adds one.`;
    default: return `Recognised as ${title} from the front matter.`;
  }
}
