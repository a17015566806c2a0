/**
 * Inline control comments:
 *   <!-- sopkit-disable rule-a, rule-b -->   until sopkit-enable (or the end of the file)
 *   <!-- sopkit-enable rule-a -->
 *   <!-- sopkit-disable-next-line rule -->   the line after the comment
 *   <!-- sopkit-disable-line rule -->        the comment's own line
 * No rule list means every rule.
 */
import type { Html } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

const CONTROL = /<!--\s*sopkit-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

interface Span { rule: string; from: number; to: number }

export class DisabledLines {
  private readonly spans: Span[] = [];

  constructor(tree: Root) {
    const open = new Map<string, number>();
    const events: { line: number; endLine: number; kind: string; rules: string[] }[] = [];
    visit(tree, 'html', (node: Html) => {
      for (const m of node.value.matchAll(CONTROL)) {
        const rules = m[2].split(/[\s,]+/).map((r) => r.trim()).filter(Boolean);
        const line = (node.position?.start.line ?? 1) + node.value.slice(0, m.index).split('\n').length - 1;
        events.push({ line, endLine: line + m[0].split('\n').length - 1, kind: m[1], rules: rules.length ? rules : ['*'] });
      }
    });
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

  isDisabled(ruleId: string, line: number): boolean {
    return this.spans.some((s) => (s.rule === '*' || s.rule === ruleId) && line >= s.from && line <= s.to);
  }
}
