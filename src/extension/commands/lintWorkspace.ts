/**
 * "sopkit: Lint workspace": every SOP in the workspace into the Problems panel, with a progress
 * notification that can be cancelled. Open documents are linted from the editor's text (which may
 * be unsaved); other files are read through workspace.fs. Config `ignore` lists are respected.
 */
import * as vscode from 'vscode';
import { lint } from '../../core/index.js';
import type { ConfigService } from '../config.js';
import { toDiagnostic } from '../convert.js';
import type { DocumentStore } from '../documentStore.js';
import { logError } from '../log.js';
import type { SopFileMatcher } from '../sopFiles.js';
import { markWalkthrough } from '../walkthrough.js';

export const LINT_WORKSPACE_COMMAND = 'sopkit.lintWorkspace';

const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';

export interface WorkspaceLintSummary {
  files: number;
  problems: number;
  errors: number;
  warnings: number;
  /** Files with at least one problem. */
  filesWithProblems: number;
  skipped: number;
  /** The line of the notification shown at the end. */
  message?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function count(summary: WorkspaceLintSummary, messages: readonly { severity: string }[]): void {
  summary.files++;
  summary.problems += messages.length;
  summary.errors += messages.filter((m) => m.severity === 'error').length;
  summary.warnings += messages.filter((m) => m.severity === 'warning').length;
  if (messages.length) summary.filesWithProblems++;
}

/** The counts in one line, and a button to the Problems panel when there is something to see. */
function announce(summary: WorkspaceLintSummary, cancelled: boolean): void {
  const skipped = summary.skipped ? ` ${plural(summary.skipped, 'file')} over the size limit skipped.` : '';
  const head = `sopkit: ${cancelled ? 'stopped after ' : ''}${plural(summary.files, 'SOP')} linted`;
  summary.message = summary.problems
    ? `${head}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${summary.problems > summary.errors + summary.warnings ? `, ${plural(summary.problems - summary.errors - summary.warnings, 'note')}` : ''} in ${plural(summary.filesWithProblems, 'file')}.${skipped}`
    : `${head}, no problems.${skipped}`;
  const show = 'Show Problems';
  const shown = summary.errors ? vscode.window.showWarningMessage(summary.message, show) : vscode.window.showInformationMessage(summary.message, ...(summary.problems ? [show] : []));
  void shown.then((choice) => { if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems'); });
}

export function registerLintWorkspace(files: SopFileMatcher, config: ConfigService, store: DocumentStore): vscode.Disposable {
  return vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, () => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'sopkit: linting SOPs', cancellable: true },
    async (progress, token): Promise<WorkspaceLintSummary> => {
      const summary: WorkspaceLintSummary = { files: 0, problems: 0, errors: 0, warnings: 0, filesWithProblems: 0, skipped: 0 };
      if (!vscode.workspace.getConfiguration('sopkit').get<boolean>('enable', true)) {
        void vscode.window.showInformationMessage('sopkit is turned off in this workspace (setting sopkit.enable), so nothing was linted.');
        return summary;
      }
      const candidates = await vscode.workspace.findFiles('**/*.{md,markdown}', EXCLUDE, undefined, token);
      const maxBytes = Math.max(1, vscode.workspace.getConfiguration('sopkit').get<number>('maxFileSizeKB', 2048)) * 1024;
      const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
      let done = 0;
      for (const uri of candidates) {
        if (token.isCancellationRequested) break;
        done++;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / candidates.length });
        try {
          const document = open.get(uri.toString());
          if (document && store.isLive(uri)) {
            const snapshot = await store.lintNow(document);
            if (snapshot) count(summary, snapshot.result.messages);
            continue;
          }
          const bytes = await vscode.workspace.fs.readFile(uri);
          if (bytes.byteLength > maxBytes) { summary.skipped++; continue; }
          const text = new TextDecoder().decode(bytes);
          if (!files.isSopText(uri, text)) continue;
          const fileConfig = await config.configFor(uri);
          if (fileConfig.ignored) continue;
          const result = lint(text, fileConfig.options);
          // A document opened meanwhile is linted live from its editor text; do not overwrite that.
          if (token.isCancellationRequested || (store.isLive(uri) && vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()))) continue;
          store.diagnostics.set(uri, result.messages.map(toDiagnostic));
          count(summary, result.messages);
        } catch (error) {
          logError(`linting ${uri.toString()}`, error);
        }
        // Yield now and then so the extension host stays responsive on large workspaces.
        if (done % 20 === 0) await new Promise((r) => setTimeout(r, 0));
      }
      announce(summary, token.isCancellationRequested);
      if (!token.isCancellationRequested) markWalkthrough('workspaceLinted');
      return summary;
    },
  ));
}
