/**
 * src/core/parse/walk.ts replaces unist-util-visit in the model's and rules' hot walks: it must visit
 * the same nodes in the same order, with the same ancestors, and skip what it is told to skip.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Nodes } from 'mdast';
import { visitParents, SKIP } from 'unist-util-visit-parents';
import { parseMarkdown } from '../../../src/core/parse/parse.js';
import { nodesOfType, walk } from '../../../src/core/parse/walk.js';

const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };
const sample = `${spec.tests.map((t) => t.markdown).join('\n\n')}\n\n- [ ] task\n\n| a | b |\n| - | - |\n| 1 | 2 |\n`;

describe('walk: a pre-order walk with an ancestors stack', () => {
  const tree = parseMarkdown(sample);

  it('visits the same nodes in the same order with the same ancestors as unist-util-visit-parents', () => {
    const expected: string[] = [];
    visitParents(tree, (node, parents) => { expected.push(`${parents.map((p) => p.type).join('>')}|${node.type}@${node.position?.start.offset}`); });
    const actual: string[] = [];
    walk(tree, (node, ancestors) => { actual.push(`${ancestors.map((p) => p.type).join('>')}|${node.type}@${node.position?.start.offset}`); });
    assert.ok(expected.length > 1500, `${expected.length} nodes`);
    assert.deepEqual(actual, expected);
  });

  it('skips the children of a node when told to, as SKIP does', () => {
    const expected: Nodes[] = [];
    visitParents(tree, (node) => { expected.push(node as Nodes); return node.type === 'paragraph' ? SKIP : undefined; });
    const actual: Nodes[] = [];
    walk(tree, (node) => { actual.push(node); return node.type !== 'paragraph'; });
    assert.equal(actual.length, expected.length);
    assert.ok(actual.every((n, i) => n === expected[i]));
  });

  it('collects the nodes of one type in document order, including the root itself', () => {
    const lists = nodesOfType(tree, 'list');
    assert.ok(lists.length > 20);
    for (let i = 1; i < lists.length; i++) assert.ok(lists[i - 1].position!.start.offset! <= lists[i].position!.start.offset!);
    assert.deepEqual(nodesOfType(tree, 'root'), [tree]);
  });

  it('walks a very deep tree without overflowing the stack', () => {
    let deep: Nodes = { type: 'text', value: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'emphasis', children: [deep] } as Nodes;
    assert.equal(nodesOfType(deep, 'text').length, 1);
  });
});
