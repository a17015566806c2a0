/**
 * Ticking a box in the preview, as text edits: `[ ]` ↔ `[x]` at the marker the renderer tagged.
 * Pure so the extension only has to turn these into a WorkspaceEdit (undoable like typing).
 */
import type { SopDocument, TextEdit } from '../types.js';

const MARKER = /^\[( |x|X)\]$/;

/** The edit that sets the marker at `offset` to `checked`, or undefined when there is no marker there (stale offset). */
export function toggleTaskEdit(text: string, offset: number, checked: boolean): TextEdit | undefined {
  if (!Number.isInteger(offset) || offset < 0 || offset + 3 > text.length) return undefined;
  const marker = text.slice(offset, offset + 3);
  if (!MARKER.test(marker)) return undefined;
  if ((marker !== '[ ]') === checked) return { offset, length: 0, text: '' }; // already as wanted: nothing to change
  return { offset, length: 3, text: checked ? '[x]' : '[ ]' };
}

/** Edits that untick every ticked item of the checklist. */
export function resetChecklistEdits(doc: SopDocument): TextEdit[] {
  return doc.checklist
    .filter((item) => item.checked && MARKER.test(doc.text.slice(item.markerRange.start.offset, item.markerRange.start.offset + 3)))
    .map((item) => ({ offset: item.markerRange.start.offset, length: 3, text: '[ ]' }));
}

export type TaskTogglePlan = { kind: 'stale' } | { kind: 'unchanged' } | { kind: 'edit'; edit: TextEdit };

/**
 * What a tick from the preview should do. The page says which document version it was rendered
 * from; if the document has moved on since (or the offset no longer holds a marker), the tick is
 * refused and the caller re-renders, so a tick can never land on the wrong line.
 */
export function planTaskToggle(input: { text: string; documentVersion: number; renderedVersion: number; messageVersion: number; offset: number; checked: boolean }): TaskTogglePlan {
  if (input.messageVersion !== input.documentVersion || input.renderedVersion !== input.documentVersion) return { kind: 'stale' };
  const edit = toggleTaskEdit(input.text, input.offset, input.checked);
  if (!edit) return { kind: 'stale' };
  return edit.length === 0 ? { kind: 'unchanged' } : { kind: 'edit', edit };
}
