/**
 * "Fixes lose nothing", made checkable: every line of the original must still be there, in order,
 * either unchanged or changed in one of the allowed ways (a checkbox marker added or ticked, a
 * number changed, a front-matter value or key replaced). Everything else must be an added line.
 * Blank lines are the one exception: an inserted block may use an existing blank line as its spacing.
 */
import type { TextEdit } from '../../../src/core/types.js';

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const BULLET = /^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+)(.*)$/;
const FRONT_MATTER_LINE = /^\s*([^\s:#][^:]*?)\s*:(?:\s|$)/;

/** True when `after` is `before` changed only in an allowed way. */
export function allowedChange(before: string, after: string, inFrontMatter: boolean): boolean {
  if (before === after) return true;
  if (before.replace(/\d+/g, '#') === after.replace(/\d+/g, '#')) return true;
  const m = BULLET.exec(before);
  if (m && (after === `${m[1]}[ ] ${m[2]}` || after === `${m[1]}[x] ${m[2]}`)) return true;
  if (before.replace(/\[[ xX]\]/g, '[ ]') === after.replace(/\[[ xX]\]/g, '[ ]')) return true;
  if (inFrontMatter && FRONT_MATTER_LINE.test(before) && FRONT_MATTER_LINE.test(after)) return true;
  return false;
}

/** Range of lines (0-based, inclusive) of a leading front-matter block, or undefined. */
function frontMatterLines(all: string[]): [number, number] | undefined {
  if (all[0] !== '---') return undefined;
  const end = all.indexOf('---', 1);
  return end > 0 ? [0, end] : undefined;
}

/**
 * Problems with a fixed text, in words; empty when nothing was lost. With `edits`, each edit is
 * also checked on its own: it may replace only digits, a checkbox marker, or front-matter text.
 */
export function fixProblems(original: string, edits: TextEdit[] | undefined, fixed: string): string[] {
  const problems: string[] = [];
  const before = lines(original);
  const after = lines(fixed);
  const fm = frontMatterLines(before);
  const fmEndOffset = fm ? before.slice(0, fm[1] + 1).join('\n').length : -1;
  for (const e of edits ?? []) {
    if (e.length === 0) continue;
    const replaced = original.slice(e.offset, e.offset + e.length);
    const ok = /^\d+$/.test(replaced) || /^\[[ xX]\]$/.test(replaced) || (fm !== undefined && e.offset + e.length <= fmEndOffset + 2 && !/[\r\n]/.test(replaced));
    if (!ok) problems.push(`edit replaces ${JSON.stringify(replaced)} at ${e.offset} (only digits, checkbox markers and front-matter values may change)`);
  }
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    // Blank lines carry no content; an inserted block may reuse one as its separator.
    if (before[i].trim() === '') continue;
    const inFm = fm !== undefined && i >= fm[0] && i <= fm[1];
    // The nearest line that is this one, unchanged or changed in an allowed way. Taking the nearest
    // (not the nearest unchanged) matters: "- Step" ticked into "- [ ] Step" must not be matched to
    // a later, untouched "- Step", which would leave the lines between without a partner.
    let k = j;
    while (k < after.length && !allowedChange(before[i], after[k], inFm)) k++;
    if (k === after.length) {
      problems.push(`original line ${i + 1} ${JSON.stringify(before[i])} is missing after the fix`);
      break;
    }
    j = k + 1;
  }
  return problems;
}
