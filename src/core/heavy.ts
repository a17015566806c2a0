/**
 * The core's second door: the renderer (HTML parser, sanitizer, flowchart layout) and the SOP
 * generators with their catalogues. The extension bundles this half apart and loads it only
 * when a preview opens or a New SOP command runs (src/extension/heavy/); the CLI imports it
 * directly. Light parts of the core are behind index.ts.
 */
export { renderSopBody, renderStandaloneHtml, createNonce, PREVIEW_CSS } from './render/index.js';
export { planTaskToggle, resetChecklistEdits } from './render/checklist-edits.js';
export { generateSopDraft, listPolicies, listSectors, listTones, WizardError, type WizardAnswers } from './generate/wizard.js';
export { draftFromTemplate, listTemplates, parseTemplateSource, TemplateError, type TemplateAnswers, type TemplateInfo, type TemplateSource } from './generate/templates.js';
export { toneCatalogue } from './generate/policies.js';
export { buildReport, isSopkitReport, renderReport, reportRow, REFERENCE_RULE_ID, REPORT_FORMATS, type LibraryReport, type ReportFormat, type ReportRow } from './report/index.js';
