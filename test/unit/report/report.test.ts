/** The library report in the core: rows read off the model, the summary, and the four formats. */
import { strict as assert } from 'node:assert';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { lint } from '../../../src/core/lint/lint.js';
import { buildReport, isSopkitReport, renderReport, reportRow, type LibraryReport, type ReportRow } from '../../../src/core/report/index.js';
import { csvField } from '../../../src/core/report/csv.js';
import { reportHtml } from '../../../src/core/report/html.js';
import { markdownCell } from '../../../src/core/report/markdown.js';

const TODAY = '2026-11-23';

function sop(front: Record<string, string>, body = '# Title\n\n## Purpose\n\nWhy.\n'): string {
  return `---\n${Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n\n${body}`;
}

const row = (file: string, text: string): ReportRow => reportRow(file, text, {}, TODAY);

function library(): LibraryReport {
  return buildReport([
    row('b.md', sop({ id: 'SOP-002', title: 'Beta', owner: 'Ops Lead', status: 'approved', version: '1.2', effective: '2026-01-05', last_reviewed: '2025-10-01' })),
    row('a.md', sop({ id: 'SOP-001', title: 'Alpha', owner: 'Ops Lead', status: 'draft', next_review: '2026-12-10' })),
    row('c.md', sop({ title: 'Gamma', owner: 'Finance', next_review: '2027-02-01' })),
    row('d.md', '# No front matter\n\nJust text.\n'),
  ], TODAY, 'sopkit test');
}

describe('report: rows', () => {
  it('reads id, title, owner, status, version and dates from the front matter', () => {
    const r = row('x.md', sop({ id: 'SOP-7', title: 'Seven', owner: 'Ops', status: 'approved', version: '2', effective: '2026-03-01', last_reviewed: '2026-06-01' }));
    assert.deepEqual({ ...r, errors: 0, warnings: 0 }, {
      file: 'x.md', id: 'SOP-7', title: 'Seven', format: r.format, owner: 'Ops', status: 'approved', version: '2', effective: '2026-03-01',
      lastReviewed: '2026-06-01', nextReview: '2027-06-01', nextReviewFrom: 'last_reviewed', daysUntilReview: 190, overdue: false,
      errors: 0, warnings: 0, unresolvedReferences: 0,
    });
  });

  it('counts the same errors and warnings as lint, and no unresolved references without sop-reference findings', () => {
    const text = sop({ title: 'Broken', last_reviewed: '2020-01-01' }, '# Broken\n\nTBD\n');
    const messages = lint(text, { today: TODAY }).messages;
    const r = row('broken.md', text);
    assert.equal(r.errors, messages.filter((m) => m.severity === 'error').length);
    assert.equal(r.warnings, messages.filter((m) => m.severity === 'warning').length);
    assert.ok(r.errors > 0 && r.warnings > 0);
    assert.equal(r.unresolvedReferences, 0);
    assert.equal(r.overdue, true);
    assert.equal(r.nextReview, '2021-01-01');
  });

  it('uses the review-overdue rule\'s notion of the next review: next_review first, then the newest of last_reviewed and revisions plus the interval', () => {
    const revised = sop({ last_reviewed: '2025-01-01', review_interval: '6 months' }, '# T\n\n## Revision History\n\n| Date | Version | Change |\n| --- | --- | --- |\n| 2025-03-01 | 1.0 | First |\n');
    const r = row('r.md', revised);
    assert.equal(r.nextReview, '2025-09-01');
    assert.equal(r.nextReviewFrom, 'revision');
    assert.equal(r.overdue, true);
    const overdueMessage = lint(revised, { today: TODAY }).messages.find((m) => m.ruleId === 'review-overdue');
    assert.match(overdueMessage!.message, /last revised 2025-03-01, due 2025-09-01/);
    const configured = reportRow('c.md', sop({ last_reviewed: '2026-01-01' }), { reviewInterval: '3 months' }, TODAY);
    assert.equal(configured.nextReview, '2026-04-01');
    const ruleOption = reportRow('c.md', sop({ last_reviewed: '2026-01-01' }), { rules: { 'review-overdue': { options: { interval: '2 months' } } } }, TODAY);
    assert.equal(ruleOption.nextReview, '2026-03-01');
    assert.equal(row('n.md', sop({ next_review: '2026-11-23', last_reviewed: '2000-01-01' })).overdue, false, 'due today is not overdue');
  });

  it('never throws on bad front matter: broken YAML, lists, mappings, dates that are not dates', () => {
    const texts = [
      '---\ntitle: [unclosed\n---\n# T\n',
      '---\n- a list\n- not a mapping\n---\n# T\n',
      sop({ id: '{ nested: 1 }', owner: '[a, b]', status: '42', version: 'true', effective: 'soon', last_reviewed: '2026-02-30' }),
      '---\n---\n',
      '',
    ];
    for (const text of texts) {
      const r = row('bad.md', text);
      assert.equal(typeof r.errors, 'number');
    }
    const odd = row('odd.md', texts[2]);
    assert.deepEqual([odd.id, odd.owner, odd.status, odd.version, odd.effective, odd.lastReviewed], [null, null, '42', 'true', null, null]);
  });
});

