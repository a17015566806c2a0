/**
 * Document Markdown → sanitized hast. Raw HTML in an SOP is parsed (so `<br>` or `<kbd>` keep
 * working) and then cut down to GitHub's allow-list by rehype-sanitize: scripts, event handlers,
 * `javascript:` URLs, iframes and inline styles never reach the page. Our own view structure is
 * added *after* sanitizing, so it is trusted and may carry classes and data attributes.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { h } from 'hastscript';
import { defaultHandlers, type Handler } from 'mdast-util-to-hast';
import type { List, Nodes as MdastNodes, Root as MdastRoot, RootContent } from 'mdast';
import type { Root as HastRoot, Element, ElementContent, Nodes as HastNodes } from 'hast';

/** Maps an image URL written in the document to one the page may load, or undefined to block it. */
export type ImageResolver = (url: string) => string | undefined;

const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'tr', 'ul', 'ol', 'hr', 'dl', 'details',
]);

const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

/**
 * mdast-util-to-hast decides whether a list is loose (its items' paragraphs kept as <p>) once
 * per *item*, by looking at every item of the list: a 10,000-item checklist took 10^8 checks.
 * Here each list is judged once (same rule: the list is spread, or an item is spread, or an
 * item without `spread` holds more than one child), and the item handler is given a stand-in
 * parent that answers the same without being scanned again. Answers are kept per conversion
 * (keyed by mdast-util-to-hast's state), so a list changed between two renders is judged afresh.
 */
const looseLists = new WeakMap<object, Map<List, boolean>>();
const STAND_IN: Record<'loose' | 'tight', List> = { loose: { type: 'list', spread: true, children: [] }, tight: { type: 'list', spread: false, children: [] } };

function isLoose(state: object, list: List): boolean {
  let lists = looseLists.get(state);
  if (!lists) looseLists.set(state, (lists = new Map()));
  let loose = lists.get(list);
  if (loose === undefined) {
    loose = Boolean(list.spread) || list.children.some((item) => item.spread ?? item.children.length > 1);
    lists.set(list, loose);
  }
  return loose;
}

/** remark-rehype handlers sopkit uses in place of the defaults (exported for the equivalence test). */
export const toHastHandlers: Record<string, Handler> = {
  listItem: (state, node, parent) =>
    defaultHandlers.listItem(state, node, parent?.type === 'list' ? (isLoose(state, parent) ? STAND_IN.loose : STAND_IN.tight) : parent),
};

// remark-rehype adds no prefix of its own: the sanitizer adds it once, to every id.
const withRawHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '', handlers: toHastHandlers })
  .use(rehypeRaw)
  .use(rehypeSanitize, defaultSchema);
// Re-parsing with rehype-raw is the costliest step; Markdown without raw HTML does not need it.
const withoutRawHtml = unified()
  .use(remarkRehype, { clobberPrefix: '', handlers: toHastHandlers })
  .use(rehypeSanitize, defaultSchema);

/** Node types whose meaning depends on other blocks: raw HTML (tags pair across blocks), definitions and footnotes. */
const CROSS_BLOCK = new Set(['html', 'definition', 'footnoteDefinition', 'footnoteReference']);

/** Which of `types` occur anywhere in `nodes` (one walk, stopping once all are found). */
function typesIn(nodes: readonly MdastNodes[], types: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const stack = nodes.slice();
  while (stack.length && found.size < types.size) {
    const node = stack.pop()!;
    if (types.has(node.type)) found.add(node.type);
    if ('children' in node) for (const child of node.children as MdastNodes[]) stack.push(child);
  }
  return found;
}

/**
 * Blocks converted per call. mdast-util-to-hast looks each node up in its parent's child list
 * (unist-util-visit's indexOf), which is quadratic in a root of 50,000 headings; blocks that do
 * not depend on each other are converted in runs of this many and joined as one call would join them.
 * (An object so the equivalence test can make runs tiny.)
 */
export const RENDER_RUNS = { blocksPerRun: 500 };

