/**
 * sopkit's VS Code adapter: wires the pure core (src/core) into diagnostics, quick fixes,
 * commands and language features. Web-safe: no Node built-ins on this path (the same file is
 * bundled for vscode.dev as dist/web/extension.cjs); files are read through workspace.fs.
 */
import * as vscode from 'vscode';
import { SopCodeActionProvider } from './codeActions.js';
import { registerFixAll } from './commands/fixAll.js';
import { registerLintWorkspace } from './commands/lintWorkspace.js';
import { registerNewFromTemplate } from './commands/newFromTemplate.js';
import { registerNewSop } from './commands/newSop.js';
import { registerShowFileProblems } from './commands/showFileProblems.js';
import { ConfigService } from './config.js';
import { DocumentStore } from './documentStore.js';
import { COMPLETION_TRIGGERS, SopCompletionProvider } from './language/completion.js';
import { StepDefinitionProvider } from './language/definition.js';
import { SopHoverProvider } from './language/hover.js';
import { SopCodeLensProvider } from './language/codeLens.js';
import { SopSymbolProvider } from './language/symbols.js';
import { createLog } from './log.js';
import { registerPreview } from './preview/index.js';
import { SopFileMatcher } from './sopFiles.js';
import { SopStatusBar } from './statusBar.js';
import { watchTeamConfig } from './walkthrough.js';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** What activate() returns: handy for tests and for other extensions that build on sopkit. */
export interface SopkitApi {
  /** Milliseconds activate() took, measured inside the extension host. */
  activationMs: number;
  /** Lints a document now (if it is an SOP) and returns its rule ids; for tests. */
  lintDocument(uri: vscode.Uri): Promise<string[] | undefined>;
}

export function activate(context: vscode.ExtensionContext): SopkitApi {
  const started = performance.now();
  const log = createLog(context);
  const files = new SopFileMatcher();
  const config = new ConfigService();
  const store = new DocumentStore(files, config);
  context.subscriptions.push(files, config, store, new SopStatusBar(store));

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new SopCodeActionProvider(store), SopCodeActionProvider.metadata),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new SopCompletionProvider(files, store), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(MARKDOWN, new SopHoverProvider(files, store)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, new SopCodeLensProvider(files, store)),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new StepDefinitionProvider(files, store)),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new SopSymbolProvider(files, store), { label: 'SOP' }),
  );

  context.subscriptions.push(
    registerFixAll(store),
    registerLintWorkspace(files, config, store),
    registerShowFileProblems(store),
    watchTeamConfig(),
    registerNewSop(context.workspaceState, files),
    registerNewFromTemplate(config, context.workspaceState, files),
  );
  registerPreview(context, { store, files });

  const activationMs = performance.now() - started;
  log.info(`sopkit activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    async lintDocument(uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      return (await store.lintNow(document))?.result.messages.map((m) => m.ruleId);
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