describe('report: summary', () => {
  it('lists rows by file and counts by status, by owner and by month', () => {
    const { summary, rows } = library();
    assert.deepEqual(rows.map((r) => r.file), ['a.md', 'b.md', 'c.md', 'd.md']);
    assert.deepEqual(summary.byStatus, [{ status: 'draft', sops: 1 }, { status: 'approved', sops: 1 }, { status: null, sops: 2 }]);
    assert.equal(summary.overdue, 1);
    assert.equal(summary.dueWithin30Days, 1);
    assert.equal(summary.dueWithin90Days, 2);
    assert.equal(summary.noReviewDate, 1);
    assert.deepEqual(summary.byOwner, [
      { owner: 'Finance', sops: 1, overdue: 0, dueWithin30Days: 0, dueWithin90Days: 1 },
      { owner: 'Ops Lead', sops: 2, overdue: 1, dueWithin30Days: 1, dueWithin90Days: 1 },
      { owner: null, sops: 1, overdue: 0, dueWithin30Days: 0, dueWithin90Days: 0 },
    ]);
    assert.equal(summary.reviewsByMonth.length, 12);
    assert.deepEqual(summary.reviewsByMonth.slice(0, 4), [{ month: '2026-11', sops: 0 }, { month: '2026-12', sops: 1 }, { month: '2027-01', sops: 0 }, { month: '2027-02', sops: 1 }]);
    assert.equal(summary.reviewsByMonth[11].month, '2027-10');
    assert.equal(summary.reviewsLater, 0);
  });

  it('counts findings of the sop-reference rule as unresolved references, whichever rule files them', () => {
    const report = buildReport([{ ...row('a.md', sop({ title: 'A' })), unresolvedReferences: 2 }, { ...row('b.md', sop({ title: 'B' })), unresolvedReferences: 1 }], TODAY, 'x');
    assert.equal(report.summary.unresolvedReferences, 3);
  });
});

