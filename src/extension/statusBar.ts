/** Status bar: the active SOP's format and its problem count; hidden for other editors. */
import * as vscode from 'vscode';
import { activeDocument } from './activeDocument.js';
import type { DocumentStore } from './documentStore.js';

export class SopStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sopkit.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private lastIsSop: boolean | undefined;

  constructor(private readonly store: DocumentStore) {
    this.item.name = 'sopkit';
    this.item.command = 'sopkit.showFileProblems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // Modal editors (Workspace Trust, Running Extensions) can close without an active-editor
      // event reaching the extension host; tab changes still do.
      vscode.window.tabGroups.onDidChangeTabs(() => this.update()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.update()),
      store.onDidLint(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('sopkit.statusBar')) this.update(); }),
    );
    this.update();
  }

  update(): void {
    const document = activeDocument();
    const snapshot = document && this.store.latest(document);
    // Drives the editor-title Fix All button and the command's enablement.
    const isSop = snapshot !== undefined;
    if (isSop !== this.lastIsSop) { this.lastIsSop = isSop; void vscode.commands.executeCommand('setContext', 'sopkit.activeEditorIsSop', isSop); }
    if (!snapshot || !vscode.workspace.getConfiguration('sopkit').get<boolean>('statusBar', true)) { this.item.hide(); return; }
    const { result } = snapshot;
    const errors = result.messages.filter((m) => m.severity === 'error').length;
    const others = result.messages.length - errors;
    const icon = errors ? '$(error)' : others ? '$(warning)' : '$(check)';
    const problems = result.messages.length === 0 ? 'no problems' : `${result.messages.length} problem${result.messages.length === 1 ? '' : 's'}`;
    this.item.text = `${icon} SOP: ${result.format} · ${problems}`;
    this.item.tooltip = new vscode.MarkdownString(
      `**sopkit**: ${result.format} SOP (${result.formatReason})\n\n${errors} error${errors === 1 ? '' : 's'}, ${others} other problem${others === 1 ? '' : 's'}. Click to list this file's problems.`,
    );
    this.item.accessibilityInformation = { label: `sopkit: ${result.format} SOP, ${problems}` };
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
