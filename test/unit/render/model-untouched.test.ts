/**
 * The editor's preview renders from the model the live lint already built (no second parse).
 * That is only sound if rendering leaves the model exactly as it found it: a renderer that wrote
 * into the tree would change what the next lint or quick fix sees. Checked on every example,
 * fixture and rule fixture, and on the same model rendered twice.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { lintDocument } from '../../../src/core/lint/lint.js';
import { renderSopBody } from '../../../src/core/render/index.js';
import { TODAY } from './helpers.js';

const repo = new URL('../../../', import.meta.url).pathname;

function markdownFiles(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));
}

/** A plain copy that keeps every own property (positions, data, shared objects copied by value). */
const snapshot = (value: unknown): unknown => structuredClone(value);

describe('render: leaves the model it is given untouched', () => {
  const files = [...markdownFiles('examples'), ...markdownFiles('test/browser/fixtures'), ...markdownFiles('test/fixtures/rules'), ...markdownFiles('templates')];

  it('has documents of every kind to check', () => {
    assert.ok(files.length >= 40, `${files.length} files`);
  });

  it('renders every document without changing its model, and twice to the same HTML', () => {
    for (const file of files) {
      const doc = buildSopDocument(readFileSync(file, 'utf8'));
      const lint = lintDocument(doc, { today: TODAY });
      const before = snapshot(doc);
      const first = renderSopBody(doc, { lint, today: TODAY });
      assert.deepEqual(snapshot(doc), before, `${file}: the renderer changed the model`);
      assert.equal(renderSopBody(doc, { lint, today: TODAY }), first, `${file}: a second render of the same model differs`);
    }
  });

  it('the check can fail: a change to the tree is seen', () => {
    const doc = buildSopDocument('# T\n\nText.\n');
    const before = snapshot(doc);
    (doc.tree.children[0] as { data?: unknown }).data = { touched: true };
    assert.notDeepEqual(snapshot(doc), before);
  });
});
