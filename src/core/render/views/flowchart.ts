/**
 * The workflow as a flowchart: dagre computes the layout, we only draw boxes and edges as SVG.
 * One node per step; branch actions are leaf nodes; a "Proceed/Return to Step N" whose step does
 * not exist points at a red "missing" node so the author sees the dangling reference at a glance.
 */
import dagre from '@dagrejs/dagre';
import { s } from 'hastscript';
import type { Element } from 'hast';
import type { SopDocument, Step } from '../../types.js';

const STEP_WIDTH = 220;
const ACTION_WIDTH = 190;
const LINE_HEIGHT = 16;
const CHAR_WIDTH = 7;

type NodeKind = 'step' | 'action' | 'missing' | 'open';
interface FlowNode { id: string; kind: NodeKind; lines: string[]; title: string; width: number; height: number; line?: number; step?: number }
/** `branch` is the index of the step's branch the edge draws, so the guided walk can light up the path it took. */
interface FlowEdge { from: string; to: string; label: string; kind: 'branch' | 'return' | 'next' | 'missing' | 'reference'; branch?: number }

export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars || !current) current = candidate;
    else { lines.push(current); current = word; }
  }
  if (current) lines.push(current);
  const clipped = lines.slice(0, maxLines).map((l) => (l.length > maxChars ? `${l.slice(0, maxChars - 1)}…` : l));
  if (lines.length > maxLines) clipped[maxLines - 1] = `${clipped[maxLines - 1].slice(0, maxChars - 1)}…`;
  return clipped.length ? clipped : [''];
}

function stepNumber(step: Step): number {
  return step.number ?? step.ordinal;
}

function makeNode(id: string, kind: NodeKind, text: string, extra: Partial<FlowNode> = {}): FlowNode {
  const width = kind === 'step' ? STEP_WIDTH : ACTION_WIDTH;
  const lines = wrapText(text, Math.floor((width - 20) / CHAR_WIDTH), kind === 'step' ? 4 : 5);
  return { id, kind, lines, title: text, width, height: lines.length * LINE_HEIGHT + 20, ...extra };
}

/** Nodes and edges of the workflow, before layout. */
export function flowGraph(doc: SopDocument): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const byNumber = new Map<number, string>();
  for (const step of doc.steps) {
    const id = `step-${step.ordinal}`;
    if (!byNumber.has(stepNumber(step))) byNumber.set(stepNumber(step), id);
    nodes.push(makeNode(id, 'step', `Step ${stepNumber(step)}: ${step.title}`, { line: step.range.start.line, step: stepNumber(step) }));
  }
  const missing = (target: number): string => {
    const id = `missing-${target}`;
    if (!nodes.some((n) => n.id === id)) nodes.push(makeNode(id, 'missing', `Step ${target} does not exist`));
    return id;
  };
  doc.steps.forEach((step, index) => {
    const from = `step-${step.ordinal}`;
    const linked = new Set<number>();
    step.branches.forEach((branch, b) => {
      const label = branch.condition;
      if ((branch.outcomeKind === 'proceed' || branch.outcomeKind === 'return') && branch.target !== undefined) {
        linked.add(branch.target);
        const to = byNumber.get(branch.target);
        edges.push(to ? { from, to, label, kind: branch.outcomeKind === 'return' ? 'return' : 'branch', branch: b } : { from, to: missing(branch.target), label, kind: 'missing', branch: b });
      } else {
        const id = `outcome-${step.ordinal}-${b}`;
        nodes.push(makeNode(id, branch.outcome ? 'action' : 'open', branch.outcome ?? 'No outcome written', { line: (branch.outcomeRange ?? branch.conditionRange).start.line }));
        edges.push({ from, to: id, label, kind: 'branch', branch: b });
      }
    });
    for (const ref of doc.stepReferences) {
      if (ref.fromStep !== index || linked.has(ref.target)) continue;
      linked.add(ref.target);
      const to = byNumber.get(ref.target);
      edges.push(to ? { from, to, label: `${ref.verb} to Step ${ref.target}`, kind: 'reference' } : { from, to: missing(ref.target), label: `${ref.verb} to Step ${ref.target}`, kind: 'missing' });
    }
    const next = doc.steps[index + 1];
    if (step.branches.length === 0 && linked.size === 0 && next) edges.push({ from, to: `step-${next.ordinal}`, label: '', kind: 'next' });
  });
  return { nodes, edges };
}

/** Above this many steps, edge labels are drawn at the edge's middle instead of being laid out by dagre (6× faster). */
const LABELLED_LAYOUT_MAX_STEPS = 40;
const layoutCache = new Map<string, Element>();
const LAYOUT_CACHE_SIZE = 8;

/**
 * The flowchart SVG. Typing elsewhere in the document does not change the graph, so the layout
 * is cached by the graph's content: the live preview only pays for dagre when steps change.
 */
