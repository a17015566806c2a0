/**
 * A team schema whose `$ref`s lead back to where they started without looking one level into the
 * data (`{"$ref": "#"}`, or a → b → a through allOf) makes validation recurse until the stack
 * overflows. Ajv compiles such a schema happily and overflows on the first lint, so the cycle is
 * found here, before compiling, and reported as a config problem.
 */

/** Keywords whose subschemas apply to the same value as their parent (no step into the data). */
const SAME_VALUE_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SAME_VALUE_SINGLE = ['not', 'if', 'then', 'else'];
const SAME_VALUE_MAPS = ['dependentSchemas', 'dependencies'];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function pointer(root: unknown, fragment: string): unknown {
  if (fragment === '') return root;
  if (!fragment.startsWith('/')) return undefined; // a plain-name anchor: left to Ajv
  let node = root;
  for (const raw of fragment.slice(1).split('/')) {
    let key: string;
    try { key = decodeURIComponent(raw); } catch { return undefined; }
    key = key.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

const idOf = (doc: Json) => (typeof doc.$id === 'string' ? doc.$id.replace(/#$/, '') : '');

/** Every subschema object of the documents, each with the base address its `$ref`s resolve against. */
function collectNodes(documents: Json[]): { nodes: Json[]; baseOf: Map<Json, string> } {
  const baseOf = new Map<Json, string>();
  const nodes: Json[] = [];
  const collect = (node: unknown, base: string) => {
    if (Array.isArray(node)) { for (const item of node) collect(item, base); return; }
    if (!isObject(node) || baseOf.has(node)) return;
    baseOf.set(node, base);
    nodes.push(node);
    for (const value of Object.values(node)) collect(value, base);
  };
  for (const doc of documents) collect(doc, idOf(doc));
  return { nodes, baseOf };
}

/** The subschema a `$ref` names, among the given documents only (nothing is fetched). */
function resolveRef(byId: Map<string, Json>, ref: string, base: string): Json | undefined {
  const cut = ref.indexOf('#');
  const address = cut < 0 ? ref : ref.slice(0, cut);
  const fragment = cut < 0 ? '' : ref.slice(cut + 1);
  let target = base;
  if (address) {
    try { target = new URL(address, base || undefined).href; } catch { return undefined; }
  }
  const doc = byId.get(target);
  const node = doc && pointer(doc, fragment);
  return isObject(node) ? node : undefined;
}

type Edge = { to: Json; ref?: string };

/** Same-value subschemas of a node; `ref` is set on the edge a `$ref` makes. */
function sameValueEdges(node: Json, resolve: (ref: string) => Json | undefined): Edge[] {
  const out: Edge[] = [];
  if (typeof node.$ref === 'string') {
    const to = resolve(node.$ref);
    if (to) out.push({ to, ref: node.$ref });
  }
  for (const key of SAME_VALUE_LISTS) if (Array.isArray(node[key])) for (const s of node[key] as unknown[]) if (isObject(s)) out.push({ to: s });
  for (const key of SAME_VALUE_SINGLE) if (isObject(node[key])) out.push({ to: node[key] as Json });
  for (const key of SAME_VALUE_MAPS) if (isObject(node[key])) for (const s of Object.values(node[key] as Json)) if (isObject(s)) out.push({ to: s });
  return out;
}

/** The `$ref`s along the first cycle a depth-first walk over the edges meets, or undefined. */
function firstCycle(nodes: Json[], edges: (node: Json) => Edge[]): string[] | undefined {
  const state = new Map<Json, 'open' | 'done'>();
  const path: (string | undefined)[] = [];
  const visit = (node: Json): string[] | undefined => {
    state.set(node, 'open');
    for (const { to, ref } of edges(node)) {
      const seen = state.get(to);
      if (seen === 'open') return [...path, ref].filter((r): r is string => r !== undefined);
      if (seen === 'done') continue;
      path.push(ref);
      const found = visit(to);
      path.pop();
      if (found) return found;
    }
    state.set(node, 'done');
    return undefined;
  };
  // Each walk follows same-value edges only: its depth is bounded by the schema, never by the data.
  for (const node of nodes) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}

/**
 * Finds one `$ref` cycle over the given schema documents (each with its `$id`), as the chain of
 * references that closes it, or undefined.
 */
export function findRefCycle(documents: Json[]): string[] | undefined {
  const byId = new Map<string, Json>();
  for (const doc of documents) if (typeof doc.$id === 'string') byId.set(idOf(doc), doc);
  const { nodes, baseOf } = collectNodes(documents);
  return firstCycle(nodes, (node) => sameValueEdges(node, (ref) => resolveRef(byId, ref, baseOf.get(node) ?? '')));
}
