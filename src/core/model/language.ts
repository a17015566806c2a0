/**
 * Which language a document is written in, so its section words are read in that language as well
 * as in English. Front matter `lang:` / `language:` decides; otherwise a stop-word count over the
 * first few thousand characters of prose. A dependency-free heuristic on purpose: it must run in
 * the web extension and on every keystroke, and it only has to tell six languages apart on
 * documents that are mostly prose.
 */
import type { FrontMatter } from '../types.js';

const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'is', 'are', 'this', 'that', 'with', 'for', 'you', 'your', 'of', 'to', 'be', 'it', 'on', 'if', 'or', 'an', 'when', 'should', 'will', 'from', 'have', 'not'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sie', 'für', 'ein', 'eine', 'zu', 'den', 'wird', 'auf', 'werden', 'dem', 'des', 'sich', 'auch', 'oder', 'wenn', 'ihr', 'ihre', 'diese', 'sind', 'kann', 'nach'],
  fr: ['de', 'la', 'en', 'que', 'a', 'le', 'les', 'et', 'est', 'des', 'une', 'pour', 'dans', 'vous', 'qui', 'pas', 'sur', 'du', 'au', 'aux', 'ce', 'cette', 'sont', 'avec', 'votre', 'vos', 'il', 'peut', 'être', 'ou', 'si'],
  es: ['de', 'en', 'la', 'que', 'se', 'el', 'los', 'las', 'y', 'es', 'del', 'para', 'una', 'por', 'con', 'su', 'lo', 'al', 'como', 'más', 'pero', 'sus', 'este', 'esta', 'tu', 'puede', 'está', 'son', 'cuando', 'también'],
  pt: ['de', 'a', 'que', 'se', 'o', 'os', 'e', 'é', 'do', 'da', 'dos', 'das', 'para', 'uma', 'por', 'com', 'não', 'em', 'você', 'seu', 'sua', 'ao', 'como', 'mais', 'mas', 'este', 'esta', 'pode', 'está', 'são', 'quando', 'também', 'no', 'na'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'die', 'niet', 'voor', 'met', 'op', 'zijn', 'je', 'u', 'uw', 'wordt', 'ook', 'als', 'aan', 'bij', 'deze', 'dit', 'kan', 'worden', 'naar', 'wat'],
};

const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOP_WORDS)) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

export const DETECTABLE_LANGUAGES = Object.keys(STOP_WORDS);

const SAMPLE = 6000;

/** Letters only one or two of the languages use: a tie-breaker where prose is thin (lists, tables). */
const LETTERS: [RegExp, string, number][] = [
  [/[ñ¿¡]/g, 'es', 0.5], [/[ãõ]/g, 'pt', 0.5], [/ção|ções/g, 'pt', 1], [/[ßäöü]/g, 'de', 0.5],
  [/[èêùœ]|\bà\b/g, 'fr', 0.5], [/ij/g, 'nl', 0.2], [/ción\b|ciones\b/g, 'es', 1],
];

/** `lang: de`, `language: de-DE`, `lang: German`: the ISO 639-1 code, if sopkit knows it. */
function declared(frontMatter: FrontMatter, known: string[]): string | undefined {
  const value = frontMatter.data?.lang ?? frontMatter.data?.language ?? frontMatter.data?.locale;
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toLowerCase().slice(0, 2);
  const names: Record<string, string> = { ge: 'de', fr: 'fr', sp: 'es', po: 'pt', du: 'nl', ne: 'nl', en: 'en' };
  if (known.includes(code)) return code;
  const byName = /^(?:deutsch|german)/.test(value.toLowerCase()) ? 'de' : /^(?:fran|french)/.test(value.toLowerCase()) ? 'fr'
    : /^(?:espa|spanish)/.test(value.toLowerCase()) ? 'es' : /^(?:portug)/.test(value.toLowerCase()) ? 'pt'
      : /^(?:neder|dutch|vlaams)/.test(value.toLowerCase()) ? 'nl' : names[code];
  return byName && known.includes(byName) ? byName : undefined;
}

/**
 * The document's language: front matter first, then the stop-word count. English when the text is
 * too short or too mixed to tell (`detected: false`), which keeps English words the default.
 */
export function detectLanguage(text: string, frontMatter: FrontMatter, known: string[] = DETECTABLE_LANGUAGES): { lang: string; source: 'front-matter' | 'detected' | 'default' } {
  const fm = declared(frontMatter, known);
  if (fm) return { lang: fm, source: 'front-matter' };
  const start = frontMatter.range?.end.offset ?? 0;
  const sample = text.slice(start, start + SAMPLE).toLowerCase();
  const counts: Record<string, number> = {};
  let total = 0;
  for (const m of sample.matchAll(/[\p{L}]+/gu)) {
    const langs = LOOKUP.get(m[0]);
    if (!langs) continue;
    total++;
    // A word shared by several languages tells less than one only a single language uses.
    for (const l of langs) counts[l] = (counts[l] ?? 0) + 1 / langs.length;
  }
  for (const [re, lang, weight] of LETTERS) {
    const n = sample.match(re)?.length ?? 0;
    if (n) counts[lang] = (counts[lang] ?? 0) + Math.min(n, 40) * weight;
  }
  const ranked = Object.entries(counts).filter(([l]) => known.includes(l)).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || total < 8 || best[1] < 4 || (second && best[1] < second[1] * 1.25)) return { lang: 'en', source: 'default' };
  return { lang: best[0], source: 'detected' };
}
