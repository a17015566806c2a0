import assert from 'node:assert/strict';
import { LINT_SUMMARY_MAX } from '../../../src/core/render/header.js';
import { $, $$, fixtureText, renderTree, text } from './helpers.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { guidedData } from '../../../src/core/render/views/workflow.js';
import { flowGraph } from '../../../src/core/render/views/flowchart.js';

describe('render: checklist', () => {
  const tree = renderTree(fixtureText('checklist.md'));

  it('groups items by phase, each with its own progress bar', () => {
    const phases = $$(tree, 'section.sop-phase');
    assert.deepEqual(phases.map((p) => text($(p, 'h3'))), ['Before opening', 'At opening', 'First hour']);
    const labels = phases.map((p) => text($(p, '.sop-progress-label')));
    assert.deepEqual(labels, ['1 of 3 done', '0 of 2 done', '1 of 2 done']);
    assert.equal(Number($(phases[0], 'progress')?.properties.max), 3);
  });

  it('has an overall progress bar and real, enabled checkboxes carrying line and marker offset', () => {
    assert.equal(text($(tree, '[data-progress-group="all"] .sop-progress-label')), '2 of 7 done');
    const boxes = $$(tree, 'input.sop-task');
    assert.equal(boxes.length, 7);
    const source = fixtureText('checklist.md');
    for (const box of boxes) {
      assert.equal(box.properties.disabled, undefined);
      const offset = Number(box.properties.dataOffset);
      assert.match(source.slice(offset, offset + 3), /^\[( |x)\]$/);
      const line = Number(box.properties.dataLine);
      assert.equal(source.split('\n')[line - 1].includes(source.slice(offset, offset + 3)), true);
    }
    assert.equal(boxes.filter((b) => b.properties.checked).length, 2);
    assert.ok($(tree, 'button[data-action="reset-checklist"]'));
  });
});

describe('render: faq', () => {
  const tree = renderTree(fixtureText('faq.md'));

  it('lists every question in an index linking to its slug', () => {
    const links = $$(tree, 'nav.sop-faq-index a');
    assert.equal(links.length, 4);
    for (const link of links) {
      const id = String(link.properties.href).slice(1);
      const entry = $(tree, `details#${id}`);
      assert.ok(entry, `no <details id="${id}">`);
      assert.equal(text($(entry, 'summary')), text(link));
    }
  });

  it('puts each answer in a collapsible entry with a filter box above', () => {
    const entries = $$(tree, 'details.sop-faq-entry');
    assert.equal(entries.length, 4);
    assert.match(text($(entries[0], '.sop-faq-answer')), /admin console/);
    assert.ok($(tree, 'input.sop-faq-filter[type="search"]'));
    assert.equal(text($(tree, '.sop-faq-count')), '4 of 4 questions');
    // Non-FAQ sections are still there.
    assert.ok($$(tree, 'h2').some((h) => text(h) === 'Purpose'));
  });
});

describe('render: workflow', () => {
  const source = fixtureText('workflow.md');
  const tree = renderTree(source);

  it('draws one flowchart node per step and a red node for a dangling step reference', () => {
    const steps = $$(tree, 'svg.sop-flowchart g.sop-flow-step');
    assert.deepEqual(steps.map((s) => s.properties.dataStep), [1, 2].map(String));
    const missing = $$(tree, 'g.sop-flow-missing');
    assert.equal(missing.length, 1);
    assert.match(text(missing[0]), /Step 7 does not exist/);
    assert.equal($$(tree, 'g.sop-flow-edge-missing').length, 1);
    assert.equal($$(tree, 'g.sop-flow-edge-return').length, 1);
    assert.match(text($(tree, '.sop-flow-warning')), /1 step reference points to a step that does not exist/);
  });

  it('lays nodes out without overlaps (dagre positions)', () => {
    const rects = $$(tree, 'g.sop-flow-node > rect').map((r) => ({ x: +r.properties.x!, y: +r.properties.y!, w: +r.properties.width!, h: +r.properties.height! }));
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]; const b = rects[j];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        assert.equal(overlap, false, `nodes ${i} and ${j} overlap`);
      }
    }
  });

  it('embeds the guided walk data as JSON with branches and targets', () => {
    const script = $(tree, 'script#sop-workflow-data');
    assert.equal(script?.properties.type, 'application/json');
    const data = JSON.parse(text(script));
    assert.equal(data.steps.length, 2);
    assert.deepEqual(data.steps[1].branches.map((b: { kind: string; target?: number }) => [b.kind, b.target]), [['action', undefined], ['return', 1], ['proceed', 7]]);
    assert.deepEqual(JSON.parse(JSON.stringify(guidedData(buildSopDocument(source)))), data);
    assert.ok($(tree, '.sop-guided button[data-action="guided-restart"]'));
  });

  it('flowGraph links sequential steps that have no branches', () => {
    const doc = buildSopDocument('---\nformat: workflow\n---\n# W\n\n## Procedure\n\n### Step 1: Greet\nSay hello.\n\n### Step 2: Listen\nListen.\n');
    const { nodes, edges } = flowGraph(doc);
    assert.equal(nodes.filter((n) => n.kind === 'step').length, 2);
    assert.deepEqual(edges.map((e) => [e.from, e.to, e.kind]), [['step-1', 'step-2', 'next']]);
  });
});

