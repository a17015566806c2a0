/**
 * The getting-started walkthrough ticks a step when the thing it describes has happened, not when
 * its command merely ran: an SOP file was created, Fix All changed something, a workspace lint
 * finished, a team config exists.
 *
 * The step is ticked with the workbench's `welcome.markStepComplete`, which records it at once.
 * Completion events alone are not enough: the walkthrough service starts when the Welcome page is
 * first opened, and an `onCommand:` or `onContext:` event that happened before (or a context that
 * was already true when it started) is never counted. The `onContext:` events in package.json
 * stay for events that happen while the page is open.
 */
import * as vscode from 'vscode';

export type WalkthroughEvent = 'sopCreated' | 'problemsFixed' | 'workspaceLinted' | 'teamConfig';

const WALKTHROUGH = 'sopkit.sopkit#sopkit.gettingStarted';
const STEP: Record<WalkthroughEvent, string> = { sopCreated: 'newSop', problemsFixed: 'problems', workspaceLinted: 'workspace', teamConfig: 'config' };

export function markWalkthrough(event: WalkthroughEvent): void {
  void vscode.commands.executeCommand('setContext', `sopkit.walkthrough.${event}`, true);
  // Rejects when the walkthrough is not registered yet (the tick is still stored) or the host has no walkthroughs.
  void vscode.commands.executeCommand('welcome.markStepComplete', `${WALKTHROUGH}#${STEP[event]}`).then(undefined, () => undefined);
}

const CONFIG_GLOB = '**/.sopkit.{yaml,yml,json}';

/** Ticks "Share your team's rules" when the workspace has, or gets, a .sopkit.yaml. */
export function watchTeamConfig(): vscode.Disposable {
  void vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', 1).then((found) => { if (found.length) markWalkthrough('teamConfig'); }, () => undefined);
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB, false, true, true);
  watcher.onDidCreate(() => markWalkthrough('teamConfig'));
  return watcher;
}
