/**
 * SOP → HTML, the way the people who follow the SOP will read it. Pure: runs in the extension
 * host, the CLI and a browser worker. `renderSopBody` gives the fragment the webview shows;
 * `renderStandaloneHtml` gives one self-contained, print-ready file.
 */
export { renderSopBody, renderSopTree, type RenderOptions } from './view.js';
export { renderStandaloneHtml, createNonce, standaloneCsp, type StandaloneOptions } from './standalone.js';
export { PREVIEW_CSS } from './styles.js';
export { reviewStatus } from './header.js';
export type { ImageResolver } from './markdown.js';
export type { GuidedData, GuidedStep, GuidedBranch } from '../../contracts/guided-walk.js';
