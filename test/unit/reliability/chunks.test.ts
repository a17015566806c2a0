/**
 * Parsing in pieces (src/core/parse/pieces.ts) must give exactly the tree a whole-document parse gives:
 * checked on generated SOP-shaped documents with tiny pieces so every cut point is exercised.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { createPieceCache, cutPoints, mayHoldDefinition, parseInPieces } from '../../../src/core/parse/pieces.js';
import { parseMarkdown } from '../../../src/core/parse/parse.js';
import { assertSameTree, everythingOn } from '../core/whole-parse.js';
import { generateSop } from '../../../bench/corpus.mjs';
import { lint } from '../../../src/core/lint/lint.js';
import { sopDocument } from './arbitraries.js';
import { PATHOLOGICAL_INPUTS } from './pathological-inputs.js';
import { resultProblems, TODAY } from './helpers.js';

// sopkit's own dialect, parsed whole: the tree every way of parsing in pieces must give.
const parseWhole = (text: string) => everythingOn.parse(text) as Root;
const parseSmallPieces = (text: string) => parseInPieces(text, parseWhole, { target: 1, threshold: 0 });

describe('reliability: parsing large documents in pieces', function () {
  this.timeout(60_000);

  it('cuts only before a column-0 heading after a blank line, outside fences and HTML blocks', () => {
    const text = '# A\n\ntext\n\n## B\n\n```\n\n# not a heading\n```\n\n<!--\n\n# inside a comment\n-->\n\n- item\n\n### C\n';
    const cuts = cutPoints(text, 1).map((at) => text.slice(at, text.indexOf('\n', at)));
    assert.deepEqual(cuts, ['## B', '### C']);
    assert.deepEqual(cutPoints('[x]: http://a.test\n\n# A\n\n# B\n', 1), [], 'reference definitions keep the document whole');
    // Definitions apply to the whole document from inside quotes and list items too, and a label
    // may run over lines. The last four were found by a reviewer: micromark skips a leading BOM,
    // and does not count line endings or quote markers towards a label's 999 characters.
    const long = `x${'\na'.repeat(501)}`;
    const quoted = `x${'\na'.repeat(299)}`;
    for (const [definition, label] of [
      ['> [x]: /u', 'x'], ['- [x]: /u', 'x'], ['1. > [x]: /u', 'x'], ['- item\n\n    [x]: /u', 'x'], ['[x\ny]: /u', 'x\ny'],
      ['> - [^1]: note', '^1'], ['\t[x]: /u', 'x'], ['[a\\]b]: /u', 'a\\]b'],
      ['\ufeff[x]: /u', 'x'], [`[${long}]: /u`, long], [`[${long.replace(/\n/g, '\r\n')}]: /u`, long], [`> [${quoted.replace(/\n/g, '\n> ')}]: /u`, quoted],
    ]) {
      assert.deepEqual(cutPoints(`${definition}\n\n# A\n\n# B\n`, 1), [], JSON.stringify(definition));
      // (A leading BOM moves sopkit's offsets by one against the library's; that is tested elsewhere.)
      if (definition.startsWith('\ufeff')) continue;
      const text = `${definition}\n\n# A\n\n[${label}]\n\n# B\n`;
      assertSameTree(parseSmallPieces(text), parseWhole(text), JSON.stringify(text));
    }
    assert.equal(cutPoints('Call [Customer Name]: now.\n\n# A\n\n- [ ] Task: x\n\n# B\n', 1).length, 2, 'a label in running text or a task box is no definition');
    // The scan for definitions is linear (a generous bound, not a speed measure): a megabyte of lines that each open a label.
    for (const text of ['[\n'.repeat(500_000), `${'[\n'.repeat(500_000)}]:`, `${'- [a]\n'.repeat(200_000)}]:`, `${'[ '.repeat(500_000)}]:`]) {
      const started = performance.now();
      mayHoldDefinition(text);
      assert.ok(performance.now() - started < 2_000, `${performance.now() - started} ms`);
    }
    assert.deepEqual(cutPoints('---\n\n# A\n\n# B\n', 1), [], 'an unclosed front matter keeps the document whole');
    assert.equal(cutPoints('---\ntitle: x\n---\n\n# A\n\n# B\n', 1).length, 2);
  });

  it('joins a piece whose last block is still open inside a list item or quote (found by the property below)', () => {
    for (const text of [
      '- <!-- customer\n\n   \n\n\n\n\n# Next part\n\n',
      '- item\n\n  ```\n  code\n\n\n# Next part\n\ntext\n',
      '> <!-- quoted\n\n# Next part\n',
      '1. <div>\n\n\n# Next part\n',
      // "[ ] " right after an empty list item: the GFM task-list code marks the *root* checked
      // (a library quirk nothing reads); the stitched root does not carry it, the rest is equal.
      '# A\n\n-\n[ ] x\n\n# B\n',
    ]) assertSameTree(parseSmallPieces(text), parseWhole(text), JSON.stringify(text));
  });

  it('gives the same tree as a whole parse (generated documents, 150 runs)', () => {
    fc.assert(fc.property(fc.array(sopDocument, { minLength: 1, maxLength: 4 }), (docs) => {
      const text = docs.join('\n\n# Next part\n\n');
      assertSameTree(parseSmallPieces(text), parseWhole(text));
    }), { numRuns: 150 });
  });

  it('with a piece cache, edit after edit, gives the whole-parse tree and never changes a cached tree (150 runs)', () => {
    const edit = fc.record({ at: fc.nat(), insert: fc.constantFrom('x', '\n', '\n\n# Cut here\n\n', '```\n', '|', '- [ ] ', '<!--', '', '- <!--', '> ', '  ```', '<div>', '1. ', '~~~\n', '    code\n') , remove: fc.nat({ max: 30 }) });
    fc.assert(fc.property(fc.array(sopDocument, { minLength: 2, maxLength: 4 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (docs, edits) => {
      const cache = createPieceCache();
      let text = docs.join('\n\n# Next part\n\n');
      let previous: { text: string; tree: Root; copy: Root } | undefined;
      for (const { at, insert, remove } of edits) {
        const tree = parseInPieces(text, parseWhole, { target: 1, threshold: 0, cache });
        assertSameTree(tree, parseWhole(text), JSON.stringify(text));
        // What an earlier parse handed out stays as it was (trees are copied out of the cache).
        if (previous) assert.deepEqual(previous.tree, previous.copy);
        previous = { text, tree, copy: structuredClone(tree) };
        const where = at % (text.length + 1);
        text = text.slice(0, where) + insert + text.slice(where + remove);
      }
    }), { numRuns: 150 });
  });

  it("the editor's parse (pieces, cached) of a 30 KB SOP equals a whole-document parse after each keystroke", () => {
    const cache = createPieceCache();
    let text: string = generateSop(424242, 'workflow', 30000, true);
    for (let i = 0; i < 40; i++) {
      const whole = parseWhole(text);
      assertSameTree(parseMarkdown(text, cache), whole);
      assertSameTree(parseMarkdown(text), whole);
      const where = Math.floor((i * 7919) % text.length);
      text = text.slice(0, where) + (i % 3 === 0 ? '\n' : 'x') + text.slice(where);
    }
    assert.ok(cache.trees.size > 3, `the text was cut into ${cache.trees.size} pieces`);
  });

  it('a long SOP lints in pieces with well-formed results', () => {
    const input = PATHOLOGICAL_INPUTS.find((i) => i.name === '10 MB SOP')!;
    const text = input.quick!();
    assert.ok(cutPoints(text, 64 * 1024).length === 0 || text.length > 0);
    assert.deepEqual(resultProblems(text, lint(text, { today: TODAY })), []);
  });
});
