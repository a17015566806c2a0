/** FAQ behaviour: the filter box narrows questions as you type; `#slug` opens the question. */

export function applyFaqFilter(): void {
  const input = document.querySelector<HTMLInputElement>('input.sop-faq-filter');
  if (!input) return;
  const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
  const entries = [...document.querySelectorAll<HTMLDetailsElement>('details.sop-faq-entry')];
  let shown = 0;
  for (const entry of entries) {
    const text = (entry.textContent ?? '').toLowerCase();
    const match = words.every((word) => text.includes(word));
    entry.hidden = !match;
    if (match) shown++;
    // An answer that holds the words is opened so the reader sees why it matched; one the filter
    // opened is closed again when the filter no longer needs it (the reader's own opens are kept).
    const answer = (entry.querySelector('.sop-faq-answer')?.textContent ?? '').toLowerCase();
    const inAnswer = match && words.length > 0 && words.some((word) => answer.includes(word));
    if (inAnswer && !entry.open) { entry.open = true; entry.dataset.filterOpened = ''; }
    else if (!inAnswer && entry.dataset.filterOpened !== undefined) { entry.open = false; delete entry.dataset.filterOpened; }
    const indexItem = document.querySelector<HTMLElement>(`.sop-faq-index-item[data-slug="${CSS.escape(entry.id)}"]`);
    if (indexItem) indexItem.hidden = !match;
  }
  const count = document.querySelector('.sop-faq-count');
  if (count) count.textContent = `${shown} of ${entries.length} questions`;
  const empty = document.querySelector<HTMLElement>('.sop-faq-empty');
  if (empty) empty.hidden = shown > 0;
}

/** Opens and scrolls to the element a fragment names; returns false when there is none. */
export function revealFragment(id: string): boolean {
  const target = id ? document.getElementById(id) : null;
  if (!target) return false;
  if (target instanceof HTMLDetailsElement) target.open = true;
  const parentDetails = target.closest('details');
  if (parentDetails) parentDetails.open = true;
  target.scrollIntoView({ block: 'start' });
  const summary = target.querySelector('summary');
  (summary ?? target).focus?.({ preventScroll: true });
  return true;
}
