/**
 * What the extension needs only once a person opens the preview, runs a New SOP command or asks
 * for policy completion: the renderer (with its HTML parser and sanitizer), the flowchart layout
 * and the SOP generators with their catalogues. In the desktop build this is its own bundle,
 * dist/heavy.cjs, loaded on first use (load.ts), so activation does not pay for half the code.
 */
export { renderSopBody, PREVIEW_CSS } from '../../core/render/index.js';
export { createNonce } from '../../core/render/standalone.js';
export { planTaskToggle, resetChecklistEdits } from '../../core/render/checklist-edits.js';
export { generateSopDraft, listPolicies, listSectors, listTones, WizardError } from '../../core/generate/wizard.js';
export { fillTemplate, listTemplates, parseTemplateSource, TemplateError } from '../../core/generate/templates.js';
export { toneCatalogue } from '../../core/generate/policies.js';
