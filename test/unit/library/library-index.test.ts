/** The library index: ids and learned prefixes, incremental updates, snapshots for worker threads. */
import { strict as assert } from 'node:assert';
import { LibraryIndex } from '../../../src/core/library/library-index.js';

const sop = (id: string, body = '') => `---\nid: ${id}\n---\n\n# Title\n\n${body}\n`;

describe('library index', () => {
  const build = () => LibraryIndex.build([
    { path: '/lib/a.md', text: sop('SOP-001', 'See SOP-002, COVID-19 and CVE-2024-1234.') },
    { path: '/lib/b.md', text: sop('SOP-002') },
    { path: '/lib/notes/readme.md', text: '# Notes\n' },
  ], { root: '/lib' });

  it('learns the prefixes of the ids it has, and only those make references', () => {
    const index = build();
    assert.deepEqual(index.prefixes(), ['SOP-']);
    const refs = index.entry('/lib/a.md')!.tokens.filter((t) => index.isReference(t)).map((t) => t.text);
    assert.deepEqual(refs, ['SOP-002']);
  });

  it('finds SOPs by id, exactly or by the same prefix and number', () => {
    const index = build();
    assert.deepEqual(index.resolve('SOP-002').map((e) => e.path), ['/lib/b.md']);
    assert.deepEqual(index.resolve('SOP-2').map((e) => e.path), ['/lib/b.md']);
    assert.deepEqual(index.resolve('SOP-003'), []);
  });

  it('updates one entry: ids, prefixes and reverse supersedes follow the change', () => {
    const index = build();
    index.update('/lib/b.md', sop('CS-002'));
    assert.deepEqual(index.prefixes(), ['CS-', 'SOP-']);
    assert.deepEqual(index.withId('SOP-002'), []);
    index.update('/lib/c.md', '---\nid: CS-003\nsupersedes: CS-002\n---\n');
    assert.deepEqual(index.supersedersOf('CS-002').map((e) => e.path), ['/lib/c.md']);
    index.update('/lib/c.md', '---\nid: CS-003\n---\n');
    assert.deepEqual(index.supersedersOf('CS-002'), []);
    index.remove('/lib/b.md');
    index.remove('/lib/c.md');
    assert.deepEqual(index.prefixes(), ['SOP-']);
    assert.equal(index.size, 2);
  });

  it('ignores prefixes too short or without a letter to be ids', () => {
    const index = LibraryIndex.build([{ path: '/lib/a.md', text: sop('V1') }, { path: '/lib/b.md', text: sop('2024-001') }, { path: '/lib/c.md', text: sop('17') }], { root: '/lib' });
    assert.deepEqual(index.prefixes(), []);
  });

  it('takes a configured id pattern through the linear-time engine, and refuses one it cannot run', () => {
    const ok = LibraryIndex.build([{ path: '/lib/a.md', text: sop('SOP-001', 'See QMS-AB-001.') }], { root: '/lib', idPattern: 'QMS-[A-Z]{2}-\\d{3}' });
    assert.deepEqual(ok.entry('/lib/a.md')!.tokens.filter((t) => ok.isReference(t)).map((t) => t.text), ['QMS-AB-001']);
    const refused = new LibraryIndex({ root: '/lib', idPattern: '(?=QMS)QMS' });
    assert.equal(refused.pattern, undefined);
    assert.match(refused.patternProblem!, /lookahead/);
  });

  it('a snapshot rebuilds the same index (without the references, which each file re-reads)', () => {
    const index = build();
    index.setPathKind('/lib/gone.md', 'missing');
    const copy = LibraryIndex.fromSnapshot(structuredClone(index.snapshot()));
    assert.equal(copy.fingerprint(), index.fingerprint());
    assert.equal(copy.pathKind('/lib/gone.md'), 'missing');
    assert.deepEqual(copy.resolve('SOP-001').map((e) => e.path), ['/lib/a.md']);
  });

  it('its fingerprint changes with what other files depend on, not with body text', () => {
    const index = build();
    const before = index.fingerprint();
    index.update('/lib/b.md', sop('SOP-002', 'More words.'));
    assert.equal(index.fingerprint(), before);
    index.update('/lib/b.md', sop('SOP-002', '## A new heading'));
    assert.notEqual(index.fingerprint(), before);
  });
});
