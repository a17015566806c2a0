// `npm run bench`: builds, generates the corpus (bench/corpus, gitignored), then times in one run
// markdownlint-cli2 (MD043 only), a bare mdast-util-from-markdown pass, `sopkit lint` cold (worker
// threads) and warm (--cache), `sopkit lint` with the library rules and without them (no library
// built), `sopkit report` over the corpus, the library index's build and update, and the editor
// path. Prints wall and CPU time with ratios against
// the targets of the performance issue. Never asserts on time: the numbers are for people.
//   node bench/run.mjs [--runs=3] [--skip-markdownlint]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { ensureCorpus } from './corpus.mjs';

const root = resolve(import.meta.dirname, '..');
const corpus = join(root, 'bench/corpus');
const work = join(root, 'out/bench');
const runs = Number((process.argv.find((a) => a.startsWith('--runs=')) ?? '--runs=3').slice(7));
const TODAY = '2026-11-23';
mkdirSync(work, { recursive: true });

const started = Date.now();
const manifest = ensureCorpus(corpus);
console.log(`corpus: ${manifest.count} SOPs, ${(manifest.bytes / 1e6).toFixed(1)} MB in bench/corpus (${Date.now() - started} ms)`);
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (wall times suffer on a busy machine; CPU times much less)\n`);

// markdownlint-cli2 with only MD043 (required headings): the closest peer to required-section.
writeFileSync(join(corpus, '.markdownlint-cli2.jsonc'), JSON.stringify({
  config: { default: false, MD043: { headings: ['*', '## Purpose', '## Scope', '*', '## References', '## Revision History'] } },
  gitignore: false,
}, null, 2));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs a node command `runs` times (after `prepare`), returning median wall and CPU milliseconds. */
function time(label, args, { cwd = corpus, prepare, count = runs } = {}) {
  const walls = [];
  const cpus = [];
  for (let i = 0; i < count; i++) {
    prepare?.();
    const cpuFile = join(work, 'cpu.jsonl');
    rmSync(cpuFile, { force: true });
    const t0 = performance.now();
    const run = spawnSync(process.execPath, ['--require', join(root, 'bench/cpu-report.cjs'), ...args], {
      cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, BENCH_CPU_FILE: cpuFile, NO_COLOR: '1' },
    });
    walls.push(performance.now() - t0);
    if (run.status !== 0 && run.status !== 1) throw new Error(`${label} failed (exit ${run.status}):\n${run.stderr}`);
    const cpu = readFileSync(cpuFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l).cpuMs).reduce((a, b) => a + b, 0);
    cpus.push(cpu);
  }
  const result = { label, wall: median(walls), cpu: median(cpus), walls };
  console.log(`  ${label}: ${Math.round(result.wall)} ms wall, ${Math.round(result.cpu)} ms CPU (runs: ${walls.map(Math.round).join(', ')})`);
  return result;
}

const sopkit = join(root, 'bin/sopkit.cjs');
const lintArgs = [sopkit, 'lint', '.', '--no-gitignore', '--today', TODAY, '--format', 'json'];
const cacheLocation = join(work, 'sopkit-cache.json');

console.log('timing (median of', runs, 'runs):');
const results = {};
if (!process.argv.includes('--skip-markdownlint')) {
  results.markdownlint = time('markdownlint-cli2 (MD043 only)', [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md']);
}
results.bare = time('bare mdast-util-from-markdown, 1 core', [join(root, 'bench/bare-parse.mjs'), corpus]);
results.bareExt = time('mdast-util-from-markdown + GFM + front matter, 1 core', [join(root, 'bench/bare-parse.mjs'), corpus, '--sopkit-extensions']);
results.cold = time('sopkit lint, cold (worker threads)', lintArgs);
results.coldOne = time('sopkit lint, cold, one thread', [...lintArgs, '--concurrency', '1'], { count: 1 });
time('sopkit lint --cache, filling the cache', [...lintArgs, '--cache', '--cache-location', cacheLocation], { count: 1, prepare: () => rmSync(cacheLocation, { force: true }) });
results.warm = time('sopkit lint --cache, warm', [...lintArgs, '--cache', '--cache-location', cacheLocation]);
// The library report lints every SOP in the main thread and reads its row off the same model.
results.report = time('sopkit report (markdown), one thread', [sopkit, 'report', '.', '--no-gitignore', '--today', TODAY, '--format', 'markdown']);
results.reportHtml = time('sopkit report (html), one thread', [sopkit, 'report', '.', '--no-gitignore', '--today', TODAY, '--format', 'html'], { count: 1 });
// The same cold run with the cross-file rules off: sopkit then builds no library at all.
const noLibraryConfig = join(work, 'no-library.sopkit.yaml');
writeFileSync(noLibraryConfig, 'rules:\n  duplicate-id: off\n  sop-reference: off\n');
results.noLibrary = time('sopkit lint, cold, without the library rules (no library built)', [...lintArgs, '--config', noLibraryConfig]);

// The editor path runs in one process, bundled the way the extension is.
await esbuild.build({ entryPoints: [join(root, 'bench/editor.ts')], outfile: join(work, 'editor.cjs'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
const editorRun = spawnSync(process.execPath, [join(work, 'editor.cjs')], { encoding: 'utf8' });
if (editorRun.status !== 0) throw new Error(`editor bench failed:\n${editorRun.stderr}`);
const editor = JSON.parse(editorRun.stdout);
await esbuild.build({ entryPoints: [join(root, 'bench/library.ts')], outfile: join(work, 'library.cjs'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
const libraryRun = spawnSync(process.execPath, [join(work, 'library.cjs'), corpus], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (libraryRun.status !== 0) throw new Error(`library bench failed:\n${libraryRun.stderr}`);
const library = JSON.parse(libraryRun.stdout);

const ratio = (a, b) => (b ? a / b : NaN);
const fmt = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');
const ms = (n) => `${n >= 100 ? Math.round(n) : n.toFixed(1)} ms`;
const rows = [];
if (results.markdownlint) {
  const m = results.markdownlint;
  rows.push(['sopkit lint cold vs markdownlint-cli2', ms(results.cold.wall), fmt(ratio(results.cold.wall, m.wall)), fmt(ratio(results.cold.cpu, m.cpu)), '≤ 0.35× (wall)', ratio(results.cold.wall, m.wall) <= 0.35]);
  rows.push(['sopkit lint warm (--cache) vs markdownlint-cli2', ms(results.warm.wall), fmt(ratio(results.warm.wall, m.wall)), fmt(ratio(results.warm.cpu, m.cpu)), '≤ 0.05× (wall)', ratio(results.warm.wall, m.wall) <= 0.05]);
  rows.push(['sopkit lint cold, one thread vs markdownlint-cli2', ms(results.coldOne.wall), fmt(ratio(results.coldOne.wall, m.wall)), fmt(ratio(results.coldOne.cpu, m.cpu)), '(reference)', undefined]);
  rows.push(['bare parse, 1 core vs markdownlint-cli2', ms(results.bare.wall), fmt(ratio(results.bare.wall, m.wall)), fmt(ratio(results.bare.cpu, m.cpu)), '(reference)', undefined]);
}
rows.push(['sopkit report (markdown) vs sopkit lint cold, one thread', ms(results.report.wall), fmt(ratio(results.report.wall, results.coldOne.wall)), fmt(ratio(results.report.cpu, results.coldOne.cpu)), '(measured)', undefined]);
rows.push(['sopkit report (html) vs sopkit lint cold, one thread', ms(results.reportHtml.wall), fmt(ratio(results.reportHtml.wall, results.coldOne.wall)), fmt(ratio(results.reportHtml.cpu, results.coldOne.cpu)), '(measured)', undefined]);
rows.push(['sopkit lint cold with library rules vs without', ms(results.cold.wall), fmt(ratio(results.cold.wall, results.noLibrary.wall)), fmt(ratio(results.cold.cpu, results.noLibrary.cpu)), '≤ 1.10×', ratio(results.cold.wall, results.noLibrary.wall) <= 1.1]);
rows.push([`library index: update after one file changes (of ${library.files})`, ms(library.updateAfterEdit.min), '', '', '≤ 50 ms', library.updateAfterEdit.min <= 50]);
rows.push(['library index: update after an id and heading change', ms(library.updateAfterIdChange.min), '', '', '≤ 50 ms', library.updateAfterIdChange.min <= 50]);
rows.push([`library index: build from all ${library.files} SOPs, 1 core`, ms(library.build.min), '', '', '(measured)', undefined]);
rows.push(['one SOP: lint in its library vs alone', ms(library.lintInLibrary.min), fmt(ratio(library.lintInLibrary.min, library.lintAlone.min)), '', '(measured)', undefined]);
const e = (key) => editor[key].min;
rows.push([`editor: lint of a ${(editor.bytes / 1000).toFixed(0)} KB SOP vs its bare parse`, ms(e('lint')), fmt(ratio(e('lint'), e('bareParse'))), '', '≤ 1.2×', ratio(e('lint'), e('bareParse')) <= 1.2]);
rows.push(['editor: re-lint after a one-character edit vs bare parse', ms(e('relintAfterEdit')), fmt(ratio(e('relintAfterEdit'), e('bareParse'))), '', '(measured)', undefined]);
rows.push(['editor: the same in the extension (piece cache) vs bare parse', ms(e('relintAfterEditCached')), fmt(ratio(e('relintAfterEditCached'), e('bareParse'))), '', '(measured)', undefined]);
// The panel renders from the model the live lint of the same version built (panel.ts); it parses
// itself only for its very first paint, before that lint lands.
rows.push(['editor: preview render, from the live lint\'s model', ms(e('renderFromModel')), '', '', '≤ 50 ms', e('renderFromModel') <= 50]);
rows.push(['editor: first preview paint (parse + model + HTML)', ms(e('renderPreview')), '', '', '(measured)', undefined]);
rows.push(['editor: standalone HTML render (sopkit render)', ms(e('renderStandalone')), '', '', '(measured)', undefined]);

const header = ['measure', 'time', 'ratio (wall)', 'ratio (CPU)', 'target', 'met'];
const table = [header, ...rows.map((r) => [...r.slice(0, 5), r[5] === undefined ? '' : r[5] ? 'yes' : 'NO'])];
const widths = header.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
console.log(`\n${table.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n')}`);
console.log(`\neditor path (fastest of 60 runs; medians in results.json): bare parse ${ms(e('bareParse'))}, sopkit parse (GFM + front matter) ${ms(e('sopkitParse'))}, parse + model ${ms(e('model'))}, lint ${ms(e('lint'))} (${editor.messages} messages)`);
writeFileSync(join(work, 'results.json'), JSON.stringify({ date: new Date().toISOString(), load: loadavg(), corpus: { files: manifest.count, bytes: manifest.bytes }, results, editor, library }, null, 2));
console.log(`\nfull results: out/bench/results.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