describe('report: markdown', () => {
  it('escapes pipes, markup, line breaks, mentions and issue references in cells', () => {
    assert.equal(markdownCell('a | b'), 'a \\| b');
    assert.equal(markdownCell('**bold** [x](http://e) <img src=x> `c`'), '\\*\\*bold\\*\\* \\[x\\](http://e) \\<img src=x\\> \\`c\\`');
    assert.equal(markdownCell('line\nbreak'), 'line break');
    assert.equal(markdownCell('@alice and bob@example.com'), '@\u200balice and bob@example.com');
    assert.equal(markdownCell('see #12'), 'see #\u200b12');
  });

  it('has the summary, the owner table and one table row per SOP with every column', () => {
    const md = renderReport(library(), 'markdown');
    assert.ok(md.startsWith('<!-- sopkit report -->\n## SOP library report\n'));
    assert.match(md, /4 SOPs · 1 overdue for review · 1 due within 30 days · 2 within 90 days · 0 unresolved references/);
    assert.match(md, /\| Ops Lead \| 2 \| 1 \| 1 \| 1 \|/);
    const header = md.split('\n').find((l) => l.startsWith('| ID |'))!;
    assert.equal(header, '| ID | Title | File | Format | Owner | Status | Version | Effective | Last reviewed | Next review | Overdue | Errors | Warnings |');
    const rows = md.split('\n').filter((l) => /^\| (SOP-|\s)/.test(l));
    assert.equal(rows.length, 4);
    for (const line of rows) assert.equal(line.split(/(?<!\\)\|/).length, 15, line);
    assert.match(md, /\| SOP-002 \| Beta \| b\.md \|/);
    assert.match(md, /\| \*\*yes\*\* \|/);
  });

  it('keeps a hostile title inside its cell', () => {
    const hostile = row('h.md', sop({ title: '"Evil | ![x](http://t/x.png) <script>alert(1)</script> @here"' }));
    const md = renderReport(buildReport([hostile], TODAY, 'x'), 'markdown');
    const line = md.split('\n').find((l) => l.includes('Evil'))!;
    assert.equal(line.split(/(?<!\\)\|/).length, 15);
    assert.doesNotMatch(line, /(?<!\\)<script|(?<!\\)!(?<!\\)\[|(?<!\\)\[/);
  });

  it('collapses the SOP table of a large library into <details>', () => {
    const many = Array.from({ length: 60 }, (_, i) => row(`s${i}.md`, sop({ title: `S${i}` })));
    assert.match(renderReport(buildReport(many, TODAY, 'x'), 'markdown'), /<details><summary>All 60 SOPs<\/summary>/);
    assert.doesNotMatch(renderReport(library(), 'markdown'), /<details>/);
  });
});

describe('report: json and csv', () => {
  it('json has a stable top-level shape and every row field', () => {
    const json = JSON.parse(renderReport(library(), 'json'));
    assert.deepEqual(Object.keys(json), ['report', 'schemaVersion', 'generator', 'today', 'summary', 'sops']);
    assert.equal(json.report, 'sopkit');
    assert.equal(json.schemaVersion, 1);
    assert.deepEqual(Object.keys(json.sops[0]), ['file', 'id', 'title', 'format', 'owner', 'status', 'version', 'effective', 'lastReviewed', 'nextReview', 'nextReviewFrom', 'daysUntilReview', 'overdue', 'errors', 'warnings', 'unresolvedReferences']);
    assert.deepEqual(Object.keys(json.summary), ['sops', 'byStatus', 'overdue', 'dueWithin30Days', 'dueWithin90Days', 'noReviewDate', 'errors', 'warnings', 'unresolvedReferences', 'byOwner', 'reviewsByMonth', 'reviewsLater']);
  });

  it('csv quotes as RFC 4180 says and neutralises formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    for (const lead of ['=', '+', '-', '@']) assert.equal(csvField(`${lead}SUM(A1)`), `'${lead}SUM(A1)`);
    assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    const csv = renderReport(buildReport([row('f.md', sop({ title: '"=1+2, evil"', owner: '"@ops"' }))], TODAY, 'x'), 'csv');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'id,title,file,format,owner,status,version,effective,last_reviewed,next_review,overdue,errors,warnings,unresolved_references');
    assert.match(lines[1], /^,"'=1\+2, evil",f\.md,\w+,'@ops,/);
    assert.equal(lines[2], '');
    assert.equal(lines.length, 3);
  });
});

describe('report: html', () => {
  const page = () => reportHtml(library(), 'TESTNONCE');

  it('is one self-contained page: a strict CSP with a nonce, nothing fetched, no inline handlers', () => {
    const html = page();
    const tree = fromHtml(html);
    const csp = select('meta[http-equiv="Content-Security-Policy"]', tree)!.properties.content as string;
    assert.equal(csp, "default-src 'none'; style-src 'nonce-TESTNONCE'; script-src 'nonce-TESTNONCE'; img-src data:; base-uri 'none'; form-action 'none'");
    for (const el of selectAll('script, style', tree)) assert.equal(el.properties.nonce, 'TESTNONCE');
    assert.equal(selectAll('script[src], link, img, iframe, object', tree).length, 0);
    assert.doesNotMatch(html, /\son[a-z]+=|style="|https?:\/\//i);
    assert.notEqual(reportHtml(library()), reportHtml(library()), 'a fresh nonce per page');
  });

  it('has a table with scoped headers, sort buttons, one sorted column and a row per SOP', () => {
    const tree = fromHtml(page());
    const headers = selectAll('#sops thead th', tree);
    assert.equal(headers.length, 13);
    for (const th of headers) {
      assert.equal(th.properties.scope, 'col');
      assert.equal(selectAll('button[type="button"]', th).length, 1);
    }
    assert.deepEqual(headers.filter((th) => th.properties.ariaSort).map((th) => [hastText(th), th.properties.ariaSort]), [['File', 'ascending']]);
    const rows = selectAll('#sops tbody tr', tree);
    assert.equal(rows.length, 4);
    assert.equal(hastText(select('th[scope="row"]', rows[0])!), 'a.md');
    assert.deepEqual(rows.map((r) => r.properties.dataOverdue), ['no', 'yes', 'no', 'no']);
    assert.ok(select('label[for="filter-text"]', tree) && select('#filter-text', tree) && select('label[for="filter-status"]', tree));
    assert.equal(select('#shown', tree)!.properties.ariaLive, 'polite');
    assert.equal(select('#filters', tree)!.properties.hidden, true, 'controls appear only with the script');
  });

  it('draws the reviews-due chart as SVG with a text alternative and a data table', () => {
    const tree = fromHtml(page());
    const svg = select('svg.chart', tree)!;
    assert.equal(svg.properties.role, 'img');
    assert.equal(hastText(select('title', svg)!), 'Reviews due per month');
    assert.match(hastText(select('desc', svg)!), /^Overdue: 1; Nov 2026: 0; Dec 2026: 1; Jan 2027: 0; Feb 2027: 1;/);
    assert.equal(selectAll('rect.bar', svg).length, 13);
    assert.equal(selectAll('details table tbody tr', tree).length, 14);
  });

  it('escapes everything that comes from documents', () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>\'';
    const html = reportHtml(buildReport([row(`${evil}.md`, sop({ title: JSON.stringify(evil), owner: JSON.stringify(evil), status: JSON.stringify(evil), id: JSON.stringify(evil) }))], TODAY, 'x'), 'N');
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the page\'s own script');
    assert.doesNotMatch(html, /<img/);
    const tree = fromHtml(html);
    assert.equal(selectAll('[onerror]', tree).length, 0);
    const cells = selectAll('#sops tbody th, #sops tbody td', tree).map((c) => hastText(c));
    assert.equal(cells.filter((c) => c.includes('<script>alert(1)</script>')).length, 5, 'id, title, file, owner and status shown as text');
    assert.equal(select('#filter-status option[value]:not([value=""])', tree)!.properties.value, evil);
  });
});

describe('report: recognising an earlier report', () => {
  it('knows each format it writes and nothing else', () => {
    for (const format of ['markdown', 'json', 'html', 'csv'] as const) assert.equal(isSopkitReport(renderReport(library(), format)), true, format);
    for (const other of ['# An SOP\n', '<!doctype html><title>x</title>', '{"a":1}', 'id,title\r\n', '']) assert.equal(isSopkitReport(other), false, other);
  });
});
