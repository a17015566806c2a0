/**
 * What the extension needs only once a person opens the preview, runs a New SOP command or asks
 * for policy completion: the renderer (with its HTML parser and sanitizer), the flowchart layout
 * and the SOP generators with their catalogues. In the desktop build this is its own bundle,
 * dist/heavy.cjs, loaded on first use (load.ts), so activation does not pay for half the code.
 * Named one by one, so the bundle holds only what the extension calls (not the standalone page).
 */
export {
  renderSopBody, PREVIEW_CSS, createNonce, planTaskToggle, resetChecklistEdits,
  generateSopDraft, listPolicies, listSectors, listTones, WizardError,
  draftFromTemplate, listTemplates, parseTemplateSource, TemplateError, toneCatalogue,
} from '../../core/heavy.js';
