/**
 * One self-contained HTML file: the view, its stylesheet and the interactive script inlined, and
 * a Content-Security-Policy that lets only that nonce'd script and style run. Nothing is fetched:
 * it works offline, and printing it (or "Save as PDF") gives a clean paper copy.
 */
import type { LintMessage, SopDocument } from '../types.js';
import { buildSopDocument } from '../model/build.js';
import { lintDocument } from '../lint/lint.js';
import { renderSopBody } from './view.js';
import { escapeHtml } from '../display.js';
import type { ImageResolver } from './markdown.js';
import { PREVIEW_CSS } from './styles.js';
import { WEBVIEW_SCRIPT } from './webview-script.generated.js';

export interface StandaloneOptions {
  /** The page title; the SOP's title when omitted. */
  title?: string;
  /** Messages for the summary at the top; the SOP is linted with default settings when omitted. */
  lint?: LintMessage[];
  /** YYYY-MM-DD clock for review dates; today when omitted. */
  today?: string;
  /** Maps a local image path to a URL to embed (the CLI passes data: URLs); kept as written when omitted. */
  resolveImage?: ImageResolver;
  /**
   * The model the caller already built (with its format override and team schema) for the same
   * text; the text is parsed with default settings when omitted.
   */
  doc?: SopDocument;
}

/** 128 random bits, base64: a fresh nonce for each file. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}


export function standaloneCsp(nonce: string): string {
  return [
    "default-src 'none'",
    // Local images next to the file and inlined ones; remote images are removed by the renderer.
    "img-src 'self' data: file:",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderStandaloneHtml(text: string, options: StandaloneOptions = {}): string {
  const doc = options.doc ?? buildSopDocument(text);
  const lint = options.lint ?? lintDocument(doc, { today: options.today });
  const body = renderSopBody(doc, { lint, today: options.today, resolveImage: options.resolveImage });
  const title = options.title ?? doc.title?.text ?? 'SOP';
  const nonce = createNonce();
  // The bundle is inlined; "</script" cannot occur in it (the generator checks), so it cannot end the element early.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${standaloneCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sopkit">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${PREVIEW_CSS}</style>
</head>
<body class="sop-standalone">
<main id="sop-root" data-version="0">${body}</main>
<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>
</body>
</html>
`;
}
