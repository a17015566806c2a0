/**
 * Scroll sync by source line: every rendered block carries `data-line`. The editor's top line
 * maps to a position between the blocks around it, and the page's top block maps back.
 */

export interface ScrollSync {
  reindex(): void;
  scrollToLine(line: number, fromHost?: boolean): void;
  /** Puts a newly loaded page at its start (a line, or the top) and keeps it there, unreported, until the reader takes over. */
  settle(line?: number): void;
}

/** How long after the page loaded a scroll that no input caused is still taken for the webview host's. */
const SETTLE_AFTER_LOAD_MS = 600;

export function createScrollSync(onScroll: (line: number) => void): ScrollSync {
  let blocks: { line: number; el: HTMLElement }[] = [];
  let ignoreUntil = 0;
  let scheduled = false;
  // When a webview's HTML is replaced, VS Code scrolls the new page to the old page's offset, even
  // when it now shows another document; reported, that scroll would also drag the new editor there.
  let settling = false;
  let startLine: number | undefined;

  function reindex(): void {
    blocks = [...document.querySelectorAll<HTMLElement>('[data-line]')]
      .filter((el) => !(el instanceof SVGElement) && el.offsetParent !== null)
      .map((el) => ({ line: Number(el.dataset.line), el }))
      .filter((b) => b.line > 0)
      .sort((a, b) => a.line - b.line);
  }

  function scrollToLine(line: number, fromHost = false): void {
    if (!blocks.length) reindex();
    let before: (typeof blocks)[number] | undefined;
    let after: (typeof blocks)[number] | undefined;
    for (const block of blocks) {
      if (block.line <= line) before = block;
      else { after = block; break; }
    }
    if (!before) { window.scrollTo({ top: 0 }); return; }
    const top = before.el.getBoundingClientRect().top + window.scrollY;
    let y = top;
    if (after && after.line > before.line) {
      const nextTop = after.el.getBoundingClientRect().top + window.scrollY;
      y = top + ((line - before.line) / (after.line - before.line)) * Math.max(0, nextTop - top);
    }
    if (fromHost) ignoreUntil = performance.now() + 120;
    if (fromHost && settling) startLine = line;
    window.scrollTo({ top: Math.max(0, y - 8) });
  }

  function goToStart(): void {
    if (startLine) { scrollToLine(startLine, true); return; }
    ignoreUntil = performance.now() + 120;
    window.scrollTo({ top: 0 });
  }

  function settle(line?: number): void {
    settling = true;
    startLine = line;
    goToStart();
    const done = () => { settling = false; };
    for (const type of ['wheel', 'pointerdown', 'keydown', 'touchstart']) window.addEventListener(type, done, { capture: true, passive: true, once: true });
    const afterLoad = () => setTimeout(done, SETTLE_AFTER_LOAD_MS);
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
  }

  function topLine(): number | undefined {
    for (const block of blocks) {
      const rect = block.el.getBoundingClientRect();
      if (rect.bottom > 0) return block.line;
    }
    return blocks.at(-1)?.line;
  }

  window.addEventListener('scroll', () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (settling) { goToStart(); return; }
      if (performance.now() < ignoreUntil) return;
      const line = topLine();
      if (line) onScroll(line);
    });
  }, { passive: true });

  return { reindex, scrollToLine, settle };
}