describe('render: guide', () => {
  it('shows numbered step cards, resolves local images and blocks remote ones', () => {
    const seen: string[] = [];
    const tree = renderTree(fixtureText('guide.md'), { resolveImage: (src) => { seen.push(src); return `resolved:${src}`; } });
    const cards = $$(tree, 'ol.sop-step-cards > li.sop-step-card');
    assert.deepEqual(cards.map((c) => text($(c, '.sop-step-number'))), ['1', '2', '3']);
    assert.match(text($(cards[0], '.sop-step-title')), /Open the returns screen/);
    assert.equal($(cards[0], 'img')?.properties.src, 'resolved:images/returns-button.png');
    assert.deepEqual(seen, ['images/returns-button.png']);
    assert.equal($(cards[1], 'img'), undefined);
    assert.match(text($(cards[1], '.sop-image-blocked')), /Remote image not loaded: Receipt barcode/);
    // The step headings are not repeated outside the cards.
    assert.equal($$(tree, '.sop-body h3:not(.sop-step-title)').filter((h) => /Step 1/.test(text(h))).length, 0);
  });
});

describe('render: article', () => {
  const tree = renderTree(fixtureText('article.md'));

  it('has a header card with owner, version, status and an overdue next review', () => {
    assert.equal(text($(tree, 'h1.sop-title')), 'Handling customer complaints with empathy');
    const rows = Object.fromEntries($$(tree, '.sop-meta-row').map((r) => [text($(r, 'dt')), text($(r, 'dd'))]));
    assert.equal(rows.Owner, 'Customer Experience Manager');
    assert.equal(rows.Version, '1.2');
    assert.equal(rows.Status, 'approved');
    assert.equal(rows['Next review'], '2026-01-15 Overdue');
    assert.ok($(tree, '.sop-badge-error[title*="today is 2026-11-23"]'));
  });

  it('turns a listed revision history into a table and keeps sections with data-line', () => {
    const table = $(tree, 'table.sop-revisions');
    assert.ok(table);
    const rows = $$(table!, 'tbody tr').map((r) => $$(r, 'td').map((td) => text(td)));
    assert.equal(rows.length, 2);
    assert.equal(rows[0][0], '2025-01-15');
    assert.equal(rows[0][1], '1.2');
    const sections = $$(tree, 'section.sop-section > h2').map((h) => text(h));
    assert.deepEqual(sections, ['Purpose', 'Scope', 'Procedure', 'References', 'Revision History']);
    for (const block of $$(tree, '.sop-body p, .sop-body li, .sop-body h2, .sop-body blockquote')) {
      assert.ok(Number(block.properties.dataLine) > 0, `missing data-line on <${block.tagName}>`);
    }
  });
});

