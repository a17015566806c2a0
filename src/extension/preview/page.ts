/**
 * The webview page shell: a strict CSP (default-src 'none'), a fresh nonce for every page, the
 * stylesheet inline under that nonce, and the one script loaded from the extension's dist folder.
 */
import * as vscode from 'vscode';
import { heavy } from '../heavy/load.js';

export interface PageInput {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  body: string;
  version: number;
  uri: string;
  locked: boolean;
  writeBack: boolean;
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function previewCsp(webview: vscode.Webview, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewPage(input: PageInput): string {
  const { createNonce, PREVIEW_CSS } = heavy();
  const nonce = createNonce();
  const script = input.webview.asWebviewUri(vscode.Uri.joinPath(input.extensionUri, 'dist', 'webview', 'preview.js'));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${previewCsp(input.webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${PREVIEW_CSS}</style>
</head>
<body>
<main id="sop-root" data-version="${input.version}" data-uri="${attr(input.uri)}" data-locked="${input.locked}" data-write-back="${input.writeBack}">${input.body}</main>
<script nonce="${nonce}" src="${attr(script.toString())}"></script>
</body>
</html>`;
}
