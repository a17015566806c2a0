/**
 * The quick inputs behind the New SOP commands' steps. Each shows "n/N" in its title, a Back
 * button after the first step, and a "start over" button when earlier answers were offered again;
 * each resolves a StepResult for wizardFlow.walk. Esc cancels (the answers are kept for next time),
 * and multi-selects enforce a minimum and maximum count.
 */
import * as vscode from 'vscode';
import { asciiSlug } from '../../core/index.js';
import { markWalkthrough } from '../walkthrough.js';
import { rememberable, restored, walk, type Answers, type AskContext, type StepResult, type StepsOf } from './wizardFlow.js';

export interface Step extends Pick<AskContext, 'step' | 'totalSteps' | 'canGoBack' | 'resumed'> {
  title: string;
}

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

const START_OVER: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('discard'), tooltip: 'Start over (forget the earlier answers)' };

/** Title, counter and buttons of one step, and its Back / start-over / Esc handling. */
function wire<T>(input: vscode.QuickPick<PickItem<T>> | vscode.InputBox, step: Step, resolve: (r: StepResult) => void, partial: () => unknown, hold?: { held: boolean }): (r: StepResult) => void {
  input.title = step.title;
  input.step = step.step;
  input.totalSteps = step.totalSteps;
  input.ignoreFocusOut = true;
  input.buttons = [...(step.canGoBack ? [vscode.QuickInputButtons.Back] : []), ...(step.resumed ? [START_OVER] : [])];
  let done = false;
  const finish = (result: StepResult) => { if (done) return; done = true; resolve(result); input.dispose(); };
  input.onDidTriggerButton((button) => {
    if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back', value: partial() });
    else if (button === START_OVER) finish({ kind: 'startOver' });
  });
  // A dialog opened from a row can take the quick input's place (the web's file dialog is one); that hide is no cancel.
  input.onDidHide(() => { if (!hold?.held) finish({ kind: 'cancel', value: partial() }); });
  return finish;
}

export function askText(step: Step, prompt: string, options: { placeholder?: string; value?: string; required?: boolean } = {}): Promise<StepResult> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    Object.assign(input, { prompt, placeholder: options.placeholder ?? '', value: options.value ?? '' });
    const required = options.required !== false;
    const finish = wire(input, step, resolve, () => (input.value.trim() ? input.value.trim() : undefined));
    input.onDidChangeValue((v) => { input.validationMessage = required && !v.trim() ? 'Please enter a value (Esc cancels).' : undefined; });
    input.onDidAccept(() => {
      const value = input.value.trim();
      if (required && !value) { input.validationMessage = 'Please enter a value (Esc cancels).'; return; }
      finish({ kind: 'value', value });
    });
    input.show();
  });
}

export interface PickOneHooks<T> {
  /** A row that opens a dialog (Choose…): the pick stays up behind it and resolves only with an answer. */
  accept?: (item: PickItem<T>) => Promise<StepResult | undefined>;
  /** The flow's total if the highlighted row were picked (a template's question count), so "n/N" is right before Enter. */
  totalFor?: (item: PickItem<T>) => number | undefined;
}

/** One choice; `previous` (an earlier answer) is the highlighted row, so Enter keeps it. */
export function pickOne<T>(step: Step, placeholder: string, items: PickItem<T>[], previous?: unknown, hooks: PickOneHooks<T> = {}): Promise<StepResult> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PickItem<T>>();
    Object.assign(pick, { placeholder, items, matchOnDescription: true, matchOnDetail: true });
    const before = items.find((i) => sameValue(i.value, previous));
    if (before) pick.activeItems = [before];
    const hold = { held: false };
    const finish = wire(pick, step, resolve, () => undefined, hold);
    const { accept, totalFor } = hooks;
    if (totalFor) {
      const update = (active: readonly PickItem<T>[]) => { if (active[0]) pick.totalSteps = totalFor(active[0]); };
      update(before ? [before] : items.slice(0, 1));
      pick.onDidChangeActive(update);
    }
    pick.onDidAccept(async () => {
      const item = pick.selectedItems[0] ?? pick.activeItems[0];
      if (!item) return;
      if (!accept) { finish({ kind: 'value', value: item.value }); return; }
      hold.held = true;
      pick.busy = true;
      pick.enabled = false;
      const result = await accept(item).finally(() => { hold.held = false; });
      if (result) { finish(result); return; }
      pick.busy = false;
      pick.enabled = true;
      pick.show();
    });
    pick.show();
  });
}

export function pickMany<T>(step: Step, placeholder: string, items: PickItem<T>[], limits: { min: number; max: number }, previous?: unknown): Promise<StepResult> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PickItem<T>>();
    Object.assign(pick, { placeholder, items, canSelectMany: true, matchOnDescription: true });
    const earlier = Array.isArray(previous) ? previous : undefined;
    pick.selectedItems = earlier ? items.filter((i) => earlier.some((v) => sameValue(i.value, v))) : items.filter((i) => i.picked);
    const finish = wire(pick, step, resolve, () => (pick.selectedItems.length ? pick.selectedItems.map((i) => i.value) : undefined));
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
      finish({ kind: 'value', value: pick.selectedItems.map((i) => i.value) });
    });
    pick.show();
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

/** "handling refund requests" → "handling-refund-requests" (for file names). */
export function fileSlug(title: string): string {
  return asciiSlug(title, 60) || 'new-sop';
}

/** Where a draft goes: a folder (a free name is picked there) and, from the save dialog, a file name. */
export interface SaveLocation {
  folder: string;
  name?: string;
}

/**
 * The folders offered for a new SOP, the default first: next to the active SOP, the folder the
 * `sopkit.newSopFolder` setting names, `<workspace>/sops`, next to the other open SOPs, the
 * workspace folder itself. Empty without a workspace (the draft then opens untitled).
 */
