import { readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import type { Element, Root } from 'hast';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { lintDocument } from '../../../src/core/lint/lint.js';
import { renderSopBody, type RenderOptions } from '../../../src/core/render/index.js';

export const TODAY = '2026-11-23';

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../../browser/fixtures/${name}`, import.meta.url), 'utf8');
}

/** Renders Markdown and parses the HTML back, so tests query real structure. */
export function renderTree(text: string, options: RenderOptions = {}): Root {
  const doc = buildSopDocument(text);
  const html = renderSopBody(doc, { today: TODAY, lint: lintDocument(doc, { today: TODAY }), ...options });
  return fromHtml(html, { fragment: true });
}

export function $(tree: Root | Element, selector: string): Element | undefined {
  return select(selector, tree);
}

export function $$(tree: Root | Element, selector: string): Element[] {
  return selectAll(selector, tree);
}

export function text(node: Element | Root | undefined): string {
  if (!node) return '';
  let out = '';
  for (const child of node.children) {
    if (child.type === 'text') out += child.value;
    else if (child.type === 'element') out += text(child);
  }
  return out.replace(/\s+/g, ' ').trim();
}
