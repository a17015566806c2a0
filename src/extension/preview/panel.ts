/**
 * One preview panel. It shows one SOP (the active one, or a locked one), re-renders as the text
 * changes and sends only the new HTML, which the page patches in place (scroll, open answers and
 * the guided walk survive). Checkbox ticks come back as WorkspaceEdits, checked against the
 * document version the preview was rendered from.
 */
import * as vscode from 'vscode';
import { buildSopDocument, lint, type LintMessage, type SopDocument } from '../../core/index.js';
import { toWorkspaceEdit } from '../convert.js';
import { heavy } from '../heavy/load.js';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from '../../webview/messages.js';
import { previewPage } from './page.js';
import type { DocumentStore } from '../documentStore.js';
import type { SopFileMatcher } from '../sopFiles.js';

/** Optional collaborators: with them the preview reuses the live lint and the "is this an SOP" test. */
export interface PreviewDeps {
  store?: DocumentStore;
  files?: SopFileMatcher;
}

export const PREVIEW_VIEW_TYPE = 'sopkit.preview';
const RENDER_DELAY_MS = 120;

export class SopPreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The document version the page currently shows; ticks against another version are refused. */
  private renderedVersion = -1;
  private pageLoaded = false;
  /** Set while the editor scrolls because the preview asked it to, so the echo is not sent back. */
  private scrollingEditorUntil = 0;
  private lastMessages: { uri: string; messages: LintMessage[] } | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resource: vscode.Uri,
    public locked: boolean,
    private readonly context: vscode.ExtensionContext,
    private readonly deps: PreviewDeps,
  ) {
    panel.webview.options = webviewOptions(context.extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => { if (isWebviewMessage(message)) void this.onMessage(message); }),
      vscode.workspace.onDidChangeTextDocument((e) => { if (this.isMine(e.document.uri) && e.contentChanges.length) this.renderSoon(); }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScrolled(e)),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('sopkit.preview')) this.renderSoon(0); }),
    );
    if (deps.store) this.disposables.push(deps.store.onDidLint((uri) => { if (this.isMine(uri)) this.renderSoon(0); }));
    void this.render(true);
  }

  get uri(): vscode.Uri {
    return this.resource;
  }

  isMine(uri: vscode.Uri): boolean {
    return uri.toString() === this.resource.toString();
  }

  /** Shows another SOP in this panel (following the active editor). */
  show(uri: vscode.Uri): void {
    if (this.isMine(uri)) return;
    this.resource = uri;
    this.pageLoaded = false;
    void this.render(true);
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    void this.render(true); // the page records the lock for a restored window
    void vscode.commands.executeCommand('setContext', 'sopkit.previewLocked', locked);
  }

  renderSoon(delay = RENDER_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.render(false); }, delay);
  }

  private writeBack(): boolean {
    return vscode.workspace.getConfiguration('sopkit.preview', this.resource).get<boolean>('checklistWriteBack', true);
  }

  private async document(): Promise<vscode.TextDocument | undefined> {
    try {
      return await vscode.workspace.openTextDocument(this.resource);
    } catch {
      return undefined;
    }
  }

  /**
   * The live lint's messages. While the lint of the newest text is still debounced, the previous
   * messages are shown (the preview re-renders when that lint lands) instead of linting twice.
   */
  private lintMessages(document: vscode.TextDocument): LintMessage[] {
    const snapshot = this.deps.store?.latest(document);
    if (snapshot) {
      this.lastMessages = { uri: document.uri.toString(), messages: snapshot.result.messages };
      return snapshot.result.messages;
    }
    if (this.deps.store && this.lastMessages?.uri === document.uri.toString()) return this.lastMessages.messages;
    try {
      return lint(document.getText()).messages;
    } catch {
      return [];
    }
  }

  /**
   * The SOP model of the document as it is now: the one the live lint of this version built, as
   * completion and hover use it (rendering never changes it: test/unit/render/model-untouched.test.ts).
   */
  private model(document: vscode.TextDocument): SopDocument {
    return this.deps.store ? this.deps.store.model(document) : buildSopDocument(document.getText());
  }

  /** Renders the document; the first time (or after switching documents) the whole page is set. */
  async render(fullPage: boolean): Promise<void> {
    const document = await this.document();
    if (!document) {
      this.panel.webview.html = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><p>The file ${this.resource.fsPath.replace(/[<&]/g, '')} could not be opened.</p>`;
      return;
    }
    const version = document.version;
    const body = heavy().renderSopBody(this.model(document), { lint: this.lintMessages(document), resolveImage: (src) => this.resolveImage(src) });
    this.renderedVersion = version;
    this.updateTitle();
    if (fullPage || !this.pageLoaded) {
      this.pageLoaded = true;
      this.panel.webview.html = previewPage({
        webview: this.panel.webview, extensionUri: this.context.extensionUri, body, version,
        uri: this.resource.toString(), locked: this.locked, writeBack: this.writeBack(),
      });
    } else {
      this.post({ type: 'update', html: body, version, writeBack: this.writeBack() });
    }
  }

  private resolveImage(src: string): string | undefined {
    let path: string;
    try { path = decodeURIComponent(src.split(/[?#]/)[0]); } catch { return undefined; }
    const target = vscode.Uri.joinPath(this.resource, '..', path);
    const roots = webviewOptions(this.context.extensionUri).localResourceRoots ?? [];
    const inside = roots.some((root) => target.path.startsWith(`${root.path.replace(/\/$/, '')}/`));
    return inside ? this.panel.webview.asWebviewUri(target).toString() : undefined;
  }

  private updateTitle(): void {
    const name = this.resource.path.split('/').pop() ?? 'SOP';
    this.panel.title = this.locked ? `[Preview] ${name}` : `Preview ${name}`;
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': return this.startAtEditorLine();
      case 'toggleTask': return this.toggleTask(message.offset, message.checked, message.version);
      case 'resetChecklist': return void this.resetChecklist();
      case 'revealLine': return this.revealLine(message.line);
      case 'didScroll': return this.scrollEditorTo(message.line);
      case 'openLink': return void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
      case 'openFile': return this.openRelative(message.path);
    }
  }

  private async toggleTask(offset: number, checked: boolean, version: number): Promise<void> {
    if (!this.writeBack()) return; // the tick lives in the page's own state
    const document = await this.document();
    if (!document) return;
    const plan = heavy().planTaskToggle({ text: document.getText(), documentVersion: document.version, renderedVersion: this.renderedVersion, messageVersion: version, offset, checked });
    if (plan.kind === 'stale') await this.render(false); // the page was behind: show the current text, change nothing
    else if (plan.kind === 'edit') await vscode.workspace.applyEdit(toWorkspaceEdit(document, [plan.edit]));
  }

  /** Unticks every item: in the document when write-back is on, otherwise only in the page. */
  async resetChecklist(): Promise<void> {
    if (!this.writeBack()) { this.post({ type: 'resetLocalTicks' }); return; }
    const document = await this.document();
    if (!document) return;
    const edits = heavy().resetChecklistEdits(this.model(document));
    if (edits.length) await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits));
  }

  /** Opens a file the SOP links to, when it lies inside the workspace (never elsewhere on disk). */
  private async openRelative(link: string): Promise<void> {
    let path: string;
    try { path = decodeURIComponent(link.split(/[?#]/)[0]); } catch { return; }
    if (!path) return;
    const target = vscode.Uri.joinPath(this.resource, '..', path);
    if (!vscode.workspace.getWorkspaceFolder(target)) {
      void vscode.window.showInformationMessage(`The link "${link}" points outside the workspace, so the preview does not open it.`);
      return;
    }
    try {
      await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.One });
    } catch {
      void vscode.window.showInformationMessage(`The link "${link}" points to ${vscode.workspace.asRelativePath(target)}, which does not exist.`);
    }
  }

  private async revealLine(line: number): Promise<void> {
    const document = await this.document();
    if (!document) return;
    const position = new vscode.Position(Math.min(line - 1, document.lineCount - 1), 0);
    const visible = vscode.window.visibleTextEditors.find((e) => this.isMine(e.document.uri));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private scrollEditorTo(line: number): void {
    const editor = vscode.window.visibleTextEditors.find((e) => this.isMine(e.document.uri));
    if (!editor) return;
    this.scrollingEditorUntil = Date.now() + 200;
    const position = new vscode.Position(Math.min(line - 1, editor.document.lineCount - 1), 0);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  }

  /** A newly loaded page starts at the line its editor shows (the page itself starts at the top). */
  private startAtEditorLine(): void {
    const top = vscode.window.visibleTextEditors.find((e) => this.isMine(e.document.uri))?.visibleRanges[0]?.start.line;
    if (top) this.post({ type: 'scrollToLine', line: top + 1 });
  }

  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.isMine(event.textEditor.document.uri) || !event.visibleRanges.length) return;
    if (Date.now() < this.scrollingEditorUntil) return;
    this.post({ type: 'scrollToLine', line: event.visibleRanges[0].start.line + 1 });
  }

  private isDisposed = false;

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
  }
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [extensionUri, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)],
    retainContextWhenHidden: false,
    enableFindWidget: true,
  };
}
