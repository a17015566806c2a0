/** Checklist behaviour in the page: progress bars follow the boxes; ticks may live only in the page. */

export function taskBoxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>('input.sop-task')];
}

function setProgress(bar: Element, boxes: HTMLInputElement[]): void {
  const progress = bar.querySelector('progress');
  const label = bar.querySelector('.sop-progress-label');
  const done = boxes.filter((box) => box.checked).length;
  if (progress) {
    progress.max = Math.max(boxes.length, 1);
    progress.value = done;
  }
  if (label) label.textContent = `${done} of ${boxes.length} done`;
  bar.classList.toggle('sop-progress-complete', boxes.length > 0 && done === boxes.length);
}

export function updateProgress(): void {
  const boxes = taskBoxes();
  for (const bar of document.querySelectorAll<HTMLElement>('[data-progress-group]')) {
    const group = bar.dataset.progressGroup;
    setProgress(bar, group === 'all' ? boxes : boxes.filter((box) => box.dataset.groupLine === group));
  }
  const reset = document.querySelector<HTMLButtonElement>('[data-action="reset-checklist"]');
  if (reset) reset.disabled = !boxes.some((box) => box.checked);
}

/** A key that survives edits elsewhere in the document: the item's text and its occurrence. */
export function tickKeys(boxes: HTMLInputElement[]): string[] {
  const seen = new Map<string, number>();
  return boxes.map((box) => {
    const text = box.getAttribute('aria-label') ?? '';
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return `${text}#${n}`;
  });
}

export function applyLocalTicks(ticks: Record<string, boolean>): void {
  const boxes = taskBoxes();
  tickKeys(boxes).forEach((key, i) => {
    if (key in ticks) boxes[i].checked = ticks[key];
  });
}

export function readLocalTicks(): Record<string, boolean> {
  const boxes = taskBoxes();
  const out: Record<string, boolean> = {};
  tickKeys(boxes).forEach((key, i) => { out[key] = boxes[i].checked; });
  return out;
}
