/**
 * "Proceed to Step 7" when there is no Step 7: marked in the document text in the error colour,
 * with a tooltip saying which steps exist, so the author sees it where it is written.
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { SopDocument } from '../../types.js';
import { walkElements } from '../blocks.js';

const REFERENCE = /\b(?:proceed|return|go|move|continue|skip|jump)(?:\s+back)?\s+to\s+step\s+(\d{1,4})\b/gi;

export function markDanglingReferences(doc: SopDocument, content: ElementContent[]): void {
  const numbers = new Set(doc.steps.map((s) => s.number ?? s.ordinal));
  const lines = new Set(doc.stepReferences.filter((r) => !numbers.has(r.target)).map((r) => r.range.start.line));
  if (lines.size === 0) return;
  const existing = [...numbers].sort((a, b) => a - b).join(', ') || 'none';
  walkElements(content, (el) => {
    if (!lines.has(Number(el.properties.dataLine))) return;
    markIn(el, numbers, existing);
  });
}

function markIn(el: Element, numbers: Set<number>, existing: string): void {
  el.children = el.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element' && !/^(ul|ol|li)$/.test(child.tagName)) { markIn(child, numbers, existing); return [child]; }
    if (child.type !== 'text') return [child];
    const out: ElementContent[] = [];
    let last = 0;
    for (const m of child.value.matchAll(REFERENCE)) {
      if (numbers.has(Number(m[1]))) continue;
      if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) });
      out.push(h('mark.sop-dangling', { title: `There is no Step ${m[1]} (steps: ${existing})` }, m[0]));
      last = m.index + m[0].length;
    }
    if (last === 0) return [child];
    if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
    return out;
  });
}
