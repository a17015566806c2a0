/**
 * Checklist view: each phase (the heading above a run of task items) becomes a group with its
 * own progress bar, plus one for the whole list. Checkboxes are real and carry the offset of
 * their `[ ]` marker so the editor can write a tick back into the document.
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import type { ChecklistItem, SopDocument } from '../../types.js';
import { addClass, hasClass, walkElements } from '../blocks.js';

export function progressBar(done: number, total: number, label: string, groupLine?: number): Element {
  return h('div.sop-progress', { dataProgressGroup: groupLine ?? 'all' }, [
    h('progress', { max: total, value: done, ariaLabel: `${label} progress` }),
    h('span.sop-progress-label', { ariaLive: 'polite' }, `${done} of ${total} done`),
  ]);
}

/** Turns the GFM task checkboxes into live ones tied to the model's checklist items. */
export function activateTaskCheckboxes(content: ElementContent[], items: ChecklistItem[]): void {
  const byLine = new Map(items.map((item) => [item.range.start.line, item]));
  walkElements(content, (el) => {
    if (el.tagName !== 'li' || !hasClass(el, 'task-list-item')) return;
    const item = byLine.get(Number(el.properties.dataLine));
    const box = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'input');
    if (!item || !box) return;
    addClass(el, 'sop-task-item');
    box.properties = {
      type: 'checkbox',
      className: ['sop-task'],
      checked: item.checked,
      ariaLabel: item.text,
      dataLine: item.range.start.line,
      dataOffset: item.markerRange.start.offset,
      dataGroupLine: item.group ? item.groupLine : 0,
    };
  });
}

export function decorateChecklist(doc: SopDocument, sections: ElementContent[]): ElementContent[] {
  const groups = new Map<number, { done: number; total: number; title: string }>();
  for (const item of doc.checklist) {
    if (!item.group) continue;
    const group = groups.get(item.groupLine) ?? { done: 0, total: 0, title: item.group };
    group.total += 1;
    if (item.checked) group.done += 1;
    groups.set(item.groupLine, group);
  }
  walkElements(sections, (el) => {
    if (el.tagName !== 'section' || !hasClass(el, 'sop-section')) return;
    const group = groups.get(Number(el.properties.dataLine));
    if (!group) return;
    addClass(el, 'sop-phase');
    el.properties.dataGroupLine = el.properties.dataLine;
    el.children.splice(1, 0, progressBar(group.done, group.total, group.title, Number(el.properties.dataLine)));
  });
  const done = doc.checklist.filter((i) => i.checked).length;
  const overall = h('div.sop-toolbar.sop-checklist-toolbar', [
    h('strong', 'Overall'),
    progressBar(done, doc.checklist.length, 'Overall'),
    // Secondary, and off while nothing is ticked: it is the one button here that throws work away.
    h('button.sop-button.sop-button-secondary', { type: 'button', dataAction: 'reset-checklist', disabled: done === 0 }, 'Untick all'),
  ]);
  return [overall, ...sections];
}
