/**
 * The SOP preview: "sopkit: Open Preview to the Side", a lock that pins the preview to one SOP
 * (otherwise it follows the active editor), "sopkit: Reset checklist", and a serializer so the
 * panel comes back after a window reload.
 */
import * as vscode from 'vscode';
import { isPreviewState } from '../../webview/messages.js';
import { PREVIEW_VIEW_TYPE, SopPreviewPanel, webviewOptions, type PreviewDeps } from './panel.js';

export type { PreviewDeps } from './panel.js';

export const PREVIEW_COMMANDS = {
  openToSide: 'sopkit.preview.openToSide',
  toggleLock: 'sopkit.preview.toggleLock',
  resetChecklist: 'sopkit.preview.resetChecklist',
} as const;

class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<SopPreviewPanel>();
  private active: SopPreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly deps: PreviewDeps) {
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
  }

  private isSop(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown') return false;
    return this.deps.files ? this.deps.files.isSopDocument(document) || document.uri.scheme === 'untitled' : true;
  }

  /** Unlocked previews follow the active SOP editor. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.isSop(editor.document)) return;
    for (const preview of this.previews) if (!preview.locked) preview.show(editor.document.uri);
  }

  add(preview: SopPreviewPanel): SopPreviewPanel {
    this.previews.add(preview);
    this.active = preview;
    preview.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.active = preview;
      void vscode.commands.executeCommand('setContext', 'sopkit.previewFocus', webviewPanel.active);
      if (webviewPanel.active) void vscode.commands.executeCommand('setContext', 'sopkit.previewLocked', preview.locked);
    });
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.active === preview) this.active = undefined;
    });
    return preview;
  }

  openToSide(uri: vscode.Uri | undefined): SopPreviewPanel | undefined {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage('Open an SOP (a Markdown file) first, then open its preview.');
      return undefined;
    }
    const existing = [...this.previews].find((p) => p.isMine(target)) ?? [...this.previews].find((p) => !p.locked);
    if (existing) {
      existing.show(target);
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      this.active = existing;
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(this.context.extensionUri));
    return this.add(new SopPreviewPanel(panel, target, false, this.context, this.deps));
  }

  /** The preview a command applies to: the one showing the active editor's SOP, else the last focused one. */
  current(): SopPreviewPanel | undefined {
    const editorUri = vscode.window.activeTextEditor?.document.uri;
    const forEditor = editorUri ? [...this.previews].find((p) => p.isMine(editorUri)) : undefined;
    return forEditor ?? this.active;
  }

  restore(panel: vscode.WebviewPanel, state: unknown): void {
    if (!isPreviewState(state)) { panel.dispose(); return; }
    let uri: vscode.Uri;
    try { uri = vscode.Uri.parse(state.uri, true); } catch { panel.dispose(); return; }
    this.add(new SopPreviewPanel(panel, uri, state.locked, this.context, this.deps));
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    for (const preview of [...this.previews]) preview.dispose();
  }
}

export function registerPreview(context: vscode.ExtensionContext, deps: PreviewDeps = {}): void {
  const manager = new PreviewManager(context, deps);
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand(PREVIEW_COMMANDS.openToSide, (uri?: unknown) => manager.openToSide(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.toggleLock, () => {
      const preview = manager.current();
      if (preview) preview.setLocked(!preview.locked);
    }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.resetChecklist, async () => {
      const preview = manager.current();
      if (preview) await preview.resetChecklist();
      else void vscode.window.showInformationMessage('Open the preview of a checklist SOP to reset its ticks.');
    }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) { manager.restore(panel, state); },
    }),
  );
}
