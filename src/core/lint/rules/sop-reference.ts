import { clip } from '../../display.js';
import { dirname, isInside, resolvePath } from '../../config/paths.js';
import { rangeAt } from '../../parse/positions.js';
import { looseKey } from '../../library/slug.js';
import type { LibraryIndex } from '../../library/library-index.js';
import type { LibraryEntry, LinkReference } from '../../library/types.js';
import type { SopDocument } from '../../types.js';
import { frontMatterValueRange, pathFrom } from './duplicate-id.js';
import type { LibraryContext, RuleContext, RuleDefinition } from './rule.js';

/** The SOP that replaces `entry`, followed to the newest one (a cycle stops the walk). */
export function successorOf(index: LibraryIndex, entry: LibraryEntry): LibraryEntry | undefined {
  let current = entry;
  let found: LibraryEntry | undefined;
  const seen = new Set([entry.path]);
  for (;;) {
    const next = [...current.supersededBy.flatMap((id) => index.resolve(id)), ...(current.id ? index.supersedersOf(current.id) : [])]
      .filter((e) => !seen.has(e.path)).sort((a, b) => (a.path < b.path ? -1 : 1))[0];
    if (!next) return found;
    seen.add(next.path);
    found = current = next;
  }
}

function describe(index: LibraryIndex, from: string, entry: LibraryEntry): string {
  return entry.id ? `${entry.id} (${pathFrom(from, entry.path)})` : pathFrom(from, entry.path);
}

/** "… is retired; it was superseded by CS-009 (x.md)", or undefined when the SOP is current. */
function retirement(library: LibraryContext, target: LibraryEntry): string | undefined {
  const { index, self } = library;
  if (self.status === 'retired' || target.path === self.path) return undefined;
  if (target.id && (self.supersedes.includes(target.id) || self.supersededBy.includes(target.id))) return undefined;
  const successor = successorOf(index, target);
  if (target.status !== 'retired' && !successor) return undefined;
  const state = target.status === 'retired' ? 'is retired' : 'has been superseded';
  return successor
    ? `${state}; refer to its successor ${describe(index, self.path, successor)} instead`
    : `${state} and names no successor; refer to the SOP that replaced it`;
}

function checkIdTokens(doc: SopDocument, library: LibraryContext, context: RuleContext): void {
  const { index, self } = library;
  for (const token of self.tokens) {
    if (!index.isReference(token) || token.text === self.id) continue;
    const range = rangeAt(doc.lineStarts, token.start, token.end);
    const targets = index.resolve(token.text).filter((e) => e.path !== self.path);
    if (targets.length === 0) {
      // No "did you mean": the nearest id is a neighbouring number, which is another SOP.
      context.report({ message: `No SOP in the library has the id '${clip(token.text)}'`, range });
      continue;
    }
    const retired = retirement(library, targets[0]);
    if (retired) context.report({ message: `'${clip(token.text)}' ${retired}`, range, severity: 'warning' });
  }
}

const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/** True when the entry has a heading or anchor the fragment names, read as generously as hosts do. */
export function hasAnchor(entry: LibraryEntry, fragment: string): boolean {
  const wanted = fragment.toLowerCase().replace(/^user-content-/, '');
  if (/^l\d+(?:-l\d+)?$/.test(wanted)) return true; // line anchors of a code host
  if (entry.anchors.includes(wanted) || entry.headings.some((h) => h.slug === wanted)) return true;
  const loose = looseKey(wanted);
  return loose !== '' && entry.headings.some((h) => looseKey(h.text) === loose || looseKey(h.slug) === loose);
}

function headingList(entry: LibraryEntry): string {
  if (entry.headings.length === 0) return 'it has no headings';
  const shown = entry.headings.slice(0, 5).map((h) => `#${h.slug}`);
  return `its headings: ${shown.join(', ')}${entry.headings.length > 5 ? ', …' : ''}`;
}

