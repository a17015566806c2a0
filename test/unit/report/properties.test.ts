/**
 * The report holds on any text: a row for every document (no throw), and each format keeps
 * document text inside its cell — one Markdown table row, one CSV record of 14 fields, no
 * script or handler in the HTML but the page's own.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { buildReport, renderReport, reportRow } from '../../../src/core/report/index.js';
import { anyText, sopDocument, XSS_PAYLOADS } from '../reliability/arbitraries.js';
import { htmlProblems, ownScriptCount, TODAY } from '../reliability/helpers.js';

/** Splits RFC 4180 text into records of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { fields.push(field); records.push(fields); fields = []; field = ''; i++; } else field += c;
  }
  assert.equal(quoted, false, 'every quote is closed');
  assert.equal(field + fields.join(''), '', 'the text ends with CRLF');
  return records;
}

function checkFormats(text: string): void {
  const row = reportRow('sops/doc.md', text, {}, TODAY);
  const report = buildReport([row], TODAY, 'sopkit test');
  const md = renderReport(report, 'markdown');
  const tableRows = md.split('\n').filter((line) => line.includes('| sops/doc.md |'));
  assert.equal(tableRows.length, 1, `one table row in ${JSON.stringify(md)}`);
  assert.equal(tableRows[0].split(/(?<!\\)\|/).length, 15, tableRows[0]);
  const records = parseCsv(renderReport(report, 'csv'));
  assert.equal(records.length, 2);
  assert.equal(records[1].length, 14);
  assert.equal(records[1][2], 'sops/doc.md');
  for (const cell of records[1]) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
  const html = renderReport(report, 'html');
  assert.equal(ownScriptCount(html), 1);
  assert.deepEqual(htmlProblems(html, 1), []);
  assert.deepEqual(JSON.parse(renderReport(report, 'json')).sops[0], JSON.parse(JSON.stringify(row)));
}

describe('report: properties', function () {
  this.timeout(120_000);

  it('arbitrary text (150 runs) and SOP-shaped documents (60 runs)', () => {
    fc.assert(fc.property(anyText, checkFormats), { numRuns: 150 });
    fc.assert(fc.property(sopDocument, checkFormats), { numRuns: 60 });
  });

  it('every XSS payload in the title, id, owner, status and version', () => {
    for (const payload of XSS_PAYLOADS) {
      const value = JSON.stringify(payload);
      checkFormats(`---\ntitle: ${value}\nid: ${value}\nowner: ${value}\nstatus: ${value}\nversion: ${value}\n---\n\n# ${payload}\n`);
      checkFormats(`# ${payload}\n\nText.\n`);
    }
  });
});