export function renderFlowchart(doc: SopDocument): Element {
  const graph = flowGraph(doc);
  // Source lines move whenever text above the steps changes; they are patched in, not part of the key.
  const key = JSON.stringify(graph, (name, value) => (name === 'line' ? undefined : value));
  let svg = layoutCache.get(key);
  if (!svg) {
    svg = layoutFlowchart(graph, doc.steps.length);
    layoutCache.set(key, svg);
    if (layoutCache.size > LAYOUT_CACHE_SIZE) layoutCache.delete(layoutCache.keys().next().value!);
  }
  const copy = structuredClone(svg);
  const lines = new Map(graph.nodes.map((n) => [n.id, n.line]));
  for (const child of copy.children) {
    if (child.type !== 'element' || typeof child.properties.dataNode !== 'string') continue;
    const line = lines.get(child.properties.dataNode);
    if (line === undefined) continue;
    child.properties.dataLine = line;
    child.properties.dataJumpLine = line;
  }
  return copy;
}

function midpoint(points: { x: number; y: number }[]): { x: number; y: number } {
  if (points.length === 0) return { x: 0, y: 0 };
  return points[Math.floor(points.length / 2)];
}

function layoutFlowchart({ nodes, edges }: { nodes: FlowNode[]; edges: FlowEdge[] }, stepCount: number): Element {
  const labelled = stepCount <= LABELLED_LAYOUT_MAX_STEPS;
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 46, edgesep: 12, marginx: 12, marginy: 12 });
  for (const node of nodes) g.setNode(node.id, { width: node.width, height: node.height });
  edges.forEach((edge, i) => {
    const lines = edge.label && labelled ? wrapText(edge.label, 26, 2) : [];
    const width = lines.reduce((w, l) => Math.max(w, l.length), 0) * 6.2 + 8;
    g.setEdge(edge.from, edge.to, { width: lines.length ? width : 0, height: lines.length * 14, labelpos: 'c' }, `e${i}`);
  });
  dagre.layout(g);
  const size = g.graph();
  const width = Math.ceil(size.width ?? 0);
  const height = Math.ceil(size.height ?? 0);

  const edgeEls = edges.map((edge, i) => {
    const laid = g.edge({ v: edge.from, w: edge.to, name: `e${i}` });
    const points = laid.points ?? [];
    const d = points.map((p: { x: number; y: number }, j: number) => `${j ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    const lines = edge.label ? wrapText(edge.label, 26, labelled ? 2 : 1) : [];
    const at = labelled ? { x: laid.x ?? 0, y: laid.y ?? 0 } : midpoint(points);
    const marker = edge.kind === 'missing' ? 'url(#sop-arrow-error)' : 'url(#sop-arrow)';
    return s('g', { className: ['sop-flow-edge', `sop-flow-edge-${edge.kind}`], dataFrom: edge.from, dataTo: edge.to, dataBranch: edge.branch }, [
      s('title', edge.label || 'then'),
      s('path', { d, markerEnd: marker, fill: 'none' }),
      ...lines.map((line, j) => s('text', { x: at.x.toFixed(1), y: (at.y - (lines.length - 1) * 7 + j * 14 + 4).toFixed(1), textAnchor: 'middle', className: ['sop-flow-edge-label'] }, line)),
    ]);
  });
  const nodeEls = nodes.map((node) => {
    const laid = g.node(node.id);
    const x = laid.x - node.width / 2;
    const y = laid.y - node.height / 2;
    // The name is the text as drawn (a screen reader says what a sighted reader sees); the <title> keeps the whole text.
    const focusable = node.line !== undefined ? { tabIndex: 0, role: 'link', dataJumpLine: node.line, ariaLabel: node.lines.join(' ') } : {};
    return s('g', { className: ['sop-flow-node', `sop-flow-${node.kind}`], dataNode: node.id, dataStep: node.step, dataLine: node.line, ...focusable }, [
      s('title', node.title),
      s('rect', { x: x.toFixed(1), y: y.toFixed(1), width: node.width, height: node.height, rx: node.kind === 'step' ? 6 : 16 }),
      // Each line ends in a space so the lines read as words, not "thetracking"; the name is what is drawn.
      ...node.lines.map((line, j) => s('text', { x: laid.x.toFixed(1), y: (y + 10 + (j + 1) * LINE_HEIGHT - 4).toFixed(1), textAnchor: 'middle' }, j < node.lines.length - 1 ? `${line} ` : line)),
    ]);
  });
  const arrow = (id: string, cls: string): Element => s('marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [
    s('path', { d: 'M0 0L10 5L0 10z', className: [cls] }),
  ]);
  return s('svg', {
    className: ['sop-flowchart'], viewBox: `0 0 ${width} ${height}`, width, height, role: 'group',
    ariaLabel: `Flowchart of ${stepCount} steps`, xmlns: 'http://www.w3.org/2000/svg',
  }, [s('defs', [arrow('sop-arrow', 'sop-flow-arrow'), arrow('sop-arrow-error', 'sop-flow-arrow-error')]), ...edgeEls, ...nodeEls]);
}
