/**
 * The preview page's script, shared by the VS Code webview and the standalone HTML file. In VS
 * Code it talks to the host (write-back, scroll sync, jumps); standalone it works on its own.
 * It never turns document text into markup: the host sends HTML that the core already sanitized.
 */
import morphdom from 'morphdom';
import { isHostMessage, isPreviewState, type PreviewState, type WebviewMessage } from './messages.js';
import { applyLocalTicks, readLocalTicks, taskBoxes, updateProgress } from './checklist.js';
import { applyFaqFilter, revealFragment } from './faq.js';
import { fragmentId } from './fragment.js';
import { handleGuidedClick, loadGuided } from './guided.js';
import { createScrollSync } from './scroll.js';

interface VsCodeApi { postMessage(message: WebviewMessage): void; getState(): unknown; setState(state: PreviewState): void }
declare const acquireVsCodeApi: undefined | (() => VsCodeApi);

const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const root = document.getElementById('sop-root') ?? document.body;
let version = Number(root.dataset.version ?? 0);
let writeBack = root.dataset.writeBack !== 'false';
// The page's data attributes say which SOP this is; the saved state only adds what the reader did.
const state: PreviewState = { uri: root.dataset.uri ?? '', locked: root.dataset.locked === 'true' };
const savedState = vscode?.getState();
if (isPreviewState(savedState) && savedState.uri === state.uri) {
  state.line = savedState.line;
  state.localTicks = savedState.localTicks;
}

function post(message: WebviewMessage): void {
  vscode?.postMessage(message);
}

function saveState(): void {
  vscode?.setState(state);
}

const scroll = createScrollSync((line) => {
  state.line = line;
  saveState();
  post({ type: 'didScroll', line });
});

/** Flowchart zoom: fitted to the pane (small text on big charts) or at actual size with scrolling. */
let flowActualSize = false;

function applyFlowZoom(): void {
  const section = document.querySelector('.sop-flow');
  const button = document.querySelector<HTMLButtonElement>('[data-action="flow-zoom"]');
  section?.classList.toggle('sop-flow-actual', flowActualSize);
  if (button) {
    button.textContent = flowActualSize ? 'Fit to width' : 'Actual size';
    button.setAttribute('aria-pressed', String(flowActualSize));
  }
}

function refresh(): void {
  applyFlowZoom();
  if (!writeBack && state.localTicks) applyLocalTicks(state.localTicks);
  updateProgress();
  applyFaqFilter();
  loadGuided();
  scroll.reindex();
}

/**
 * Ticks sent to the host and not yet seen in a render. A re-render of the same document version
 * (the lint of the text before the tick landing late) would otherwise show the box unticked for a
 * moment; a render of a newer version carries the document's own answer, so it clears them.
 */
const pendingTicks = new Map<number, { checked: boolean; version: number; at: number }>();
/** A tick the host has not answered by then (its edit failed) stops overriding the document. */
const PENDING_TICK_MS = 3000;

function keepPendingTicks(renderedVersion: number): void {
  const now = Date.now();
  for (const [offset, tick] of pendingTicks) if (renderedVersion > tick.version || now - tick.at > PENDING_TICK_MS) pendingTicks.delete(offset);
  if (!pendingTicks.size) return;
  for (const box of taskBoxes()) {
    const tick = pendingTicks.get(Number(box.dataset.offset));
    if (tick) box.checked = tick.checked;
  }
}

function update(html: string): void {
  const next = document.createElement('div');
  next.innerHTML = html;
  morphdom(root, next, {
    childrenOnly: true,
    onBeforeElUpdated(from, to) {
      if (from instanceof HTMLElement && from.dataset.morphSkip !== undefined) return false;
      // No isEqualNode shortcut: it compares attributes, not a checkbox's live `checked`, and would
      // leave a refused tick showing after the host re-rendered the document's real state.
      // Keep what the reader did: opened questions, the filter text.
      if (from instanceof HTMLDetailsElement && to instanceof HTMLDetailsElement) to.open = from.open;
      if (from instanceof HTMLInputElement && from.classList.contains('sop-faq-filter')) return false;
      return true;
    },
  });
  refresh();
}

function jumpTo(line: number): void {
  if (vscode) post({ type: 'revealLine', line });
  else scroll.scrollToLine(line);
}

document.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.classList.contains('sop-task')) return;
  if (vscode && writeBack) {
    pendingTicks.set(Number(box.dataset.offset), { checked: box.checked, version, at: Date.now() });
    post({ type: 'toggleTask', offset: Number(box.dataset.offset), checked: box.checked, version });
  } else {
    state.localTicks = readLocalTicks();
    saveState();
  }
  updateProgress();
});

document.addEventListener('input', (event) => {
  if (event.target instanceof HTMLInputElement && event.target.classList.contains('sop-faq-filter')) applyFaqFilter();
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (handleGuidedClick(target)) return;
  if (target.closest('[data-action="flow-zoom"]')) {
    flowActualSize = !flowActualSize;
    applyFlowZoom();
    return;
  }
  if (target.closest('[data-action="reset-checklist"]')) {
    if (vscode && writeBack) post({ type: 'resetChecklist' });
    else {
      for (const box of taskBoxes()) box.checked = false;
      state.localTicks = readLocalTicks();
      saveState();
      updateProgress();
    }
    return;
  }
  const jump = target.closest<HTMLElement | SVGElement>('[data-jump-line]');
  if (jump) {
    event.preventDefault();
    jumpTo(Number(jump.dataset.jumpLine));
    return;
  }
  const link = target.closest('a');
  const href = link?.getAttribute('href') ?? '';
  if (href.startsWith('#')) {
    if (revealFragment(fragmentId(href))) {
      event.preventDefault();
      if (!vscode) history.replaceState(null, '', href);
    }
  } else if (vscode && link && href) {
    event.preventDefault();
    if (/^(https?:|mailto:)/i.test(href)) post({ type: 'openLink', href });
    else if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) post({ type: 'openFile', path: href });
  }
});

document.addEventListener('keydown', (event) => {
  // SVG flowchart nodes are focusable "links": Enter or Space follows them.
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target;
  if (target instanceof SVGElement && target.dataset.jumpLine) {
    event.preventDefault();
    jumpTo(Number(target.dataset.jumpLine));
  }
});

window.addEventListener('message', (event) => {
  const message: unknown = event.data;
  if (!vscode || !isHostMessage(message)) return;
  switch (message.type) {
    case 'update':
      version = message.version;
      writeBack = message.writeBack;
      root.dataset.version = String(version);
      update(message.html);
      keepPendingTicks(version);
      updateProgress();
      break;
    case 'scrollToLine':
      scroll.scrollToLine(message.line, true);
      break;
    case 'resetLocalTicks':
      state.localTicks = undefined;
      for (const box of taskBoxes()) box.checked = false;
      saveState();
      updateProgress();
      break;
  }
});

// A printed SOP shows every answer, not just the ones opened on screen.
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details')) details.open = true;
});

window.addEventListener('hashchange', () => revealFragment(fragmentId(location.hash)));

refresh();
if (location.hash) revealFragment(fragmentId(location.hash));
// A page of another document starts at its own top, or where this document was read before.
else if (vscode) scroll.settle(state.line);
saveState();
post({ type: 'ready' });
