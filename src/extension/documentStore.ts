/**
 * The one per-document store every editor feature reads: for each open SOP its last lint (version,
 * text, options, result, model), its piece cache and, for versions not linted yet, the model the
 * language features and the preview asked for. It lints an SOP when it opens and, debounced, as it
 * is edited, and publishes the result as diagnostics. A lint whose document changed or closed
 * meanwhile is dropped (never published), so what the Problems panel shows always belongs to the
 * text on screen.
 *
 * "Closed" means the last editor tab showing the document closed: VS Code keeps the document
 * itself alive for a while after that (onDidCloseTextDocument may come minutes later), so tabs are
 * watched too; a document whose tabs all closed is not linted again until it is shown or reopened.
 */
import * as vscode from 'vscode';
import { buildSopDocument, lintWithModel, createPieceCache, type PieceCache, type LintOptions, type LintResult, type SopDocument } from '../core/index.js';
import type { ConfigService } from './config.js';
import { toDiagnostic } from './convert.js';
import { logError } from './log.js';
import type { SopFileMatcher } from './sopFiles.js';

export interface LintSnapshot {
  version: number;
  text: string;
  options: LintOptions;
  result: LintResult;
  /** The model the lint built, for the preview to render without parsing the text again. */
  doc?: SopDocument;
}

interface BuiltModel { version: number; teamSchema: unknown; format: unknown; model: SopDocument }

/** Models built apart from a lint are kept for this many documents (the most recently asked). */
const MAX_BUILT_MODELS = 20;

