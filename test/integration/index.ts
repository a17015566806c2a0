// Entry of the integration suite, in the shape @vscode/test-electron expects: a module exporting
// run(). It runs inside a real extension host — code-server's here (scripts/run-vscode-tests.mjs),
// desktop VS Code for contributors with internet (test/integration/run-electron.mjs).
//
// esbuild bundles this file and every test file into out/test/integration/index.cjs; the test
// modules are imported lazily, after mocha has installed describe/it, so they register normally.
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';

const testModules: Array<() => Promise<unknown>> = [
  () => import('./smoke.test.js'),
  () => import('./activation.test.js'),
  () => import('./diagnostics.test.js'),
  () => import('./quickfix.test.js'),
  () => import('./language.test.js'),
  () => import('./workspace.test.js'),
  () => import('./authoring.test.js'),
  () => import('./config.test.js'),
  () => import('./snippets.test.js'),
  () => import('./preview.test.js'),
  // Last: asserts the extension host log holds no sopkit errors after everything above.
  () => import('./zz-host-log.test.js'),
];

export async function run(): Promise<void> {
  const Mocha = (await import('mocha')).default;
  // The extension host's stdout goes nowhere a runner can read, so the spec reporter's lines are
  // also appended to the file the runner tails (SOPKIT_TEST_LOG).
  const logFile = process.env.SOPKIT_TEST_LOG;
  if (logFile) {
    const consoleLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      consoleLog(...args);
      appendFileSync(logFile, `${format(...args)}\n`);
    };
  }
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, grep: process.env.SOPKIT_TEST_GREP || undefined });
  mocha.suite.emit('pre-require', globalThis, 'sopkit-integration', mocha);
  for (const load of testModules) await load();
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
