/**
 * What sopkit took as what, in a reviewer's words: the text of the editor's hover on a heading or
 * front-matter key, and the code lenses above content taken as a part without its heading. Kept
 * here, beside the model, so the editor only turns these into VS Code objects and the CLI's
 * `sections` list and the editor say the same thing.
 */
import { canonicalHeadingFixes } from '../lint/canonical-heading.js';
import type { TeamSchema } from '../options.js';
import { frontMatterFields, requiredSections, sectionCatalogue } from '../schema.js';
import type { PartRecognition, SopDocument } from '../types.js';

/** Why sopkit took this as the part. */
export function recognisedAs(how: PartRecognition['how'], title: string): string {
  switch (how) {
    case 'heading': return 'Recognised by its heading.';
    case 'alias': return `Recognised as ${title} by a name or word in its heading.`;
    case 'content': return `Recognised as ${title} by its content, not its heading. The quick fix "Give this content its canonical heading" adds one.`;
    default: return `Recognised as ${title} from the front matter.`;
  }
}

function explainKey(doc: SopDocument, line: number, team: TeamSchema | undefined): string | undefined {
  const key = doc.frontMatter.keys.find((k) => k.keyRange.start.line === line);
  if (!key) return undefined;
  const field = frontMatterFields(team).find((f) => f.key === key.key);
  if (!field) return '';
  const values = field.enum ? `\n\nAllowed values: ${field.enum.map((v) => `\`${v}\``).join(', ')}` : '';
  return `**${field.key}** (${field.type})\n\n${field.description}${values}`;
}

function explainParts(doc: SopDocument, line: number, team: TeamSchema | undefined): string | undefined {
  const catalogue = sectionCatalogue(team);
  const required = new Set(requiredSections(doc.format, team));
  // What served a part on this line: a heading (by name, alias or word), or content taken as the part.
  const served = doc.parts.filter((p) => p.part !== 'title' && p.range.start.line === line);
  const section = doc.sections.find((s) => s.heading.range.start.line === line);
  const ids = [...new Set([...(section?.canonical ?? []), ...served.map((p) => p.part)])].filter((id) => id !== 'title');
  const parts = ids.flatMap((id) => {
    const info = catalogue.find((s) => s.id === id);
    if (!info) return [];
    const p = doc.parts.find((x) => x.part === info.id);
    const how = !p ? '' : p.range.start.line === line
      ? `\n\n_${recognisedAs(p.how, info.title)}_`
      : `\n\n_Also served elsewhere (line ${p.range.start.line}); this heading is not the one counted._`;
    return [`**${info.title}**${required.has(info.id) ? ` — required in a ${doc.format} SOP` : ' — optional'}\n\n${info.description}${how}`];
  });
  return parts.length ? parts.join('\n\n---\n\n') : undefined;
}

/**
 * Markdown explaining line `line` (1-based): a front-matter key's meaning and allowed values, or
 * which parts a heading or content on that line serves, whether they are required, and how they
 * were recognised. Undefined when there is nothing to say (an unknown key, an ordinary line).
 */
export function explainLine(doc: SopDocument, line: number, team?: TeamSchema): string | undefined {
  const key = explainKey(doc, line, team);
  if (key !== undefined) return key || undefined;
  return explainParts(doc, line, team);
}

export interface RecognitionLens {
  /** 1-based line of the content taken as the part. */
  line: number;
  part: string;
  title: string;
}

/** One lens per part served by content alone (those the canonical-heading fix can name). */
export function recognitionLenses(doc: SopDocument, team?: TeamSchema): RecognitionLens[] {
  const catalogue = sectionCatalogue(team);
  return canonicalHeadingFixes(doc, team).map((f) => {
    const title = catalogue.find((s) => s.id === f.part)?.title ?? f.part;
    return { line: f.range.start.line, part: f.part, title: `sopkit: ${title} — recognised by its content, not a heading` };
  });
}
