// Questions about what the window shows, answered by scripts/run-web-tests.mjs (startUiProbe):
// the suite runs in a web worker and cannot see the workbench's DOM itself.
declare const SOPKIT_WEB_UI_URL: string;

export interface WebviewText {
  found: boolean;
  /** The text of the last non-empty webview frame seen. */
  text: string;
}

/** Waits (up to 15 s, in the runner) for a webview showing every string; saves test-output/web/<screenshot>.png. */
export async function webviewText(expect: string[], screenshot?: string): Promise<WebviewText> {
  const query = new URLSearchParams({ expect: JSON.stringify(expect), ...(screenshot ? { screenshot } : {}) });
  const response = await fetch(`${SOPKIT_WEB_UI_URL}/webview-text?${query}`);
  if (!response.ok) throw new Error(`the runner's UI probe answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as WebviewText;
}
