/** The "sopkit" output channel: what the extension did and what went wrong, for bug reports. */
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('sopkit', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

export function log(): vscode.LogOutputChannel | undefined {
  return channel;
}

/** Logs an unexpected failure without letting it escape into the extension host. */
export function logError(what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  channel?.error(`${what}: ${detail}`);
}
