/** Applying fixes: pure text edits, shared by --fix, quick fixes, fix-all and fix-on-save. */
import { lint } from './lint.js';
import type { LintOptions } from '../options.js';
import type { LintMessage, TextEdit } from '../types.js';

/** Applies edits that do not overlap (later offsets first); an edit overlapping an earlier-applied one is skipped. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  let floor = Infinity;
  for (const edit of sorted) {
    if (edit.offset < 0 || edit.offset + edit.length > text.length) continue;
    if (edit.offset + edit.length > floor) continue;
    out = out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.length);
    floor = edit.offset;
  }
  return out;
}

/** The safe fixes of one lint pass, without overlaps. */
export function safeEdits(messages: LintMessage[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  let count = 0;
  const overlaps = (e: TextEdit) => edits.some((o) => e.offset < o.offset + o.length && o.offset < e.offset + e.length || (e.length === 0 && o.length === 0 && e.offset === o.offset));
  for (const m of messages) {
    if (!m.fix) continue;
    if (m.fix.edits.some(overlaps)) continue;
    edits.push(...m.fix.edits);
    count++;
  }
  return { edits, count };
}

/** Applies safe fixes until nothing changes (at most 10 passes). */
export function fixText(text: string, options: LintOptions = {}): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < 10; pass++) {
    const { edits, count } = safeEdits(lint(current, options).messages);
    if (count === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    applied += count;
  }
  return { text: current, applied };
}
