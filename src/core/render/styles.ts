/**
 * The preview's stylesheet, shared by the webview and the standalone file. Colours come from VS
 * Code's theme variables when present (light, dark, high contrast) with print-friendly fallbacks.
 */
export const PREVIEW_CSS = String.raw`
:root {
  --sop-fg: var(--vscode-editor-foreground, #1f2328);
  --sop-bg: var(--vscode-editor-background, #ffffff);
  --sop-muted: var(--vscode-descriptionForeground, #59636e);
  --sop-border: var(--vscode-panel-border, var(--vscode-widget-border, #d1d9e0));
  --sop-card: var(--vscode-editorWidget-background, #f6f8fa);
  --sop-accent: var(--vscode-textLink-foreground, #0969da);
  --sop-accent-fg: var(--vscode-button-foreground, #ffffff);
  --sop-button: var(--vscode-button-background, #0969da);
  --sop-button-hover: var(--vscode-button-hoverBackground, #0550ae);
  --sop-error: var(--vscode-editorError-foreground, #cf222e);
  --sop-warning: var(--vscode-editorWarning-foreground, #9a6700);
  --sop-info: var(--vscode-editorInfo-foreground, #0969da);
  --sop-ok: var(--vscode-testing-iconPassed, #1a7f37);
  --sop-focus: var(--vscode-focusBorder, #0969da);
  --sop-contrast: var(--vscode-contrastBorder, transparent);
  --sop-button2: var(--vscode-button-secondaryBackground, #e6eaef);
  --sop-button2-fg: var(--vscode-button-secondaryForeground, #1f2328);
  --sop-button2-hover: var(--vscode-button-secondaryHoverBackground, #d1d9e0);
  /* Text in a status colour. Themes pick those colours for icons and squiggles (light themes' green
     is about 2:1 on white), so light themes darken them for text; dark and high contrast use them as they are. */
  --sop-ok-text: var(--sop-ok);
  --sop-warning-text: var(--sop-warning);
  --sop-info-text: var(--sop-info);
  --sop-error-text: var(--sop-error);
  --sop-track: color-mix(in srgb, var(--sop-fg) 14%, var(--sop-bg));
  --sop-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
  --sop-mono: var(--vscode-editor-font-family, ui-monospace, "SFMono-Regular", Menlo, monospace);
  color-scheme: light dark;
}
* { box-sizing: border-box; }
body.vscode-light, body.vscode-high-contrast-light {
  --sop-ok-text: color-mix(in srgb, var(--sop-ok) 55%, #000);
  --sop-warning-text: color-mix(in srgb, var(--sop-warning) 60%, #000);
  --sop-info-text: color-mix(in srgb, var(--sop-info) 70%, #000);
  --sop-error-text: color-mix(in srgb, var(--sop-error) 80%, #000);
}
body { margin: 0; color: var(--sop-fg); background: var(--sop-bg); font: 15px/1.6 var(--sop-font); }
.sop-view { max-width: 56rem; margin: 0 auto; padding: 1.25rem 1.5rem 4rem; }
a { color: var(--sop-accent); }
:focus-visible { outline: 2px solid var(--sop-focus); outline-offset: 2px; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.4em 0 0.5em; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--sop-border); padding-bottom: 0.25rem; }
h3 { font-size: 1.12rem; }
code { font-family: var(--sop-mono); font-size: 0.9em; background: var(--sop-card); padding: 0.1em 0.3em; border-radius: 4px; }
pre { background: var(--sop-card); padding: 0.75rem 1rem; border-radius: 6px; overflow-x: auto; border: 1px solid var(--sop-contrast); }
pre code { background: none; padding: 0; }
blockquote { margin: 0.75rem 0; padding: 0.25rem 1rem; border-left: 4px solid var(--sop-border); color: var(--sop-muted); }
table { border-collapse: collapse; margin: 0.75rem 0; width: 100%; }
th, td { border: 1px solid var(--sop-border); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
th { background: var(--sop-card); }
img { max-width: 100%; height: auto; border-radius: 4px; }
button { font: inherit; }
[hidden] { display: none !important; }
.sop-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.sop-header { background: var(--sop-card); border: 1px solid var(--sop-border); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
.sop-format { margin: 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.75rem; color: var(--sop-muted); }
.sop-title { margin: 0.2rem 0 0.6rem; font-size: 1.7rem; }
.sop-meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.4rem 1.25rem; margin: 0; }
.sop-meta-row dt { font-size: 0.75rem; color: var(--sop-muted); }
.sop-meta-row dd { margin: 0; font-weight: 600; }
.sop-meta-empty { margin: 0; color: var(--sop-muted); }
.sop-badge { display: inline-block; padding: 0 0.5rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600; border: 1px solid currentColor; }
.sop-badge-error { color: var(--sop-error-text); }
.sop-badge-warning { color: var(--sop-warning-text); }
.sop-badge-info { color: var(--sop-info-text); margin-left: 0.3rem; }
.sop-badge-ok { color: var(--sop-ok-text); }
.sop-badge-none { color: var(--sop-muted); }
mark.sop-dangling { background: none; color: var(--sop-error-text); font-weight: 600; text-decoration: underline wavy var(--sop-error); }
.sop-status { text-transform: capitalize; }
.sop-status-draft, .sop-status-review { color: var(--sop-warning-text); }
.sop-status-approved { color: var(--sop-ok-text); }
.sop-status-retired { color: var(--sop-muted); text-decoration: line-through; }

.sop-lint { border: 1px solid var(--sop-border); border-radius: 8px; padding: 0.5rem 1rem; margin-bottom: 1rem; }
.sop-lint-clean { border-left: 4px solid var(--sop-ok); }
.sop-lint-clean p { margin: 0; color: var(--sop-ok-text); font-weight: 600; }
.sop-lint summary { cursor: pointer; }
.sop-lint-list { list-style: none; padding: 0; margin: 0.5rem 0 0; }
.sop-lint-item { padding: 0.15rem 0 0.15rem 0.75rem; border-left: 3px solid var(--sop-border); margin: 0.25rem 0; }
.sop-lint-error { border-left-color: var(--sop-error); }
.sop-lint-warning { border-left-color: var(--sop-warning); }
.sop-lint-info { border-left-color: var(--sop-info); }
.sop-lint-line { font-family: var(--sop-mono); font-size: 0.85em; color: var(--sop-muted); }
.sop-lint-rule { font-family: var(--sop-mono); font-size: 0.8em; color: var(--sop-muted); }
.sop-lint-more { margin: 0.5em 0 0; color: var(--sop-muted); font-size: 0.9em; }
.sop-missing, .sop-hint { color: var(--sop-muted); font-style: italic; }
.sop-image-blocked { display: inline-block; padding: 0.5rem 0.75rem; border: 1px dashed var(--sop-border); border-radius: 6px; color: var(--sop-muted); font-size: 0.9em; }

.sop-toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; padding: 0.6rem 0.9rem; border: 1px solid var(--sop-border); border-radius: 8px; background: var(--sop-card); position: sticky; top: 0; z-index: 1; }
.sop-button { cursor: pointer; padding: 0.3rem 0.85rem; border-radius: 4px; border: 1px solid var(--sop-contrast); background: var(--sop-button); color: var(--sop-accent-fg); }
.sop-button:hover { background: var(--sop-button-hover); }
.sop-button:disabled { opacity: 0.5; cursor: default; }
.sop-button-secondary { background: var(--sop-button2); color: var(--sop-button2-fg); border-color: var(--sop-contrast); }
.sop-button-secondary:hover { background: var(--sop-button2-hover); }
.sop-button-secondary:disabled:hover { background: var(--sop-button2); }

.sop-progress { display: flex; align-items: center; gap: 0.6rem; flex: 1; min-width: 12rem; }
/* Drawn by hand: the browser's own bar puts a dark track under a light fill, which reads backwards. */
.sop-progress progress { flex: 1; height: 0.7rem; appearance: none; border: 1px solid var(--sop-contrast); border-radius: 999px; overflow: hidden; background: var(--sop-track); }
.sop-progress progress::-webkit-progress-bar { background: var(--sop-track); }
.sop-progress progress::-webkit-progress-value { background: var(--sop-ok-text); }
.sop-progress progress::-moz-progress-bar { background: var(--sop-ok-text); }
.sop-progress-label { font-size: 0.85rem; color: var(--sop-muted); white-space: nowrap; }
.sop-progress-complete .sop-progress-label { color: var(--sop-ok-text); font-weight: 600; }
.sop-phase { border: 1px solid var(--sop-border); border-radius: 8px; padding: 0 1rem 0.5rem; margin: 1rem 0; }
.sop-phase > h2, .sop-phase > h3, .sop-phase > h4 { border: none; margin-top: 0.8rem; }
.sop-phase > .sop-progress { margin-bottom: 0.4rem; }
.contains-task-list { list-style: none; padding-left: 0.25rem; }
.task-list-item { margin: 0.3rem 0; padding-left: 1.6rem; text-indent: -1.6rem; }
.task-list-item > * { text-indent: 0; }
.sop-task { width: 1.05rem; height: 1.05rem; margin: 0 0.55rem 0 0; vertical-align: -0.15rem; accent-color: var(--sop-ok); cursor: pointer; }
.sop-task-item:has(.sop-task:checked) { color: var(--sop-muted); text-decoration: line-through; }

.sop-faq-filter-label { display: flex; gap: 0.5rem; align-items: center; flex: 1; }
.sop-faq-filter { flex: 1; min-width: 10rem; padding: 0.35rem 0.6rem; border-radius: 4px; font: inherit;
  color: var(--vscode-input-foreground, inherit); background: var(--vscode-input-background, var(--sop-bg)); border: 1px solid var(--vscode-input-border, var(--sop-border)); }
.sop-faq-count { font-size: 0.85rem; color: var(--sop-muted); }
.sop-faq-index { margin: 0.75rem 0 1rem; }
.sop-faq-index ol { columns: 2 18rem; margin: 0; padding-left: 1.5rem; }
.sop-faq-entry { border: 1px solid var(--sop-border); border-radius: 8px; margin: 0.5rem 0; padding: 0 1rem; }
.sop-faq-entry[open] { padding-bottom: 0.5rem; }
.sop-faq-question { cursor: pointer; font-weight: 600; padding: 0.6rem 0; }
.sop-faq-permalink { font-size: 0.8rem; }

.sop-guided, .sop-flow { border: 1px solid var(--sop-border); border-radius: 8px; padding: 0 1rem 1rem; margin: 1rem 0; }
.sop-guided > h2, .sop-flow > h2 { border: none; margin-top: 0.8rem; }
.sop-guided-breadcrumb ol { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0 0 0.75rem; }
.sop-crumb { display: flex; align-items: baseline; gap: 0.25rem; min-width: 0; }
.sop-crumb + .sop-crumb::before { content: "›"; color: var(--sop-muted); flex: none; }
.sop-crumb-button { background: none; border: none; color: var(--sop-accent); cursor: pointer; padding: 0; text-align: left; }
.sop-crumb-button[aria-current] { color: var(--sop-fg); font-weight: 600; }
.sop-guided-stage { border-radius: 6px; background: var(--sop-card); padding: 0.75rem 1rem; margin-bottom: 0.75rem; }
.sop-guided-step { margin: 0; font-weight: 700; font-size: 1.05rem; }
.sop-guided-question { margin: 0.25rem 0 0.75rem; }
.sop-guided-choices { display: flex; flex-direction: column; gap: 0.4rem; align-items: flex-start; margin-bottom: 0.5rem; }
.sop-guided-choice { text-align: left; }
.sop-guided-kicker { margin: 0; text-transform: uppercase; font-size: 0.75rem; letter-spacing: 0.06em; color: var(--sop-muted); }
.sop-guided-outcome { margin: 0.25rem 0 0.5rem; font-size: 1.1rem; font-weight: 600; }
.sop-guided-result { border-left: 4px solid var(--sop-ok); padding-left: 0.75rem; }
.sop-guided-result-missing, .sop-guided-result-none { border-left-color: var(--sop-error); }
.sop-guided-result-missing .sop-guided-outcome { color: var(--sop-error-text); }
.sop-guided-source { font-size: 0.85rem; }
.sop-guided-controls { display: flex; gap: 0.5rem; }
.sop-guided-continue { display: block; margin: 0.25rem 0 0.5rem; }
.sop-guided-broken { margin: 0 0 0.5rem; color: var(--sop-error-text); font-weight: 600; }
.sop-flow-warning { color: var(--sop-error-text); }
.sop-flow-too-big { color: var(--sop-muted, inherit); font-style: italic; }
.sop-flow-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
.sop-flow-head h2 { border: none; margin-top: 0.8rem; }
.sop-button-quiet { background: none; color: var(--sop-accent); border: 1px solid var(--sop-border); }
.sop-button-quiet:hover { background: var(--sop-card); }
.sop-flow-scroll { overflow: auto; }
.sop-flow-actual .sop-flow-scroll { max-height: 85vh; }
.sop-flow-actual .sop-flowchart { max-width: none; }
.sop-flowchart { display: block; margin: 0 auto; max-width: 100%; height: auto; font: 13px var(--sop-font); }
.sop-flow-node rect { fill: var(--sop-card); stroke: var(--sop-accent); stroke-width: 1.5; }
.sop-flow-node text { fill: var(--sop-fg); }
.sop-flow-step { cursor: pointer; }
.sop-flow-step text { font-weight: 600; }
.sop-flow-step:focus-visible rect, .sop-flow-step:hover rect { stroke-width: 3; }
.sop-flow-action rect { stroke: var(--sop-ok); }
.sop-flow-open rect { stroke: var(--sop-warning); stroke-dasharray: 4 3; }
.sop-flow-missing rect { stroke: var(--sop-error); stroke-width: 2; stroke-dasharray: 6 3; }
.sop-flow-missing text { fill: var(--sop-error-text); font-weight: 600; }
.sop-flow-edge path { stroke: var(--sop-muted); stroke-width: 1.4; }
.sop-flow-edge-return path { stroke-dasharray: 6 4; }
.sop-flow-edge-next path { stroke-dasharray: 2 3; }
.sop-flow-edge-missing path { stroke: var(--sop-error); stroke-width: 2; }
.sop-flow-edge-label { fill: var(--sop-muted); font-size: 11px; paint-order: stroke; stroke: var(--sop-bg); stroke-width: 4px; stroke-linejoin: round; }
.sop-flow-arrow { fill: var(--sop-muted); }
.sop-flow-node.sop-flow-on-path rect { stroke: var(--sop-focus); stroke-width: 3; }
.sop-flow-node.sop-flow-here rect { stroke: var(--sop-focus); stroke-width: 4; stroke-dasharray: none; }
.sop-flow-edge.sop-flow-on-path path { stroke: var(--sop-focus); stroke-width: 3; }
.sop-flow-arrow-error { fill: var(--sop-error); }

.sop-step-cards { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: 0.9rem; }
.sop-step-card { display: grid; grid-template-columns: 2.5rem 1fr; gap: 0.9rem; border: 1px solid var(--sop-border); border-radius: 10px; padding: 1rem; background: var(--sop-card); }
.sop-step-number { width: 2.5rem; height: 2.5rem; border-radius: 50%; display: grid; place-items: center; font-weight: 700; background: var(--sop-button); color: var(--sop-accent-fg); }
.sop-step-title { margin: 0.35rem 0 0.4rem; }
.sop-step-content > :last-child { margin-bottom: 0; }
.sop-revisions td:first-child { white-space: nowrap; }

body.vscode-high-contrast .sop-header, body.vscode-high-contrast .sop-phase, body.vscode-high-contrast .sop-step-card { border-color: var(--sop-contrast); }
@media (prefers-color-scheme: dark) {
  body.sop-standalone { --sop-fg: #e6edf3; --sop-bg: #0d1117; --sop-muted: #9198a1; --sop-border: #3d444d; --sop-card: #151b23; --sop-accent: #4493f8; --sop-button: #1f6feb; --sop-button-hover: #388bfd; --sop-error: #f85149; --sop-warning: #d29922; --sop-ok: #3fb950; }
}
@media print {
  body, body.sop-standalone { --sop-fg: #000; --sop-bg: #fff; --sop-card: #fff; --sop-muted: #444; --sop-border: #999; }
  .sop-toolbar, .sop-guided, .sop-faq-toolbar, .sop-guided-controls, .sop-faq-permalink, .sop-button { display: none !important; }
  .sop-flow-actual .sop-flowchart { max-width: 100%; }
  .sop-view { max-width: none; padding: 0; }
  details > *:not(summary) { display: block; }
  .sop-phase, .sop-step-card, .sop-faq-entry, .sop-flow { break-inside: avoid; }
  .sop-toolbar { position: static; }
}
`;