export class DocumentStore implements vscode.Disposable {
  /** sopkit's entries in the Problems panel. */
  readonly diagnostics = vscode.languages.createDiagnosticCollection('sopkit');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly snapshots = new Map<string, LintSnapshot>();
  /** Parsed pieces of each document's last lint: a keystroke re-parses only the piece it touched. */
  private readonly pieceCaches = new Map<string, PieceCache>();
  /** Models built for a version no lint has covered (yet), kept until the document closes. */
  private readonly builtModels = new Map<string, BuiltModel>();
  private readonly tooLargeNoticed = new Set<string>();
  /** Documents whose last tab closed while the document itself stayed loaded. */
  private readonly tabClosed = new Set<string>();
  private readonly linted = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were published or cleared (status bar). */
  readonly onDidLint = this.linted.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.linted];

  constructor(private readonly files: SopFileMatcher, private readonly config: ConfigService) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => { this.tabClosed.delete(d.uri.toString()); this.lintSoon(d, 0); }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length) this.lintSoon(e.document); }),
      // With sopkit.run = onSave, edits only cancel the stale lint; saving lints.
      vscode.workspace.onDidSaveTextDocument((d) => { if (this.settings().run === 'onSave') this.lintSoon(d, 0); }),
      vscode.workspace.onDidCloseTextDocument((d) => { this.tabClosed.delete(d.uri.toString()); this.builtModels.delete(d.uri.toString()); this.forget(d.uri); }),
      vscode.window.tabGroups.onDidChangeTabs((e) => this.tabsChanged(e)),
      config.onDidChange(() => this.relintOpenDocuments()),
      files.onDidChange(() => this.relintOpenDocuments()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('sopkit')) this.relintOpenDocuments(); }),
    );
    this.relintOpenDocuments();
  }

  private settings() {
    const settings = vscode.workspace.getConfiguration('sopkit');
    return {
      enabled: settings.get<boolean>('enable', true),
      run: settings.get<'onType' | 'onSave'>('run', 'onType'),
      debounceMs: Math.max(0, settings.get<number>('debounceMs', 300)),
      maxFileSizeKB: Math.max(1, settings.get<number>('maxFileSizeKB', 2048)),
    };
  }

  relintOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.lintSoon(document, 0);
  }

  private tabsChanged(event: vscode.TabChangeEvent): void {
    const shown = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map(tabUri).filter((u) => u !== undefined));
    for (const tab of event.closed) {
      const uri = tabUri(tab);
      if (!uri || shown.has(uri)) continue;
      this.tabClosed.add(uri);
      this.forget(vscode.Uri.parse(uri));
    }
    for (const tab of event.opened) {
      const uri = tabUri(tab);
      if (!uri || !this.tabClosed.delete(uri)) continue;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (document) this.lintSoon(document, 0);
    }
  }

  /** False once every tab showing the document closed (until it is shown again). */
  isLive(uri: vscode.Uri): boolean {
    return !this.tabClosed.has(uri.toString());
  }

  /** Schedules a lint; a newer request for the same document replaces an older one. */
  lintSoon(document: vscode.TextDocument, delay?: number): void {
    const key = document.uri.toString();
    if (this.tabClosed.has(key)) return;
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const settings = this.settings();
    if (delay === undefined && settings.run === 'onSave') { this.timers.delete(key); return; }
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lintNow(document).catch((error) => logError(`linting ${document.uri.toString()}`, error));
    }, delay ?? settings.debounceMs));
  }

  /** Lints now and publishes, unless the document changed or closed while the config was read. */
  async lintNow(document: vscode.TextDocument): Promise<LintSnapshot | undefined> {
    const key = document.uri.toString();
    const settings = this.settings();
    if (document.isClosed) return undefined;
    if (!settings.enabled || !this.files.isSopDocument(document)) { this.forget(document.uri); return undefined; }
    const version = document.version;
    const config = await this.config.configFor(document.uri);
    if (document.isClosed || document.version !== version) return undefined; // stale: a newer lint is queued
    if (config.ignored) { this.forget(document.uri); return undefined; }
    const text = document.getText();
    if (text.length > settings.maxFileSizeKB * 1024) {
      this.forget(document.uri);
      this.noticeTooLarge(document, settings.maxFileSizeKB);
      return undefined;
    }
    let pieces = this.pieceCaches.get(key);
    if (!pieces) this.pieceCaches.set(key, (pieces = createPieceCache()));
    const { result, doc } = lintWithModel(text, config.options, pieces);
    if (this.tabClosed.has(key)) return undefined; // its editor closed while the config was read
    const snapshot: LintSnapshot = { version, text, options: config.options, result, doc };
    this.snapshots.set(key, snapshot);
    this.diagnostics.set(document.uri, result.messages.map(toDiagnostic));
    this.linted.fire(document.uri);
    return snapshot;
  }

  /** The lint of the document as it is now: the last one if still current, else a fresh one. */
  async current(document: vscode.TextDocument): Promise<LintSnapshot | undefined> {
    const snapshot = this.snapshots.get(document.uri.toString());
    if (snapshot && snapshot.version === document.version) return snapshot;
    return this.lintNow(document);
  }

  /**
   * The lint options in effect for a document. Options change only with configuration (which
   * re-lints), so the last lint's options hold between keystrokes; before the first lint they
   * are read from the configuration.
   */
  async optionsFor(document: vscode.TextDocument): Promise<LintOptions> {
    return this.lastOptions(document) ?? (await this.config.configFor(document.uri)).options;
  }

  lastOptions(document: vscode.TextDocument): LintOptions | undefined {
    return this.snapshots.get(document.uri.toString())?.options;
  }

  /** The last published lint, if it still matches the document's version. */
  latest(document: vscode.TextDocument): LintSnapshot | undefined {
    const snapshot = this.snapshots.get(document.uri.toString());
    return snapshot && snapshot.version === document.version ? snapshot : undefined;
  }

  /**
   * The SOP model of the document as it is now, for completion, hover, definitions, symbols and
   * the preview: the one the lint of this version built when the options match (no second parse),
   * else one built here. `options` default to the last lint's (a team schema changes which
   * headings are sections).
   */
  model(document: vscode.TextDocument, options = this.lastOptions(document)): SopDocument {
    const key = document.uri.toString();
    const hit = this.builtModels.get(key);
    if (hit && hit.version === document.version && hit.teamSchema === options?.teamSchema && hit.format === options?.format) return hit.model;
    const linted = this.latest(document);
    if (linted?.doc && linted.options.teamSchema === options?.teamSchema && linted.options.format === options?.format) return linted.doc;
    const model = buildSopDocument(document.getText(), { format: options?.format, teamSchema: options?.teamSchema });
    this.builtModels.delete(key);
    this.builtModels.set(key, { version: document.version, teamSchema: options?.teamSchema, format: options?.format, model });
    if (this.builtModels.size > MAX_BUILT_MODELS) this.builtModels.delete(this.builtModels.keys().next().value!);
    return model;
  }

  private noticeTooLarge(document: vscode.TextDocument, limitKB: number): void {
    const key = document.uri.toString();
    if (this.tooLargeNoticed.has(key)) return;
    this.tooLargeNoticed.add(key);
    const sizeKB = Math.round(document.getText().length / 1024);
    void vscode.window.showInformationMessage(
      `sopkit skipped ${vscode.workspace.asRelativePath(document.uri)}: it is ${sizeKB} KB, over the ${limitKB} KB limit for live linting (setting sopkit.maxFileSizeKB). The CLI lints files of any size.`,
      'Change limit',
    ).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'sopkit.maxFileSizeKB');
    });
  }

  /** Clears a document's diagnostics and cancels its queued lint. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.snapshots.delete(key);
    this.pieceCaches.delete(key);
    this.diagnostics.delete(uri);
    this.linted.fire(uri);
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.timers.clear();
    this.disposables.forEach((d) => d.dispose());
  }
}

function tabUri(tab: vscode.Tab): string | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri.toString();
  if (input instanceof vscode.TabInputTextDiff) return input.modified.toString();
  return undefined;
}
