import { walk } from '../../parse/walk.js';
import { rangeAt } from '../../parse/positions.js';
import { normalizeTitle } from '../../model/sections.js';
import type { RuleDefinition } from './rule.js';
import { clip } from '../../display.js';
import { compileUserRegex, type UserRegex } from '../../user-regex.js';

/**
 * Unfilled placeholders. Each pattern is linear (bounded repetition, no nested quantifiers).
 * `mergeField: true` patterns are left alone where merge fields are intended: blockquotes and
 * sections named like Templates / Scripts.
 */
const BUILTIN: { pattern: RegExp; mergeField: boolean }[] = [
  { pattern: /\[\s{0,3}insert\b[^\]\n]{0,200}\]/gi, mergeField: false },
  { pattern: /\bTODO\b/g, mergeField: false },
  { pattern: /\bTBD\b/g, mergeField: false },
  { pattern: /\bXXX\b/g, mergeField: false },
  { pattern: /\{\{\s{0,3}[\w.-]{1,60}\s{0,3}\}\}/g, mergeField: true },
];

const TEMPLATE_SECTION = /\b(templates?|scripts?|e-?mails?|macros?|canned|sample (?:conversations?|messages?)|merge fields?|messages?)\b/;

function userPatterns(sources: unknown): UserRegex[] {
  if (!Array.isArray(sources)) return [];
  // Config validation reports the patterns that cannot be used; here they are left out.
  return sources.map((source) => compileUserRegex(String(source))).filter((p): p is UserRegex => !('error' in p));
}

/** The built-in patterns are ours and linear; user patterns run on the linear-time engine. */
function* matchesOf(pattern: RegExp | UserRegex, value: string): Iterable<{ text: string; index: number }> {
  if (!(pattern instanceof RegExp)) { yield* pattern.matches(value); return; }
  pattern.lastIndex = 0;
  for (const m of value.matchAll(pattern)) yield { text: m[0], index: m.index ?? 0 };
}

export const placeholder: RuleDefinition = {
  id: 'placeholder',
  description: 'No unfilled placeholders ([INSERT …], TODO, TBD, XXX, {{var}}) outside code; merge fields in scripts and templates are fine.',
  defaultSeverity: 'warning',
  fixable: false,
  check(doc, context) {
    const patterns = [
      ...BUILTIN,
      ...userPatterns(context.lintOptions.placeholderPatterns).map((pattern) => ({ pattern, mergeField: true })),
      ...userPatterns(context.options.patterns).map((pattern) => ({ pattern, mergeField: true })),
    ];
    const { text, lineStarts } = doc;
    const templateSectionRanges = doc.sections
      .filter((s) => s.canonical.includes('templates') || TEMPLATE_SECTION.test(normalizeTitle(s.heading.text)))
      .map((s) => [s.range.start.offset, s.range.end.offset] as const);
    const inTemplateSection = (offset: number) => templateSectionRanges.some(([a, b]) => offset >= a && offset <= b);

    const report = (match: string, offset: number) => {
      context.report({
        message: `Unfilled placeholder '${clip(match, 60)}': replace it with the real value before publishing`,
        range: rangeAt(lineStarts, offset, offset + match.length),
      });
    };
    const scan = (value: string, start: number, source: string, mergeContext: boolean) => {
      for (const { pattern, mergeField } of patterns) {
        if (mergeField && mergeContext) continue;
        for (const m of matchesOf(pattern, value)) {
          if (!m.text) continue;
          // Text node values drop escapes and decode entities; find the match in the source when they differ.
          let at = start + m.index;
          if (text.slice(at, at + m.text.length) !== m.text) {
            const found = source.indexOf(m.text);
            at = found >= 0 ? start + found : start;
          }
          report(m.text, at);
        }
      }
    };

    walk(doc.tree, (node, ancestors) => {
      if (node.type !== 'text') return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const merge = ancestors.some((p) => p.type === 'blockquote') || inTemplateSection(start);
      scan(node.value, start, text.slice(start, end), merge);
    });
    // Front-matter values ("owner: TBD") are placeholders too; keys are not scanned.
    for (const key of doc.frontMatter.keys) {
      const { start, end } = key.valueRange;
      if (end.offset <= start.offset || key.valueRange === key.keyRange) continue;
      const value = text.slice(start.offset, end.offset);
      scan(value, start.offset, value, false);
    }
  },
};
