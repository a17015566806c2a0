/**
 * The editor path, in one process as the extension host runs it: lint of a ~30 KB SOP against a
 * bare parse of the same text, a re-lint after a one-character edit, and the preview render.
 * Prints JSON (fastest and median run, in milliseconds) for bench/run.mjs.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lint, lintWithModel, createPieceCache, buildSopDocument, parseMarkdown } from '../src/core/index.js';
import { renderSopBody, renderStandaloneHtml } from '../src/core/heavy.js';
import { generateSop } from './corpus.mjs';

const TODAY = '2026-11-23';
const text: string = generateSop(424242, 'workflow', 30000, true);
const middle = text.indexOf('Write case notes', Math.floor(text.length / 2));
const edited = [text.slice(0, middle), text.slice(0, middle) + 'x'].map((head) => head + text.slice(middle));

/**
 * Times every case once per round, round after round, so a burst of load from other processes hits
 * all cases alike; reports each case's fastest and median round.
 */
function measureAll(cases: Record<string, (i: number) => unknown>, rounds = 60, warmup = 10): Record<string, { min: number; median: number }> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [name, fn] of Object.entries(cases)) {
      const t0 = performance.now();
      fn(round);
      if (round >= warmup) times[name].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, list]) => {
    list.sort((a, b) => a - b);
    return [name, { min: list[0], median: list[Math.floor(list.length / 2)] }];
  }));
}

const lintMessages = lint(text, { today: TODAY }).messages;
const pieceCache = createPieceCache();
const builtDoc = buildSopDocument(text);
const result = {
  bytes: Buffer.byteLength(text),
  messages: lintMessages.length,
  ...measureAll({
    bareParse: () => fromMarkdown(text),
    sopkitParse: () => parseMarkdown(text),
    model: () => buildSopDocument(text),
    lint: () => lint(text, { today: TODAY }),
    // Alternates between two texts one character apart, so nothing can be served from a cache.
    relintAfterEdit: (i) => lint(edited[i % 2], { today: TODAY }),
    // What the extension does: one piece cache per open document, so only the touched piece is parsed.
    relintAfterEditCached: (i) => lintWithModel(edited[i % 2], { today: TODAY }, pieceCache),
    renderPreview: () => renderSopBody(buildSopDocument(text), { lint: lintMessages, today: TODAY }),
    // When the preview reuses the document the linter already built, only this part is added.
    renderFromModel: () => renderSopBody(builtDoc, { lint: lintMessages, today: TODAY }),
    renderStandalone: () => renderStandaloneHtml(text, { lint: lintMessages, today: TODAY }),
  }),
};
console.log(JSON.stringify(result));
