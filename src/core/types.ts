/**
 * The shared vocabulary of sopkit's core. Every shell (extension, CLI, preview, web worker)
 * speaks in these types; nothing here depends on Node or on `vscode`.
 */
import type { Root, Nodes } from 'mdast';

/** 1-based line and column, 0-based offset into the document text (UTF-16 code units). */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Position;
  /** Exclusive end. */
  end: Position;
}

export const SOP_FORMATS = ['article', 'guide', 'workflow', 'faq', 'checklist'] as const;
export type SopFormat = (typeof SOP_FORMATS)[number];

/** Canonical section ids, in the schema's canonical order (see schemas/sop.schema.json). */
export type SectionId = string;

export interface FrontMatterKey {
  key: string;
  keyRange: Range;
  valueRange: Range;
}

export interface YamlProblem {
  message: string;
  range: Range;
  /** A fix a person may choose (close a quote, quote a value): offered as a quick fix, never applied by --fix. */
  fix?: Fix;
}

export interface FrontMatter {
  /** True when the document starts with a `---` block (even an empty or broken one). */
  present: boolean;
  /** The parsed mapping, or null when absent, not a mapping, or unparseable. */
  data: Record<string, unknown> | null;
  /** The whole block including both fences. */
  range?: Range;
  /** Top-level keys with their source ranges, in document order. */
  keys: FrontMatterKey[];
  errors: YamlProblem[];
}

export interface Heading {
  /** Plain text of the heading as written (markup stripped). */
  text: string;
  depth: number;
  range: Range;
}

export interface Section {
  heading: Heading;
  /** Heading text with numbering, bold markers, emoji and trailing colons removed. */
  title: string;
  /** Canonical ids this section satisfies (several for combined headings such as "Purpose and Scope"). */
  canonical: SectionId[];
  /** How the canonical id was found: a heading alias, or the body looked like steps. */
  recognisedBy: 'heading' | 'content' | 'none';
  /** For a heading match: the part's own name ("Purpose"), an alias ("Objectives"), or a word or cue among other words ("Customer Complaint Handling Procedure"). */
  matchedBy?: 'heading' | 'alias' | 'word';
  /** A Markdown heading, or a paragraph labelled with a section name ("**Purpose:** …"). */
  kind?: 'heading' | 'label';
  /** From the heading's start to just before the next heading of the same or higher level. */
  range: Range;
  /** From the end of the heading line to the end of the section. */
  bodyRange: Range;
  /** The mdast nodes of the body (excluding nested sections' headings are still included). */
  body: Nodes[];
  /** Index of the parent section in `SopDocument.sections`, or -1 for top-level. */
  parent: number;
}

export type BranchOutcomeKind = 'action' | 'proceed' | 'return';

export interface Branch {
  /** The "If:" text. */
  condition: string;
  conditionRange: Range;
  /** The outcome text ("Take Action: …"), if any. */
  outcome?: string;
  outcomeRange?: Range;
  outcomeKind?: BranchOutcomeKind;
  /** Step number the outcome leads to (Proceed to / Return to Step N). */
  target?: number;
}

export interface StepReference {
  /** The verb as written: "Proceed", "Return", "Go", "Move", "Continue", "Skip", "Jump". */
  verb: string;
  target: number;
  range: Range;
  /** Index of the step that contains the reference, or -1 when outside any step. */
  fromStep: number;
}

export interface Step {
  /** The number as written ("Step 3", "3."), or null when unnumbered. */
  number: number | null;
  /** 1-based position among the document's steps. */
  ordinal: number;
  title: string;
  /** Where the step came from: a numbered list item or a step heading. */
  kind: 'list-item' | 'heading' | 'paragraph';
  /** Steps in one numbered list (or one run of step headings) share a sequence id; numbering is checked per sequence. */
  sequence: number;
  range: Range;
  /** Range of the number itself, for renumbering fixes. */
  numberRange?: Range;
  /** "Condition:" texts within the step. */
  conditions: { text: string; range: Range }[];
  branches: Branch[];
  /** Images inside the step (guides). */
  images: { url: string; alt: string; range: Range }[];
  body: Nodes[];
}

export interface ChecklistItem {
  checked: boolean;
  text: string;
  range: Range;
  /** Range of the `[ ]` / `[x]` marker. */
  markerRange: Range;
  /** Title of the nearest heading above the item (the phase), or '' when none. */
  group: string;
  groupLine: number;
}

export interface PlainListItemInChecklist {
  text: string;
  range: Range;
  /** Offset right after the list bullet and its space: where `[ ] ` would be inserted. */
  insertOffset: number;
}

export interface FaqPair {
  question: string;
  questionRange: Range;
  /** Answer text (plain), '' when missing. */
  answer: string;
  answerRange?: Range;
  /** Slug for deep links, unique within the document. */
  slug: string;
}

export interface RevisionEntry {
  /** ISO date (YYYY-MM-DD) when parseable; month-only dates use the first of the month. */
  date?: string;
  dateText: string;
  /** Precision of the parsed date. */
  datePrecision?: 'day' | 'month' | 'year';
  version?: string;
  description: string;
  author?: string;
  range: Range;
}

/**
 * What served one part of the document, and how it was recognised: a heading with the part's
 * name, an alias or word in a heading, content that does the part's job, or a front-matter key.
 */
export interface PartRecognition {
  part: string;
  how: 'heading' | 'alias' | 'content' | 'front-matter';
  /** The heading as written, or the first words of the line that served the part. */
  text: string;
  range: Range;
  /** Index into `SopDocument.sections` when a section served the part. */
  section?: number;
}

export interface SopDocument {
  text: string;
  tree: Root;
  frontMatter: FrontMatter;
  title?: { text: string; range: Range; source: 'frontmatter' | 'heading' };
  format: SopFormat;
  formatSource: 'frontmatter' | 'inferred';
  /** Why this format applied, in the user's words ("front matter says format: faq", "12 task-list items"). */
  formatReason: string;
  /** All sections (every heading), in document order. */
  sections: Section[];
  steps: Step[];
  stepReferences: StepReference[];
  checklist: ChecklistItem[];
  /** Plain list items that sit among checklist items (candidates for the checklist-item rule). */
  plainItemsInChecklists: PlainListItemInChecklist[];
  faq: FaqPair[];
  revisions: RevisionEntry[];
  /** Index of the revision-history section in `sections`, or -1. */
  revisionSection: number;
  /** Offsets where each line starts (index 0 = line 1). */
  lineStarts: number[];
  /** Every part the document serves, once each, in canonical order (title first). */
  parts: PartRecognition[];
  /** The language whose section words were read besides English, and where that came from. */
  language: { lang: string; source: 'front-matter' | 'detected' | 'default' };
}

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  /** Offset into the document text. */
  offset: number;
  /** Number of characters replaced (0 for an insertion). */
  length: number;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Docs page of the rule. */
  url: string;
  /** A safe fix (used by --fix, quick fixes and fix-all). */
  fix?: Fix;
  /** Further, non-automatic fixes offered only as quick fixes. */
  suggestions?: Fix[];
}

/** One part the document serves, as the CLI's `--format json` and the editor report it. */
export interface RecognisedSection {
  part: string;
  how: PartRecognition['how'];
  /** The heading as written, the first words of the line, or the front-matter key and value. */
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LintResult {
  format: SopFormat;
  formatSource: 'frontmatter' | 'inferred';
  formatReason: string;
  messages: LintMessage[];
  /** What served each part the document has (title, purpose, scope…), and how it was recognised. */
  sections: RecognisedSection[];
}
