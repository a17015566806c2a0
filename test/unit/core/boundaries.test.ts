/**
 * The import rules of the source tree (.dependency-cruiser.cjs), checked by dependency-cruiser over
 * src/, bench/ and scripts/: no import circles in src/, the shells reach the core only through
 * src/core/index.ts and src/core/heavy.ts, the webview takes nothing from the core (shared types live in src/contracts/), and the core
 * never imports a shell. Type-only imports count.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './helpers.js';

interface Violation { rule: { name: string }; from: string; to: string; cycle?: Array<{ name: string } | string> }
interface Module { source: string; dependencies: Array<{ module: string; resolved: string; couldNotResolve: boolean; dependencyTypes: string[] }> }
interface Cruise { modules: Module[]; summary: { violations: Violation[]; totalCruised: number } }

function describeViolation(v: Violation): string {
  const cycle = v.cycle?.map((step) => (typeof step === 'string' ? step : step.name));
  return `${v.rule.name}: ${v.from} → ${cycle?.length ? cycle.join(' → ') : v.to}`;
}

describe('source tree: import boundaries and circles (dependency-cruiser)', function () {
  this.timeout(180_000);
  let cruise: Cruise;

  before(async () => {
    const bin = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    // Exit code 1 with violations still prints the JSON, which is what the tests read.
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src', 'bench', 'scripts'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
      .catch((error: { stdout?: string; stderr?: string; message: string }) => {
        if (error.stdout?.trim().startsWith('{')) return { stdout: error.stdout };
        throw new Error(`dependency-cruiser failed: ${error.stderr || error.message}`);
      });
    cruise = JSON.parse(stdout) as Cruise;
  });

  it('sees the whole tree and resolves every relative import', () => {
    const sources = new Set(cruise.modules.map((m) => m.source));
    for (const file of ['src/core/index.ts', 'src/core/heavy.ts', 'src/cli/main.ts', 'src/extension/extension.ts', 'src/webview/preview.ts', 'src/core/lint/rules/placeholder.ts']) {
      assert.ok(sources.has(file), `${file} was not cruised`);
    }
    assert.ok(cruise.summary.totalCruised > 150, `only ${cruise.summary.totalCruised} modules cruised`);
    const unresolved = cruise.modules.flatMap((m) => m.dependencies
      // heavy/load.ts requires the separately bundled dist/heavy.cjs, which exists only after a build.
      .filter((d) => d.couldNotResolve && d.module.startsWith('.') && !(m.source === 'src/extension/heavy/load.ts' && d.module === './heavy.cjs'))
      .map((d) => `${m.source}: ${d.module}`));
    assert.deepEqual(unresolved, []);
  });

  it('finds no import circle in src/', () => {
    assert.deepEqual(cruise.summary.violations.filter((v) => v.rule.name === 'no-circular').map(describeViolation), []);
  });

  it('the CLI, the extension, the webview, bench and scripts reach the core only through its doors', () => {
    const boundaryRules = new Set(['shells-through-core-doors', 'webview-apart', 'contracts-are-leaves', 'core-stays-below']);
    assert.deepEqual(cruise.summary.violations.filter((v) => boundaryRules.has(v.rule.name)).map(describeViolation), []);
    // The rules only bite if the shells do go through the doors.
    const intoDoors = cruise.modules.filter((m) => /^src\/(cli|extension)\//.test(m.source) && m.dependencies.some((d) => /^src\/core\/(index|heavy)\.ts$/.test(d.resolved)));
    assert.ok(intoDoors.length >= 20, `only ${intoDoors.length} shell modules import a core door`);
  });

  it('reports nothing else', () => {
    assert.deepEqual(cruise.summary.violations.map(describeViolation), []);
  });
});
