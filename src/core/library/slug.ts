/**
 * Heading anchors the way Markdown hosts make them (GitHub, GitLab, VS Code's preview): the
 * heading's text without markup, lower-cased, punctuation dropped, spaces turned into hyphens,
 * and -1, -2… for repeats. A link's `#fragment` is matched against these.
 */

/** Underscores inside a word (snake_case) are text; around it they are emphasis. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** The text a heading shows: links and images by their text, code without backticks, no tags. */
export function headingPlainText(raw: string): string {
  return raw
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '')
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]*)\]\[[^[\]]*\]/g, '$1')
    .replace(/<[^<>]*>/g, '')
    .replace(/`+/g, '')
    .replace(/_+/g, (run, at: number, all: string) => (isWordChar(all[at - 1]) && isWordChar(all[at + run.length]) ? run : ''))
    .replace(/\\(.)/g, '$1')
    .trim();
}

/** GitHub's slug of a heading's plain text (before repeats are numbered). */
export function githubSlug(plain: string): string {
  return plain.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Slugs for headings in document order, repeats numbered as GitHub numbers them. */
export function numberedSlugs(plainTexts: string[]): string[] {
  const seen = new Map<string, number>();
  return plainTexts.map((text) => {
    const base = githubSlug(text);
    let slug = base;
    let count = seen.get(base) ?? 0;
    while (seen.has(slug)) slug = `${base}-${++count}`;
    seen.set(base, count);
    seen.set(slug, seen.get(slug) ?? 0);
    return slug;
  });
}

/** Letters and digits only: the last, loosest comparison of a fragment with a heading. */
export function looseKey(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '');
}
