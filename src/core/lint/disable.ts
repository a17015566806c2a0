/**
 * Inline control comments:
 *   <!-- sopkit-disable rule-a, rule-b -->   until sopkit-enable (or the end of the file)
 *   <!-- sopkit-enable rule-a -->
 *   <!-- sopkit-disable-next-line rule -->   the line after the comment
 *   <!-- sopkit-disable-line rule -->        the comment's own line
 * No rule list means every rule.
 */
import { nodesOfType } from '../parse/walk.js';
import type { Root } from 'mdast';

const CONTROL = /<!--\s*sopkit-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

interface Span { rule: string; from: number; to: number }

export class DisabledLines {
  private readonly spans: Span[] = [];

  constructor(tree: Root) {
    const open = new Map<string, number>();
    const events: { line: number; endLine: number; kind: string; rules: string[] }[] = [];
    for (const node of nodesOfType(tree, 'html')) {
      for (const m of node.value.matchAll(CONTROL)) {
        const rules = m[2].split(/[\s,]+/).map((r) => r.trim()).filter(Boolean);
        const line = (node.position?.start.line ?? 1) + node.value.slice(0, m.index).split('\n').length - 1;
        events.push({ line, endLine: line + m[0].split('\n').length - 1, kind: m[1], rules: rules.length ? rules : ['*'] });
      }
    }
    for (const e of events) {
      for (const rule of e.rules) {
        if (e.kind === 'disable-next-line') this.spans.push({ rule, from: e.endLine + 1, to: e.endLine + 1 });
        else if (e.kind === 'disable-line') this.spans.push({ rule, from: e.line, to: e.endLine });
        else if (e.kind === 'disable') { if (!open.has(rule)) open.set(rule, e.line); }
        else if (e.kind === 'enable') {
          const targets = rule === '*' ? [...open.keys()] : [rule];
          for (const r of targets) {
            const from = open.get(r);
            if (from !== undefined) { this.spans.push({ rule: r, from, to: e.line }); open.delete(r); }
          }
        }
      }
    }
    for (const [rule, from] of open) this.spans.push({ rule, from, to: Number.MAX_SAFE_INTEGER });
  }

  get isEmpty(): boolean {
    return this.spans.length === 0;
  }

  /** One-line spans (next-line, line) by line, and block spans apart: thousands of comments stay cheap to check. */
  private index?: { lines: Map<number, Set<string>>; blocks: Span[] };

  isDisabled(ruleId: string, line: number): boolean {
    if (!this.index) {
      const lines = new Map<number, Set<string>>();
      const blocks: Span[] = [];
      for (const span of this.spans) {
        if (span.to - span.from <= 2) {
          for (let l = span.from; l <= span.to; l++) {
            const set = lines.get(l);
            if (set) set.add(span.rule);
            else lines.set(l, new Set([span.rule]));
          }
        } else blocks.push(span);
      }
      this.index = { lines, blocks };
    }
    const onLine = this.index.lines.get(line);
    if (onLine && (onLine.has(ruleId) || onLine.has('*'))) return true;
    return this.index.blocks.some((s) => (s.rule === '*' || s.rule === ruleId) && line >= s.from && line <= s.to);
  }
}