/** Converts mdast block nodes to sanitized hast, tagging each block with its source line. */
export function markdownToHast(nodes: RootContent[], resolveImage?: ImageResolver): ElementContent[] {
  if (nodes.length === 0) return [];
  const crossBlock = typesIn(nodes, CROSS_BLOCK);
  const html = crossBlock.has('html');
  const { blocksPerRun } = RENDER_RUNS;
  const independent = nodes.length > blocksPerRun && crossBlock.size === 0;
  const processor = html ? withRawHtml : withoutRawHtml;
  let tree: HastRoot;
  try {
    if (independent) {
      tree = { type: 'root', children: [] };
      for (let from = 0; from < nodes.length; from += blocksPerRun) {
        const run = processor.runSync({ type: 'root', children: nodes.slice(from, from + blocksPerRun) } satisfies MdastRoot) as HastRoot;
        // One call puts a line break between every two blocks; so do the seams between runs.
        if (from > 0) tree.children.push({ type: 'text', value: '\n' });
        for (const child of run.children) tree.children.push(child);
      }
    } else {
      tree = processor.runSync({ type: 'root', children: nodes } satisfies MdastRoot) as HastRoot;
    }
  } catch (error) {
    // Thousands of nested raw HTML elements overflow the (recursive) HTML tools: say so instead of failing the whole view.
    if (!(error instanceof RangeError)) throw error;
    return [tooDeepNotice()];
  }
  // Deeper trees than any real SOP would overflow the recursive steps that follow (decorating,
  // view transforms, serializing); measure without recursion and show the notice instead.
  if (maxDepth(tree) > MAX_HTML_DEPTH) return [tooDeepNotice()];
  decorate(tree, resolveImage);
  return tree.children.filter((child): child is ElementContent => child.type !== 'doctype');
}

const MAX_HTML_DEPTH = 400;

function tooDeepNotice(): ElementContent {
  return h('p.sop-render-error', 'This part of the document is nested too deeply to display; open the Markdown source to read it.');
}

function maxDepth(tree: HastRoot): number {
  let max = 0;
  const stack: [HastNodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return max;
}

/** Inline content (a paragraph's children) → sanitized hast, without the paragraph wrapper. */
export function inlineToHast(nodes: RootContent[], resolveImage?: ImageResolver): ElementContent[] {
  const out = markdownToHast([{ type: 'paragraph', children: nodes as never }], resolveImage);
  const first = out.find((node): node is Element => node.type === 'element');
  return first ? first.children : [];
}

function decorate(node: HastNodes, resolveImage: ImageResolver | undefined): void {
  if (node.type === 'element') {
    if (BLOCK_TAGS.has(node.tagName) && node.position) node.properties.dataLine = node.position.start.line;
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && /^https?:/i.test(node.properties.href)) {
      node.properties.rel = ['noopener', 'noreferrer'];
    }
    // The sanitizer prefixes every id (so document HTML cannot clobber ours); footnote links follow.
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && node.properties.href.startsWith('#')
      && (node.properties.dataFootnoteRef !== undefined || node.properties.dataFootnoteBackref !== undefined)) {
      node.properties.href = `#${CLOBBER_PREFIX}${node.properties.href.slice(1)}`;
    }
  }
  if (!('children' in node)) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'element' && child.tagName === 'img') return [imageFor(child, resolveImage)];
    if (child.type === 'element' && child.tagName === 'source') return sourceFor(child, resolveImage);
    decorate(child, resolveImage);
    return [child];
  }) as typeof node.children;
}

const REMOTE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * `<picture><source srcset>` obeys the image rules: remote candidates are dropped, local ones go
 * through the resolver, and a source left without candidates is removed (the `<img>` remains).
 */
function sourceFor(source: Element, resolveImage: ImageResolver | undefined): ElementContent[] {
  const srcSet = source.properties.srcSet;
  const list = Array.isArray(srcSet) ? srcSet.join(',') : typeof srcSet === 'string' ? srcSet : '';
  const kept = list.split(',').map((c) => c.trim()).filter(Boolean).flatMap((candidate) => {
    const [url, ...descriptors] = candidate.split(/\s+/);
    if (REMOTE.test(url)) return [];
    const resolved = resolveImage ? resolveImage(url) : url;
    return resolved === undefined ? [] : [[resolved, ...descriptors].join(' ')];
  });
  if (!kept.length) return [];
  return [{ ...source, properties: { ...source.properties, srcSet: kept.join(', ') } }];
}

/** Local images go through the caller's resolver; remote ones are never loaded (no tracking pixels). */
function imageFor(img: Element, resolveImage: ImageResolver | undefined): ElementContent {
  const src = typeof img.properties.src === 'string' ? img.properties.src : '';
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
  if (src === '' || REMOTE.test(src)) {
    const why = src === '' ? 'Image without a source' : 'Remote image not loaded';
    return h('span.sop-image-blocked', { title: src || undefined }, `${why}${alt ? `: ${alt}` : ''}`);
  }
  const resolved = resolveImage ? resolveImage(src) : src;
  if (resolved === undefined) {
    return h('span.sop-image-blocked', { title: src }, `Image not found: ${alt || src}`);
  }
  return h('img', { src: resolved, alt, loading: 'lazy' });
}

/** JSON that is safe inside `<script type="application/json">`: no `</script>` or comment breakout. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
