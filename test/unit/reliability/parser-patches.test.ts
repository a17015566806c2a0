/**
 * The parser runs with patches/ applied (patch-package, on every `npm ci`). Each patch removes a
 * step whose work grows with the square of the input; these tests count that work instead of
 * timing it, so they fail without the patch on any machine and never flake on a slow one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { find, html } from 'property-information';
import { parseMarkdown } from '../../../src/core/parse/parse.js';

const require = createRequire(import.meta.url);
const micromarkRoot = dirname(require.resolve('micromark'));
const PATCH_MARK = 'sopkit patch';

/**
 * Array elements moved by `splice` while `run` runs: a splice that removes or inserts shifts
 * everything after its start. Counted on Array.prototype, so it sees the parser's own arrays.
 */
function shiftedBySplice(run: () => void): number {
  const original = Array.prototype.splice;
  let shifted = 0;
  Array.prototype.splice = function (this: unknown[], start: number, ...rest: unknown[]) {
    const length = this.length;
    const from = start < 0 ? Math.max(0, length + start) : Math.min(start, length);
    const removed = rest.length === 0 ? length - from : Number(rest[0] ?? 0);
    if (removed !== rest.length - 1) shifted += length - from;
    return original.apply(this, [start, ...rest] as never) as never;
  } as typeof original;
  try {
    run();
  } finally {
    Array.prototype.splice = original;
  }
  return shifted;
}

/** Every installed copy of a package (a second copy would be loaded unpatched by whoever needs it). */
function installedCopies(name: string): string[] {
  const found: string[] = [];
  const walk = (modules: string) => {
    let entries: string[];
    try {
      entries = readdirSync(modules);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(join(modules, entry))) walk(join(modules, entry, scoped, 'node_modules'));
        continue;
      }
      if (entry === name) found.push(join(modules, entry));
      walk(join(modules, entry, 'node_modules'));
    }
  };
  walk(join(micromarkRoot, '..'));
  return found;
}

describe('reliability: the patched parser', () => {
  it('micromark is the one version the patch was made for, installed once, patched in both builds', () => {
    const version = JSON.parse(readFileSync(join(micromarkRoot, 'package.json'), 'utf8')).version;
    assert.equal(version, '4.0.3', 'patches/micromark+4.0.3.patch is pinned to 4.0.3: remake it for the new version');
    assert.deepEqual(installedCopies('micromark'), [micromarkRoot]);
    // `lib/` is the default export condition (Node, tsx, esbuild), `dev/` the "development" one.
    for (const build of ['lib', 'dev/lib']) {
      const source = readFileSync(join(micromarkRoot, build, 'initialize/text.js'), 'utf8');
      assert.ok(source.includes(PATCH_MARK), `${build}/initialize/text.js is not patched: run npm ci`);
    }
  });

  it('merging the text runs of one long paragraph does work in proportion to its length', () => {
    // Each "]" that closes nothing splits the text into runs; upstream merged each run by splicing
    // the paragraph's whole event list (20,000 lines 0.6 s, 40,000 lines 12.7 s).
    const paragraph = (lines: number) => 'a ] b\n'.repeat(lines);
    let tree = parseMarkdown(paragraph(10));
    const small = shiftedBySplice(() => { tree = parseMarkdown(paragraph(2_000)); });
    const large = shiftedBySplice(() => { tree = parseMarkdown(paragraph(4_000)); });
    // Linear: twice the lines, twice the elements shifted (2.0). Quadratic: four times (4.0).
    assert.ok(large / small < 2.5, `twice the lines shifted ${(large / small).toFixed(2)}× the elements (${small} → ${large})`);
    // And the runs are still merged into one text node holding the whole paragraph.
    assert.equal(tree.children.length, 1);
    const [only] = tree.children;
    assert.ok(only.type === 'paragraph' && only.children.length === 1 && only.children[0].type === 'text');
    assert.equal(only.children[0].value, paragraph(4_000).trimEnd());
  });

  it('attribute lookups while building HTML are answered once per name (property-information 7.2.0)', () => {
    const version = JSON.parse(readFileSync(join(dirname(require.resolve('property-information')), 'package.json'), 'utf8')).version;
    assert.equal(version, '7.2.0', 'patches/property-information+7.2.0.patch is pinned to 7.2.0');
    // Every data-* lookup built a new Info (two regex passes); hastscript and hast-util-to-html
    // look up each attribute of each element, so a 50,000-heading page built 100,000s of them.
    const first = find(html, 'data-line');
    assert.equal(find(html, 'data-line'), first, 'the second lookup of a name reuses the first answer');
    assert.equal(first.property, 'dataLine');
    assert.equal(first.attribute, 'data-line');
    assert.equal(find(html, 'dataGroupLine').attribute, 'data-group-line');
    assert.equal(find(html, 'class').property, 'className');
    // The cache is bounded: thousands of distinct names still get right answers.
    for (let i = 0; i < 3_000; i++) assert.equal(find(html, `data-x${i}`).property, `dataX${i}`);
  });
});
