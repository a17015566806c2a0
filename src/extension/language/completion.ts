/**
 * Completion driven by the schema: front-matter keys (those not yet present) and enum values
 * (format, status, …); on a heading line, the sections this SOP still lacks — required ones first —
 * inserted with the schema's template for that section.
 */
import * as vscode from 'vscode';
import { frontMatterFence, frontMatterFields, sectionsToAdd, type SopDocument, type TeamSchema } from '../../core/index.js';
import { heavy } from '../heavy/load.js';
import type { DocumentStore } from '../documentStore.js';
import type { SopFileMatcher } from '../sopFiles.js';

export const COMPLETION_TRIGGERS = ['#', ' ', ':'];

export class SopCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly files: SopFileMatcher, private readonly store: DocumentStore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    // Cheap line tests first: completion fires on every space typed, and parsing is not free.
    const before = document.lineAt(position.line).text.slice(0, position.character);
    // 0-based line of the closing front-matter fence; undefined without a closed front matter.
    const closing = frontMatterFence(document.getText())?.closingLine;
    const fence = closing === undefined ? undefined : closing - 1;
    const heading = /^(#{1,6})[ \t]+([^#]*)$/.exec(before);
    if (fence === undefined ? !heading : position.line > fence && !heading) return undefined;
    if (fence !== undefined && position.line === fence) return undefined;
    if (!this.files.isSopDocument(document)) return undefined;
    if (fence !== undefined && position.line < fence) {
      if (position.line === 0) return undefined;
      // Keys are read off the lines, not the parsed YAML: while a key is being typed the YAML is broken.
      const present: string[] = [];
      for (let line = 1; line < fence; line++) {
        const key = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(document.lineAt(line).text);
        if (key && line !== position.line) present.push(key[1]);
      }
      const teamSchema = (await this.store.optionsFor(document)).teamSchema;
      return this.listItems(document, position, before) ?? this.frontMatterItems(present, before, position, teamSchema);
    }
    const options = await this.store.optionsFor(document);
    return this.sectionItems(document, this.store.model(document, options), options.teamSchema, position, heading![2].length);
  }

  /**
   * Values of the list-valued keys `policies` and `tone`, from the catalogues the wizard uses:
   * in a flow list (`policies: [a, |`), a block list item (`  - |` under the key) or an empty value.
   */
  private listItems(document: vscode.TextDocument, position: vscode.Position, before: string): vscode.CompletionItem[] | undefined {
    let key: string | undefined;
    let typed = '';
    let listed: string[] = [];
    let wrap = false;
    const flow = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*\[([^\]]*)$/.exec(before);
    const empty = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*$/.exec(before);
    const item = /^[ \t]*-[ \t]*([\w-]*)$/.exec(before);
    if (flow) {
      key = flow[1];
      const parts = flow[2].split(',');
      typed = parts.pop()!.trimStart();
      listed = parts.map((p) => p.trim());
    } else if (empty) {
      key = empty[1];
      wrap = key === 'policies';
    } else if (item) {
      typed = item[1];
      for (let line = position.line - 1; line > 0; line--) {
        const text = document.lineAt(line).text;
        if (/^[ \t]*-/.test(text)) { listed.push(text.replace(/^[ \t]*-[ \t]*/, '').trim()); continue; }
        key = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*$/.exec(text)?.[1];
        break;
      }
    }
    const choices = key === 'policies'
      ? heavy().listPolicies().map((p) => ({ value: p.id, label: p.name, doc: p.description }))
      : key === 'tone' ? heavy().toneCatalogue().map((t) => ({ value: t.id, label: t.name, doc: '' })) : undefined;
    if (!choices) return undefined;
    const range = new vscode.Range(position.translate(0, -typed.length), position);
    return choices.filter((c) => !listed.includes(c.value)).map((choice, i) => {
      const completion = new vscode.CompletionItem({ label: choice.value, description: choice.label }, vscode.CompletionItemKind.EnumMember);
      completion.range = range;
      completion.insertText = wrap ? `[${choice.value}]` : choice.value;
      completion.filterText = choice.value;
      if (choice.doc) completion.documentation = new vscode.MarkdownString(choice.doc);
      completion.sortText = String(i).padStart(3, '0');
      return completion;
    });
  }

  private frontMatterItems(present: string[], before: string, position: vscode.Position, teamSchema: TeamSchema | undefined): vscode.CompletionItem[] | undefined {
    const fields = frontMatterFields(teamSchema);
    const value = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(["']?)([^"'#]*)$/.exec(before);
    if (value) {
      const field = fields.find((f) => f.key === value[1]);
      const choices = field?.enum ?? (field?.type === 'boolean' ? ['true', 'false'] : undefined);
      if (!choices) return undefined;
      const range = new vscode.Range(position.translate(0, -value[3].length), position);
      return choices.map((choice, i) => {
        const item = new vscode.CompletionItem(choice, vscode.CompletionItemKind.EnumMember);
        item.range = range;
        item.detail = `${field!.key}`;
        item.documentation = new vscode.MarkdownString(field!.description);
        item.sortText = String(i).padStart(3, '0');
        return item;
      });
    }
    const key = /^([A-Za-z_][\w-]*)?$/.exec(before);
    if (!key) return undefined;
    const range = new vscode.Range(position.translate(0, -(key[1]?.length ?? 0)), position);
    return fields.filter((f) => !present.includes(f.key)).map((field, i) => {
      const item = new vscode.CompletionItem(field.key, vscode.CompletionItemKind.Property);
      item.range = range;
      item.detail = field.type === 'enum' ? field.enum!.join(' | ') : field.type;
      item.documentation = new vscode.MarkdownString(field.description);
      item.insertText = `${field.key}: `;
      item.sortText = String(i).padStart(3, '0');
      // Enum keys reopen completion so the value can be picked right away.
      if (field.enum) item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
      return item;
    });
  }

  private sectionItems(document: vscode.TextDocument, model: SopDocument, teamSchema: TeamSchema | undefined, position: vscode.Position, typed: number): vscode.CompletionItem[] {
    const range = new vscode.Range(position.translate(0, -typed), document.lineAt(position.line).range.end);
    return sectionsToAdd(model, teamSchema).map(({ info, required, body }) => {
      const item = new vscode.CompletionItem({ label: info.title, description: required ? `required (${model.format})` : 'optional' }, vscode.CompletionItemKind.Module);
      item.range = range;
      item.sortText = `${required ? 0 : 1}${String(info.order).padStart(4, '0')}`;
      item.documentation = new vscode.MarkdownString(info.description);
      const snippet = new vscode.SnippetString().appendText(info.title);
      if (body) snippet.appendText(`\n\n${body}`);
      snippet.appendTabstop(0);
      item.insertText = snippet;
      return item;
    });
  }
}
