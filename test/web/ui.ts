// Questions about what the window shows, answered by scripts/run-web-tests.mjs (startUiProbe):
// the suite runs in a web worker and cannot see the workbench's DOM itself.
declare const SOPKIT_WEB_UI_URL: string;

export interface ShownText {
  found: boolean;
  /** What was there at the end of the wait (for the failure message). */
  text: string;
}

async function ask(path: string, params: Record<string, string>): Promise<ShownText> {
  const response = await fetch(`${SOPKIT_WEB_UI_URL}${path}?${new URLSearchParams(params)}`);
  if (!response.ok) throw new Error(`the runner's UI probe answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ShownText;
}

const screenshotParam = (name?: string): Record<string, string> => (name ? { screenshot: name } : {});

/** Waits (up to 15 s, in the runner) for a webview showing every string; saves test-output/web/<screenshot>.png. */
export function webviewText(expect: string[], screenshot?: string): Promise<ShownText> {
  return ask('/webview-text', { expect: JSON.stringify(expect), ...screenshotParam(screenshot) });
}

/** Waits (up to 15 s, in the runner) for the workbench elements matching `selector` to show every string. */
export function workbenchText(selector: string, expect: string[], screenshot?: string): Promise<ShownText> {
  return ask('/workbench-text', { selector, expect: JSON.stringify(expect), ...screenshotParam(screenshot) });
}
