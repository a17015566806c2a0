/**
 * The core's front door: everything the shells (CLI, VS Code extension, bench, scripts) may use,
 * and nothing else, so the core can reorganise behind it. What only the preview and the
 * generators need is behind the second door, heavy.ts, which the extension loads on first use.
 * test/unit/core/boundaries.test.ts fails when a shell reaches past these two files.
 */
export { lint, lintWithModel } from './lint/lint.js';
export { applyEdits, fixText } from './lint/fix.js';
export { sectionsToAdd, type SectionToAdd } from './lint/edits.js';
export { disableForFileEdit, disableForLineEdit } from './lint/disable.js';
export { rules, ruleDocsUrl } from './lint/rules/index.js';
export { parseMarkdown } from './parse/parse.js';
export { createPieceCache, type PieceCache } from './parse/pieces.js';
export { frontMatterFence, type FrontMatterFence } from './parse/front-matter-fence.js';
export { buildSopDocument } from './model/build.js';
export { explainLine, recognitionLenses, type RecognitionLens } from './model/explain.js';
export { frontMatterFields, requiredSections, sectionCatalogue } from './schema.js';
export { CONFIG_FILE_NAMES, ConfigResolver, formatConfigProblem, type ConfigHost, type FileConfig } from './config/resolver.js';
export { globMatcher, ignoredBy } from './config/globs.js';
export { isIsoDate, todayIso } from './dates.js';
export { clip, terminalText, wellFormed } from './display.js';
export type { LintOptions, TeamSchema } from './options.js';
export { asciiSlug } from './text.js';
export { SOP_FORMATS, type PartRecognition, type RecognisedSection, type Fix, type LintMessage, type LintResult, type Range, type Severity, type SopDocument, type SopFormat, type TextEdit } from './types.js';
export { canonicalHeadingFixes, type CanonicalHeadingFix } from './lint/canonical-heading.js';
export { LibraryIndex, type LibrarySnapshot } from './library/library-index.js';
export { LIBRARY_RULE_IDS, needsLibrary } from './library/needs-library.js';
export type { HeadingEntry, IdToken, LibraryEntry, LibrarySettings, LinkReference, PathKind } from './library/types.js';
export { frontMatterEnd } from './library/fields.js';
