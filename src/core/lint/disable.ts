/**
 * Inline control comments:
 *   <!-- sopkit-disable rule-a, rule-b -->   until sopkit-enable (or the end of the file)
 *   <!-- sopkit-enable rule-a -->
 *   <!-- sopkit-disable-next-line rule -->   the line after the comment
 *   <!-- sopkit-disable-line rule -->        the comment's own line
 * No rule list means every rule.
 */
import { nodesOfType } from '../parse/walk.js';
import { computeLineStarts } from '../parse/positions.js';
import { frontMatterFence, insideFrontMatter } from '../parse/front-matter-fence.js';
import { eol } from './edits.js';
import type { Root } from 'mdast';
import type { TextEdit } from '../types.js';

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

/** The lines of a text as an editor counts them (LF, CRLF or CR ends a line). */
class Lines {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    this.starts = computeLineStarts(text);
  }
  get count(): number { return this.starts.length; }
  /** Offset where 0-based line `i` starts. */
  start(i: number): number { return this.starts[i]; }
  /** Offset where 0-based line `i`'s text ends (before its line break). */
  end(i: number): number {
    if (i + 1 >= this.starts.length) return this.text.length;
    const next = this.starts[i + 1];
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }
  at(i: number): string { return this.text.slice(this.start(i), this.end(i)); }
  isBlank(i: number): boolean { return /^\s*$/.test(this.at(i)); }
}

/**
 * "Disable <rule> for this line" for a message on 1-based `line`: `<!-- sopkit-disable-next-line rule -->`
 * above it, or, where a line above would split a list or paragraph, `<!-- sopkit-disable-line rule -->`
 * at its end. Undefined inside front matter (a comment there breaks the YAML) and on table rows
 * (it would break the table).
 */
export function disableForLineEdit(text: string, line: number, ruleId: string): TextEdit | undefined {
  const lines = new Lines(text);
  const index = Math.max(0, line - 1);
  if (index >= lines.count || insideFrontMatter(text, index + 1)) return undefined;
  const current = lines.at(index);
  if (/^\s*\|/.test(current)) return undefined;
  const previous = index > 0 ? lines.at(index - 1) : '';
  // A comment line above a heading, or above a block that follows a blank line, splits nothing.
  // List items always take the trailing form: a comment between loose items would end the list.
  const isListItem = /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(current);
  const startsBlock = /^\s*#{1,6}\s/.test(current) || (!isListItem && (index === 0 || previous.trim() === '' || /^(?:---|\.\.\.)\s*$/.test(previous)));
  if (startsBlock) {
    const indent = /^\s*/.exec(current)![0];
    return { offset: lines.start(index), length: 0, text: `${indent}<!-- sopkit-disable-next-line ${ruleId} -->${eol(text)}` };
  }
  return { offset: lines.end(index), length: 0, text: ` <!-- sopkit-disable-line ${ruleId} -->` };
}

/**
 * "Disable <rule> for this file": `<!-- sopkit-disable rule -->` right after the front matter (or at
 * the top), one blank line on each side, reusing blank lines already there. Undefined for a message
 * inside the front matter, whose lines come before the comment.
 */
export function disableForFileEdit(text: string, line: number, ruleId: string): TextEdit | undefined {
  if (insideFrontMatter(text, Math.max(1, line))) return undefined;
  const lines = new Lines(text);
  let at = frontMatterFence(text)?.closingLine ?? 0;
  if (at > 0 && at < lines.count && lines.isBlank(at)) at++;
  const nl = eol(text);
  const before = at > 0 && (at >= lines.count || !lines.isBlank(at - 1)) ? nl : '';
  const after = at >= lines.count || !lines.isBlank(at) ? nl : '';
  const offset = at < lines.count ? lines.start(at) : text.length;
  return { offset, length: 0, text: `${at >= lines.count ? nl : ''}${before}<!-- sopkit-disable ${ruleId} -->${nl}${after}` };
}