export function saveFolders(activeSop: vscode.Uri | undefined, openSops: vscode.Uri[]): { uri: vscode.Uri; why: string }[] {
  const root = (activeSop && vscode.workspace.getWorkspaceFolder(activeSop)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!root) return [];
  const folders: { uri: vscode.Uri; why: string }[] = [];
  const add = (uri: vscode.Uri, why: string) => { if (!folders.some((f) => f.uri.toString() === uri.toString())) folders.push({ uri, why }); };
  const parent = (uri: vscode.Uri) => vscode.Uri.joinPath(uri, '..');
  if (activeSop && vscode.workspace.getWorkspaceFolder(activeSop)) add(parent(activeSop), `next to ${activeSop.path.split('/').pop()}`);
  const configured = vscode.workspace.getConfiguration('sopkit', root.uri).get<string>('newSopFolder')?.trim();
  if (configured) add(vscode.Uri.joinPath(root.uri, configured), 'the sopkit.newSopFolder setting');
  add(vscode.Uri.joinPath(root.uri, 'sops'), 'the sops folder');
  for (const uri of openSops) if (vscode.workspace.getWorkspaceFolder(uri)) add(parent(uri), `next to ${uri.path.split('/').pop()}`);
  add(root.uri, 'the workspace folder');
  return folders;
}

type LocationRow = { folder?: vscode.Uri; choose?: true };

/** The save-location step: the folders above plus "Choose…" (a save dialog); the row given last time is highlighted. */
export function askLocation(step: Step, title: string, folders: { uri: vscode.Uri; why: string }[], previous: unknown): Promise<StepResult> {
  const earlier = previous && typeof previous === 'object' && typeof (previous as SaveLocation).folder === 'string' ? (previous as SaveLocation) : undefined;
  const rows = [...folders];
  if (earlier && !rows.some((f) => f.uri.toString() === earlier.folder)) rows.unshift({ uri: vscode.Uri.parse(earlier.folder), why: 'chosen last time' });
  const name = `${fileSlug(title)}.md`;
  const items: PickItem<LocationRow>[] = rows.map((f, i) => ({
    label: `$(folder) ${relative(f.uri)}`,
    description: i === 0 ? `${f.why} · default` : f.why,
    detail: `Saves ${relative(vscode.Uri.joinPath(f.uri, name))} (a free name if that exists)`,
    value: { folder: f.uri },
  }));
  items.push({ label: '$(folder-opened) Choose…', description: 'any folder and file name', value: { choose: true } });
  const prefill = earlier ? items.find((i) => i.value.folder?.toString() === earlier.folder)?.value : undefined;
  return pickOne(step, 'Where should the new SOP be saved?', items, prefill, { accept: async (item) => {
    if (item.value.folder) return { kind: 'value', value: { folder: item.value.folder.toString() } satisfies SaveLocation };
    const start = earlier ? vscode.Uri.parse(earlier.folder) : folders[0]?.uri;
    const file = await vscode.window.showSaveDialog({
      title: 'Save the new SOP', saveLabel: 'Create SOP', filters: { Markdown: ['md'] },
      defaultUri: start ? vscode.Uri.joinPath(start, name) : undefined,
    });
    if (!file) return undefined;
    const base = file.path.split('/').pop()!;
    return { kind: 'value', value: { folder: vscode.Uri.joinPath(file, '..').toString(), name: base.endsWith('.md') ? base : `${base}.md` } satisfies SaveLocation };
  } });
}

function relative(uri: vscode.Uri): string {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === uri.toString());
  if (folder) return folder.name;
  const path = vscode.workspace.asRelativePath(uri, false);
  return path === uri.fsPath || path === uri.path ? uri.fsPath : path || '.';
}

/**
 * Writes a new SOP at `location` (default: the first workspace folder's `sops/`), never
 * overwriting a file (a taken name gets -2, -3…), and opens it in a normal tab, not a preview one
 * the next file would replace. Without a workspace the draft opens as an untitled document.
 */
export async function createSopFile(text: string, title: string, location?: { folder: vscode.Uri; name?: string }): Promise<vscode.Uri> {
  const root = location?.folder ?? (vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'sops') : undefined);
  if (!root) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document, { preview: false });
    markWalkthrough('sopCreated');
    return document.uri;
  }
  const base = location?.name ? location.name.replace(/\.md$/i, '') : fileSlug(title);
  let target = vscode.Uri.joinPath(root, `${base}.md`);
  for (let n = 2; await exists(target); n++) target = vscode.Uri.joinPath(root, `${base}-${n}.md`);
  await vscode.workspace.fs.createDirectory(root);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target, { preview: false });
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

/**
 * Runs a flow with the answers a cancelled run left (kept per workspace under `key`) as its
 * prefills; a finished run forgets them, a cancelled one stores what it has. `fixed` answers come
 * from the caller (their steps are skipped) and are not stored.
 */
export async function runWizard(state: vscode.Memento, key: string, flow: StepsOf, fixed: Answers, ask: (context: AskContext) => Promise<StepResult>): Promise<Answers | undefined> {
  const remembered = restored(state.get(key));
  for (const id of Object.keys(fixed)) delete remembered[id];
  const answers: Answers = { ...remembered, ...fixed };
  const result = await walk(flow, answers, ask, Object.keys(remembered).length > 0);
  if (result) {
    await state.update(key, undefined);
    return result;
  }
  const kept = rememberable(flow, answers);
  for (const id of Object.keys(fixed)) delete kept?.[id];
  await state.update(key, kept && Object.keys(kept).length ? kept : undefined);
  return undefined;
}
