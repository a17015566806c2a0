// Render timings (not a test: numbers only). Run: npx tsx test/unit/render/render.bench.ts
// A ~30 KB workflow (the heaviest view: flowchart layout), a ~30 KB checklist, and every example.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { renderSopBody, renderStandaloneHtml } from '../../../src/core/render/index.js';

function workflowOf(targetBytes: number): string {
  const parts = ['---', 'title: Large workflow', 'format: workflow', 'owner: Ops', '---', '', '# Large workflow', '', '## Purpose', 'Benchmark.', '', '## Scope', 'All.', '', '## Workflow Steps', ''];
  for (let n = 1; parts.join('\n').length < targetBytes; n++) {
    parts.push(`### Step ${n}: Check the account state number ${n}`, `- **Condition:** The customer asks about item ${n} and the account shows a flag.`,
      `  - **If:** The flag is green for item ${n}.`, `    - **Take Action:** Proceed to Step ${n + 1}.`,
      `  - **If:** The flag is red for item ${n}.`, `    - **Take Action:** Explain the hold and offer a call back within one working day.`,
      `  - **If:** The flag is unknown.`, `    - **Take Action:** Return to Step ${Math.max(1, n - 2)}.`, '');
  }
  parts.push('## Escalation', 'Team lead.', '', '## References', '- Handbook', '', '## Revision History', '- 2026-01-01 — v1 — First');
  return parts.join('\n');
}

function checklistOf(targetBytes: number): string {
  const parts = ['---', 'title: Large checklist', 'format: checklist', '---', '', '# Large checklist', '', '## Purpose', 'Benchmark.', '', '## Scope', 'All.', '', '## Checklist', ''];
  for (let n = 1; parts.join('\n').length < targetBytes; n++) {
    if (n % 10 === 1) parts.push('', `### Phase ${Math.ceil(n / 10)}`);
    parts.push(`- [${n % 3 ? ' ' : 'x'}] Check **item ${n}** against the [policy](https://example.invalid/${n}) and note the result in the log`);
  }
  parts.push('', '## References', '- Handbook', '', '## Revision History', '- 2026-01-01 — v1 — First');
  return parts.join('\n');
}

function time(label: string, text: string): void {
  const runs = 10;
  const t0 = performance.now();
  const doc = buildSopDocument(text);
  const t1 = performance.now();
  renderSopBody(doc, { lint: [] }); // cold: first flowchart layout for this graph
  const t2 = performance.now();
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    renderSopBody(doc, { lint: [] });
    warm.push(performance.now() - start);
  }
  warm.sort((a, b) => a - b);
  const t3 = performance.now();
  for (let i = 0; i < runs; i++) renderStandaloneHtml(text, { lint: [] });
  const t4 = performance.now();
  const ms = (n: number) => n.toFixed(1).padStart(6);
  console.log(`${label.padEnd(46)} ${(text.length / 1024).toFixed(1).padStart(5)} KB  parse ${ms(t1 - t0)} ms  render cold ${ms(t2 - t1)} ms  warm (median) ${ms(warm[runs >> 1])} ms  standalone file ${ms((t4 - t3) / runs)} ms`);
}

// Warm the JIT on the test fixtures first, so "cold" means "this graph was never laid out", not "first call".
const fixtures = readdirSync('test/browser/fixtures').filter((f) => f.endsWith('.md'));
for (let i = 0; i < 5; i++) for (const f of fixtures) renderStandaloneHtml(readFileSync(`test/browser/fixtures/${f}`, 'utf8'), { lint: [] });
const examples = readdirSync('examples').filter((f) => f.endsWith('.md') && f !== 'README.md');
console.log(`load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} on ${cpus().length} cores (other work on the machine inflates the numbers)`);

time('generated workflow (flowchart + guided data)', workflowOf(30 * 1024));
time('generated checklist', checklistOf(30 * 1024));
for (const f of examples.sort((a, b) => readFileSync(`examples/${b}`, 'utf8').length - readFileSync(`examples/${a}`, 'utf8').length)) {
  time(`examples/${f}`, readFileSync(`examples/${f}`, 'utf8'));
}
