/**
 * Small multi-step input helpers for the New SOP commands: each step shows "n/total", Esc cancels
 * the whole flow (resolves undefined), and multi-selects enforce a minimum and maximum count.
 */
import * as vscode from 'vscode';
import { asciiSlug } from '../../core/index.js';
import { markWalkthrough } from '../walkthrough.js';

export interface Step {
  title: string;
  step: number;
  totalSteps: number;
}

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export function askText(step: Step, prompt: string, options: { placeholder?: string; value?: string; required?: boolean } = {}): Promise<string | undefined> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    Object.assign(input, step, { prompt, placeholder: options.placeholder ?? '', value: options.value ?? '', ignoreFocusOut: true });
    let done = false;
    const finish = (value: string | undefined) => { if (done) return; done = true; resolve(value); input.dispose(); };
    input.onDidChangeValue((v) => { input.validationMessage = options.required !== false && !v.trim() ? 'Please enter a value (Esc cancels).' : undefined; });
    input.onDidAccept(() => {
      const value = input.value.trim();
      if (options.required !== false && !value) { input.validationMessage = 'Please enter a value (Esc cancels).'; return; }
      finish(value);
    });
    input.onDidHide(() => finish(undefined));
    input.show();
  });
}

export function pickOne<T>(step: Step, placeholder: string, items: PickItem<T>[]): Promise<T | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PickItem<T>>();
    Object.assign(pick, step, { placeholder, items, ignoreFocusOut: true, matchOnDescription: true, matchOnDetail: true });
    let done = false;
    const finish = (value: T | undefined) => { if (done) return; done = true; resolve(value); pick.dispose(); };
    pick.onDidAccept(() => finish(pick.selectedItems[0]?.value ?? pick.activeItems[0]?.value));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

export function pickMany<T>(step: Step, placeholder: string, items: PickItem<T>[], limits: { min: number; max: number }): Promise<T[] | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PickItem<T>>();
    Object.assign(pick, step, { placeholder, items, canSelectMany: true, ignoreFocusOut: true, matchOnDescription: true });
    pick.selectedItems = items.filter((i) => i.picked);
    let done = false;
    const finish = (value: T[] | undefined) => { if (done) return; done = true; resolve(value); pick.dispose(); };
    const range = limits.min === limits.max ? `${limits.min}` : `${limits.min} to ${limits.max}`;
    pick.onDidChangeSelection((selected) => {
      pick.title = selected.length > limits.max ? `${step.title}: pick at most ${limits.max}` : step.title;
    });
    pick.onDidAccept(() => {
      const count = pick.selectedItems.length;
      if (count < limits.min || count > limits.max) {
        pick.title = `${step.title}: pick ${range} (${count} picked)`;
        return;
      }
      finish(pick.selectedItems.map((i) => i.value));
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

/** "handling refund requests" → "handling-refund-requests" (for file names). */
export function fileSlug(title: string): string {
  return asciiSlug(title, 60) || 'new-sop';
}

/**
 * Writes a new SOP into `folder` (default: the first workspace folder's `sops/`), never
 * overwriting a file, and opens it. Without a workspace the draft opens as an untitled document.
 */
export async function createSopFile(text: string, title: string, folder?: vscode.Uri): Promise<vscode.Uri> {
  const root = folder ?? (vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'sops') : undefined);
  if (!root) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    markWalkthrough('sopCreated');
    return document.uri;
  }
  const base = fileSlug(title);
  let target = vscode.Uri.joinPath(root, `${base}.md`);
  for (let n = 2; await exists(target); n++) target = vscode.Uri.joinPath(root, `${base}-${n}.md`);
  await vscode.workspace.fs.createDirectory(root);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
  markWalkthrough('sopCreated');
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
