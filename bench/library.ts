/**
 * The library index on the bench corpus, in one process as the editor will keep it: building it
 * from every SOP, updating it after one file changes (a one-word edit, and an edit that changes the
 * file's id and headings), and linting one SOP with and without its library.
 * Prints JSON (fastest and median run, in milliseconds) for bench/run.mjs.
 *   node out/bench/library.cjs <corpus folder>
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryIndex, lint } from '../src/core/index.js';

const TODAY = '2026-11-23';
const corpus = process.argv[2];
const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { files: string[] };
const files = manifest.files.map((name) => ({ path: join(corpus, name), text: readFileSync(join(corpus, name), 'utf8') }));
const settings = { root: corpus };

function measure(fn: (round: number) => unknown, rounds = 40, warmup = 5): { min: number; median: number } {
  const times: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const t0 = performance.now();
    fn(round);
    if (round >= warmup) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)] };
}

const index = LibraryIndex.build(files, settings);
const target = files[Math.floor(files.length / 2)];
const wordEdits = [target.text, target.text.replace('Purpose', 'Purpose of it')];
const idEdits = [target.text, target.text.replace(/^id: CS-(\d+)$/m, 'id: CS-9$1').replace('## Scope', '## Scope and limits')];
const result = {
  files: files.length,
  prefixes: index.prefixes(),
  build: measure(() => LibraryIndex.build(files, settings), 5, 1),
  updateAfterEdit: measure((i) => index.update(target.path, wordEdits[i % 2])),
  updateAfterIdChange: measure((i) => index.update(target.path, idEdits[i % 2])),
  lintAlone: measure(() => lint(target.text, { today: TODAY })),
  lintInLibrary: measure(() => lint(target.text, { today: TODAY, library: { index, path: target.path } })),
};
console.log(JSON.stringify(result));
