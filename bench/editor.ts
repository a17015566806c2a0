/**
 * The editor path, in one process as the extension host runs it: lint of a ~30 KB SOP against a
 * bare parse of the same text, a re-lint after a one-character edit, and the preview render.
 * Prints JSON (medians in milliseconds) for bench/run.mjs.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lint } from '../src/core/lint.js';
import { buildSopDocument } from '../src/core/model.js';
import { parseMarkdown } from '../src/core/parse.js';
import { renderSopBody, renderStandaloneHtml } from '../src/core/render/index.js';
import { generateSop } from './corpus.mjs';

const TODAY = '2026-11-23';
const text: string = generateSop(424242, 'workflow', 30000, true);
const middle = text.indexOf('Write case notes', Math.floor(text.length / 2));
const edited = [text.slice(0, middle), text.slice(0, middle) + 'x'].map((head) => head + text.slice(middle));

function median(fn: (i: number) => unknown, runs = 60, warmup = 15): number {
  for (let i = 0; i < warmup; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const lintMessages = lint(text, { today: TODAY }).messages;
const result = {
  bytes: Buffer.byteLength(text),
  messages: lintMessages.length,
  bareParse: median(() => fromMarkdown(text)),
  sopkitParse: median(() => parseMarkdown(text)),
  model: median(() => buildSopDocument(text)),
  lint: median(() => lint(text, { today: TODAY })),
  // Alternate between two texts one character apart, so nothing can be served from a cache.
  relintAfterEdit: median((i) => lint(edited[i % 2], { today: TODAY })),
  renderPreview: median(() => renderSopBody(buildSopDocument(text), { lint: lintMessages, today: TODAY }), 30, 5),
  renderStandalone: median(() => renderStandaloneHtml(text, { lint: lintMessages, today: TODAY }), 30, 5),
};
console.log(JSON.stringify(result));