describe('render: lint summary', () => {
  it('lists errors and warnings, each linking to its source line', () => {
    const tree = renderTree(fixtureText('workflow.md'));
    const items = $$(tree, '.sop-lint-item');
    assert.ok(items.length >= 2);
    const error = items.find((i) => (i.properties.className as string[]).includes('sop-lint-error'));
    assert.ok(error);
    const link = $(error!, 'a[data-jump-line]');
    assert.equal(link?.properties.href, `#L${link?.properties.dataJumpLine}`);
    assert.match(text($(tree, '.sop-lint summary')), /1 error/);
  });

  it('lists the first 200 problems, errors first, and counts the rest', () => {
    const message = (i: number, severity: 'error' | 'warning') => ({ ruleId: 'placeholder', severity, message: `Placeholder ${i}`, line: i + 1, column: 1, endLine: i + 1, endColumn: 2, url: 'https://example.invalid' });
    const lint = [...Array.from({ length: 450 }, (_, i) => message(i, 'warning')), ...Array.from({ length: 5 }, (_, i) => message(1000 + i, 'error'))];
    const tree = renderTree(fixtureText('checklist.md'), { lint });
    const items = $$(tree, '.sop-lint-item');
    assert.equal(items.length, LINT_SUMMARY_MAX);
    assert.equal(items.filter((i) => (i.properties.className as string[]).includes('sop-lint-error')).length, 5, 'every error is listed');
    assert.match(text($(tree, '.sop-lint-more')), /and 255 more/);
    assert.match(text($(tree, '.sop-lint summary')), /5 errors.*450 warnings/);
    assert.equal($(renderTree(fixtureText('workflow.md')), '.sop-lint-more'), undefined, 'no note under the limit');
  });

  it('says so when there is nothing to report', () => {
    const tree = renderTree(fixtureText('checklist.md'), { lint: [] });
    assert.equal(text($(tree, '.sop-lint-clean')), 'No problems found.');
  });
});

describe('render: dangling step references', () => {
  it('marks "Proceed to Step 7" in the document text when there is no Step 7', () => {
    const tree = renderTree(fixtureText('workflow.md'));
    const marks = $$(tree, '.sop-body mark.sop-dangling');
    assert.deepEqual(marks.map((m) => text(m)), ['Proceed to Step 7']);
    assert.match(String(marks[0].properties.title), /steps: 1, 2/);
    assert.equal($$(tree, '.sop-body mark').length, 1, 'existing steps are not marked');
  });
});

describe('render: flowchart layout cache', () => {
  it('reuses the layout when only text outside the steps changed, with source lines kept current', () => {
    const source = fixtureText('workflow.md');
    const before = renderTree(source);
    const after = renderTree(source.replace('## Purpose\n', '## Purpose\nOne more line.\n\n'));
    const nodes = (tree: ReturnType<typeof renderTree>) => $$(tree, 'g.sop-flow-step').map((g) => [$(g, 'rect')?.properties.x, Number(g.properties.dataLine)]);
    const [a, b] = [nodes(before), nodes(after)];
    assert.deepEqual(b.map((n) => n[0]), a.map((n) => n[0]));
    assert.deepEqual(b.map((n) => n[1]), a.map((n) => (n[1] as number) + 2));
    assert.deepEqual($$(after, 'g.sop-flow-step').map((g) => Number(g.properties.dataJumpLine)), b.map((n) => n[1]));
  });
});

describe('render: other ways people write FAQs and guides', () => {
  it('FAQ with "Q:"/"A:" paragraphs and bold questions', () => {
    const tree = renderTree('---\nformat: faq\ntitle: Q FAQ\n---\n# Q FAQ\n\n## FAQ\n\n**Can I change my e-mail?**\n\nYes, after verification.\n\nMore detail here.\n\nQuestion 3: What about refunds?\n\nAnswer: 5 days.\n');
    const entries = $$(tree, 'details.sop-faq-entry');
    assert.deepEqual(entries.map((e) => text($(e, 'summary'))), ['Can I change my e-mail?', 'What about refunds?']);
    assert.deepEqual($$(entries[0], '.sop-faq-answer p').map((p) => text(p)), ['Yes, after verification.', 'More detail here.']);
    assert.equal(text($(entries[1], '.sop-faq-answer p')), '5 days.', 'the "Answer:" label is dropped');
  });

  it('guide with numbered list steps keeps what follows the title line (text and images)', () => {
    const tree = renderTree('---\nformat: guide\ntitle: G\n---\n# G\n\n## Procedure\n\n1. Open the app\n   ![shot](img/a.png)\n2. Tap **Settings**\n   Then tap Reset.\n3. Confirm\n');
    const cards = $$(tree, 'li.sop-step-card');
    assert.deepEqual(cards.map((c) => text($(c, '.sop-step-title')).replace(/^Step \d+:\s*/, '')), ['Open the app', 'Tap Settings', 'Confirm']);
    assert.equal($(cards[0], 'img')?.properties.src, 'img/a.png');
    assert.equal(text($(cards[1], 'p')), 'Then tap Reset.');
    assert.equal($(cards[2], 'p'), undefined);
  });
});
