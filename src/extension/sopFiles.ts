/**
 * Which documents are SOPs: Markdown whose path matches `sopkit.files`, or whose front matter says
 * `format: …` or `sop: true`. Everything else (a README, notes) is left to other Markdown tools.
 */
import * as vscode from 'vscode';
import { globMatcher } from '../core/index.js';

export const DEFAULT_SOP_GLOBS = ['**/*.sop.md', '**/sops/**/*.md', '**/SOPs/**/*.md'];

/** Schemes whose documents are views of something else (diffs, output, chat blocks): never linted. */
const IGNORED_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'debug', 'walkThrough', 'walkThroughSnippet', 'vscode-chat-code-block', 'comment', 'review', 'pr']);

/** Front matter is read only from the start of the file; a marker further down does not count. */
const FRONT_MATTER_WINDOW = 64 * 1024;

/** True when the text opens with a front-matter block that declares `format:` or `sop: true`. */
export function hasSopFrontMatter(text: string): boolean {
  const head = text.slice(0, FRONT_MATTER_WINDOW).replace(/^\uFEFF/, '');
  const open = /^---[ \t]*\r?\n/.exec(head);
  if (!open) return false;
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(head.slice(open[0].length));
  const block = close ? head.slice(open[0].length, open[0].length + close.index) : '';
  return /^format[ \t]*:[ \t]*["']?[A-Za-z]/m.test(block) || /^sop[ \t]*:[ \t]*(?:true|yes|on)[ \t]*(?:#.*)?$/im.test(block);
}

export function isMarkdownPath(path: string): boolean {
  return /\.(?:md|markdown|mdown|mkd)$/i.test(path);
}

export class SopFileMatcher implements vscode.Disposable {
  /** `sopkit.files` is resource-scoped: one matcher per workspace folder ('' outside any). */
  private readonly matchers = new Map<string, { globs: string[]; match: (path: string) => boolean }>();
  private readonly subscription: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sopkit.files')) { this.matchers.clear(); this.changed.fire(); }
    });
  }

  /** The globs in effect for `uri` (its workspace folder's setting). */
  patterns(uri?: vscode.Uri): readonly string[] {
    return this.matcherFor(uri).globs;
  }

  private matcherFor(uri?: vscode.Uri) {
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let matcher = this.matchers.get(key);
    if (!matcher) {
      const configured = vscode.workspace.getConfiguration('sopkit', folder?.uri ?? null).get<unknown>('files');
      const globs = Array.isArray(configured) ? configured.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : DEFAULT_SOP_GLOBS;
      matcher = { globs, match: globMatcher(globs) };
      this.matchers.set(key, matcher);
    }
    return matcher;
  }

  /** True when the path (relative to its workspace folder, or absolute outside one) matches `sopkit.files`. */
  matchesGlobs(uri: vscode.Uri): boolean {
    const { match } = this.matcherFor(uri);
    const relative = vscode.workspace.asRelativePath(uri, false);
    return match(relative) || match(uri.path.replace(/^\//, ''));
  }

  isLintable(uri: vscode.Uri): boolean {
    return !IGNORED_SCHEMES.has(uri.scheme);
  }

  isSopDocument(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown' || !this.isLintable(document.uri)) return false;
    return this.matchesGlobs(document.uri) || hasSopFrontMatter(document.getText(new vscode.Range(0, 0, 400, 0)));
  }

  /** For files that are not open: the glob test first, then a look at the front matter. */
  isSopText(uri: vscode.Uri, text: string): boolean {
    return isMarkdownPath(uri.path) && (this.matchesGlobs(uri) || hasSopFrontMatter(text));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
