/**
 * A pre-order walk over an mdast tree, in document order. The model and the rules walk every
 * tree several times; unist-util-visit builds a new parents array for every node it enters, which
 * made these walks a large share of a lint on documents with tens of thousands of nodes. This
 * walk keeps one ancestors stack, and is iterative, so deep trees cannot overflow the call stack.
 */
import type { Nodes } from 'mdast';

/**
 * Calls `enter` for `root` and every node below it. `ancestors` (outermost first) is only valid
 * during the call. Returning false skips the node's children.
 */
export function walk(root: Nodes, enter: (node: Nodes, ancestors: readonly Nodes[]) => boolean | void): void {
  const ancestors: Nodes[] = [];
  // `null` marks where a node's children end, so its entry in `ancestors` is dropped there.
  const stack: Array<Nodes | null> = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null) { ancestors.pop(); continue; }
    if (node === undefined || enter(node, ancestors) === false) continue;
    if ('children' in node && node.children.length) {
      ancestors.push(node);
      stack.push(null);
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
}

/** Every node of one type, in document order. */
export function nodesOfType<T extends Nodes['type']>(root: Nodes, type: T): Array<Extract<Nodes, { type: T }>> {
  const found: Array<Extract<Nodes, { type: T }>> = [];
  walk(root, (node) => { if (node.type === type) found.push(node as Extract<Nodes, { type: T }>); });
  return found;
}
