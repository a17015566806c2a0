/** What the library index holds about each SOP: read off its text alone, no file system. */

/** An id-shaped token in the text ("CS-014"): a reference when the library uses its prefix. */
export interface IdToken {
  text: string;
  /** The token without its trailing digits ("CS-"); undefined for a match of the configured pattern only. */
  prefix?: string;
  digits?: string;
  /** True when the library's configured id pattern matched it. */
  configured?: boolean;
  /** Offsets into the text (end exclusive). */
  start: number;
  end: number;
}

/** A relative Markdown link or link reference definition: `[text](../x.md#part)`. */
export interface LinkReference {
  /** The destination as written. */
  destination: string;
  /** The decoded path part; '' for a link to a heading of the same file (`#part`). */
  path: string;
  /** The decoded part after `#`, when there is one. */
  fragment?: string;
  start: number;
  end: number;
}

export interface HeadingEntry {
  text: string;
  depth: number;
  /** 1-based. */
  line: number;
  /** The anchor a Markdown host gives the heading (GitHub style, with -1, -2 for repeats). */
  slug: string;
}

export interface LibraryEntry {
  /** Normalised absolute path, forward slashes. */
  path: string;
  /** The front-matter id as written; undefined when absent or not a string or number. */
  id?: string;
  /** Why a present `id` is not usable ("a list", "empty"). */
  idProblem?: string;
  title?: string;
  status?: string;
  version?: string;
  owner?: string;
  approvedBy?: string;
  approvedOn?: string;
  effective?: string;
  supersedes: string[];
  supersededBy: string[];
  headings: HeadingEntry[];
  /** Explicit anchors (`<a id="x">`, `<a name="x">`), lower-cased. */
  anchors: string[];
  links: LinkReference[];
  tokens: IdToken[];
  /** False for a file the configuration does not lint (`ignore`): it still resolves references. */
  lintable: boolean;
}

/** What a link target that is no entry of the index is, as the shell found it. */
export type PathKind = 'file' | 'folder' | 'missing' | 'outside';

export interface LibrarySettings {
  /** The folder the library belongs to (its config root). */
  root: string;
  /** Links that leave this folder are not followed (the workspace or repository). Defaults to root. */
  workspace?: string;
  /** A regular expression (JavaScript syntax, run linear-time) for ids beyond the learned prefixes. */
  idPattern?: string;
}
