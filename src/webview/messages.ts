/**
 * Every message between the extension host and the preview webview, in one place. Both sides
 * validate what arrives with the guards below: a webview is a web page, and the host must not
 * trust its messages any more than the page trusts the host's.
 */

/** Host → webview. */
export type HostMessage =
  | { type: 'update'; html: string; version: number; writeBack: boolean }
  | { type: 'scrollToLine'; line: number }
  | { type: 'resetLocalTicks' };

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'toggleTask'; offset: number; checked: boolean; version: number }
  | { type: 'resetChecklist' }
  | { type: 'revealLine'; line: number }
  | { type: 'didScroll'; line: number }
  | { type: 'openLink'; href: string }
  /** A relative link in the SOP (another SOP, a policy file): opened in the editor. */
  | { type: 'openFile'; path: string };

/** What the webview keeps across reloads (vscode.setState) so a restored panel comes back the same. */
export interface PreviewState {
  uri: string;
  locked: boolean;
  line?: number;
  /** Ticks made in the preview while write-back is off, keyed by item text and occurrence. */
  localTicks?: Record<string, boolean>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 31;
const isLine = (value: unknown): value is number => isCount(value) && value >= 1;

export function isHostMessage(value: unknown): value is HostMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'update': return typeof value.html === 'string' && isCount(value.version) && typeof value.writeBack === 'boolean';
    case 'scrollToLine': return isLine(value.line);
    case 'resetLocalTicks': return true;
    default: return false;
  }
}

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'ready':
    case 'resetChecklist':
      return true;
    case 'toggleTask': return isCount(value.offset) && typeof value.checked === 'boolean' && isCount(value.version);
    case 'revealLine':
    case 'didScroll':
      return isLine(value.line);
    case 'openLink': return typeof value.href === 'string' && /^(https?:|mailto:)/i.test(value.href) && value.href.length < 4096;
    case 'openFile': return typeof value.path === 'string' && value.path.length > 0 && value.path.length < 1024 && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value.path);
    default: return false;
  }
}

export function isPreviewState(value: unknown): value is PreviewState {
  return isObject(value) && typeof value.uri === 'string' && typeof value.locked === 'boolean'
    && (value.line === undefined || isLine(value.line))
    && (value.localTicks === undefined || (isObject(value.localTicks) && Object.values(value.localTicks).every((v) => typeof v === 'boolean')));
}