function checkLink(doc: SopDocument, library: LibraryContext, context: RuleContext, link: LinkReference): void {
  const { index, self } = library;
  if (link.path !== '' && !MARKDOWN_FILE.test(link.path)) return;
  const range = rangeAt(doc.lineStarts, link.start, link.end);
  const shown = clip(link.destination);
  const target = link.path === '' ? self.path : resolvePath(dirname(self.path), link.path);
  if (!isInside(index.settings.workspace!, target)) {
    context.report({ message: `Link '${shown}' leads outside the workspace; sopkit does not follow it`, range, severity: 'warning' });
    return;
  }
  const entry = link.path === '' ? self : index.entry(target);
  if (!entry) {
    const kind = index.pathKind(target);
    if (kind === 'missing') context.report({ message: `Link '${shown}' points to a file that does not exist`, range });
    else if (kind === 'folder') context.report({ message: `Link '${shown}' points to a folder, not a Markdown file`, range });
    else if (kind === 'outside') context.report({ message: `Link '${shown}' leads outside the workspace; sopkit does not follow it`, range, severity: 'warning' });
    return;
  }
  if (link.fragment && !hasAnchor(entry, link.fragment)) {
    const where = entry === self ? 'this SOP' : pathFrom(self.path, entry.path);
    context.report({ message: `Link '${shown}': ${where} has no heading '#${clip(link.fragment)}' (${headingList(entry)})`, range });
    return;
  }
  const retired = entry === self ? undefined : retirement(library, entry);
  if (retired) context.report({ message: `Link '${shown}': ${describe(index, self.path, entry)} ${retired}`, range, severity: 'warning' });
}

/** The other side of `supersedes:` / `superseded_by:` must name this SOP back. */
function checkSupersession(doc: SopDocument, library: LibraryContext, context: RuleContext): void {
  const { index, self } = library;
  const sides = [
    { key: 'supersedes', ids: self.supersedes, back: 'superseded_by', names: (e: LibraryEntry) => e.supersededBy },
    { key: 'superseded_by', ids: self.supersededBy, back: 'supersedes', names: (e: LibraryEntry) => e.supersedes },
  ];
  for (const side of sides) {
    const range = frontMatterValueRange(doc, side.key);
    for (const id of side.ids) {
      if (id === self.id) {
        context.report({ message: `${side.key} names this SOP's own id (${clip(id)})`, range, severity: 'warning' });
        continue;
      }
      const targets = index.resolve(id).filter((e) => e.path !== self.path);
      if (targets.length === 0) {
        context.report({ message: `${side.key} names '${clip(id)}', but no SOP in the library has that id`, range });
      } else if (!self.id) {
        context.report({ message: `${side.key} names ${clip(id)}, but this SOP has no id for ${clip(id)} to name in ${side.back}`, range, severity: 'warning' });
      } else if (!targets.some((t) => side.names(t).includes(self.id!))) {
        context.report({ message: `${side.key} names ${describe(index, self.path, targets[0])}, but its ${side.back} does not name ${clip(self.id)}; say it on both sides`, range, severity: 'warning' });
      }
    }
  }
  const cycle = supersedesCycle(library);
  if (cycle) context.report({ message: `supersedes goes round in a circle (${cycle.map((id) => clip(id, 30)).join(' → ')}); an SOP cannot replace one that replaces it`, range: doc.frontMatter.keys.find((k) => k.key === 'supersedes')?.keyRange ?? frontMatterValueRange(doc, 'supersedes'), severity: 'warning' });
}

/** A chain of `supersedes:` that comes back to this SOP, as ids from it back to it. */
function supersedesCycle(library: LibraryContext): string[] | undefined {
  const { index, self } = library;
  if (!self.id || self.supersedes.length === 0) return undefined;
  const seen = new Set<string>([self.path]);
  const walk = (entry: LibraryEntry, path: string[]): string[] | undefined => {
    for (const id of entry.supersedes) {
      if (id === self.id && entry !== self) return [...path, id];
      for (const next of index.resolve(id)) {
        if (seen.has(next.path)) continue;
        seen.add(next.path);
        const found = walk(next, [...path, id]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(self, [self.id]);
}

export const sopReference: RuleDefinition = {
  id: 'sop-reference',
  description: 'References to other SOPs resolve: ids the library has, relative links to files and #headings that exist, no retired SOPs, supersedes named on both sides.',
  defaultSeverity: 'error',
  fixable: false,
  check(doc, context) {
    const library = context.library;
    if (!library) return;
    checkIdTokens(doc, library, context);
    for (const link of library.self.links) checkLink(doc, library, context, link);
    checkSupersession(doc, library, context);
  },
};
