/** The library rules beyond their fixtures: what the shell tells them about disk, bad input, and the cases that must stay quiet. */
import { strict as assert } from 'node:assert';
import { lint } from '../../../src/core/lint/lint.js';
import { LibraryIndex } from '../../../src/core/library/library-index.js';
import type { LintOptions } from '../../../src/core/options.js';

const TODAY = '2026-11-23';
const sop = (front: string, body = '') => `---\n${front}\n---\n\n# Title\n\n## Scope\n\n${body}\n`;

function findings(files: Record<string, string>, path: string, ruleId: string, options: LintOptions = {}, setup?: (index: LibraryIndex) => void): string[] {
  const index = LibraryIndex.build(Object.entries(files).map(([p, text]) => ({ path: `/lib/${p}`, text })), { root: '/lib' });
  setup?.(index);
  return lint(files[path], { today: TODAY, library: { index, path: `/lib/${path}` }, ...options }).messages
    .filter((m) => m.ruleId === ruleId).map((m) => `${m.line}:${m.severity}: ${m.message}`);
}

describe('library rules without a library', () => {
  it('duplicate-id and sop-reference say nothing (the editor, one text)', () => {
    const text = sop('id: SOP-001', 'See SOP-999 and [x](missing.md#nowhere).');
    const messages = lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'duplicate-id' || m.ruleId === 'sop-reference');
    assert.deepEqual(messages, []);
  });
});

describe('sop-reference: what the shell found on disk', () => {
  const files = { 'a.md': sop('id: SOP-001', 'See [gone](gone.md), [folder](policies.md), [linked out](link.md) and [unknown](never-looked.md).') };
  it('reports a missing file and a folder as errors, a target outside as a warning, and says nothing of what it was not told', () => {
    const got = findings(files, 'a.md', 'sop-reference', {}, (index) => {
      index.setPathKind('/lib/gone.md', 'missing');
      index.setPathKind('/lib/policies.md', 'folder');
      index.setPathKind('/lib/link.md', 'outside');
    });
    assert.deepEqual(got, [
      "9:error: Link 'gone.md' points to a file that does not exist",
      "9:error: Link 'policies.md' points to a folder, not a Markdown file",
      "9:warning: Link 'link.md' leads outside the workspace; sopkit does not follow it",
    ]);
  });
});

describe('sop-reference: quiet where it must be', () => {
  it('a retired SOP may name anything; a successor may name what it supersedes', () => {
    const files = {
      'old.md': sop('id: SOP-001\nstatus: retired\nsuperseded_by: SOP-002', 'Use SOP-002 now.'),
      'new.md': sop('id: SOP-002\nsupersedes: SOP-001', 'Replaces SOP-001.'),
    };
    assert.deepEqual(findings(files, 'old.md', 'sop-reference'), []);
    assert.deepEqual(findings(files, 'new.md', 'sop-reference'), []);
  });

  it('names the newest successor of a chain, and stops at a cycle', () => {
    const files = {
      'a.md': sop('id: SOP-001\nstatus: retired\nsuperseded_by: SOP-002'),
      'b.md': sop('id: SOP-002\nstatus: retired\nsupersedes: SOP-001\nsuperseded_by: SOP-003'),
      'c.md': sop('id: SOP-003\nsupersedes: SOP-002'),
      'x.md': sop('id: SOP-010', 'Old rules: SOP-001.'),
    };
    assert.deepEqual(findings(files, 'x.md', 'sop-reference'), ["9:warning: 'SOP-001' is retired; refer to its successor SOP-003 (c.md) instead"]);
  });

  it('a reference that resolves through its number ("SOP-1" for SOP-001) is fine; the SOP\'s own id is fine', () => {
    const files = { 'a.md': sop('id: SOP-001', 'This is SOP-001; see SOP-2.'), 'b.md': sop('id: SOP-002') };
    assert.deepEqual(findings(files, 'a.md', 'sop-reference'), []);
  });

  it('uses the text being linted for its own headings, not the index\'s older copy', () => {
    const index = LibraryIndex.build([{ path: '/lib/a.md', text: sop('id: SOP-001') }], { root: '/lib' });
    const edited = `${sop('id: SOP-001', 'Jump to [the new part](#new-part).')}\n## New part\n`;
    assert.deepEqual(lint(edited, { today: TODAY, library: { index, path: '/lib/a.md' } }).messages.filter((m) => m.ruleId === 'sop-reference'), []);
  });
});

describe('sop-reference: bad input', () => {
  it('a supersedes cycle of three is one warning, and nothing loops', () => {
    const files = {
      'a.md': sop('id: SOP-001\nsupersedes: SOP-003\nsuperseded_by: SOP-002'),
      'b.md': sop('id: SOP-002\nsupersedes: SOP-001\nsuperseded_by: SOP-003'),
      'c.md': sop('id: SOP-003\nsupersedes: SOP-002\nsuperseded_by: SOP-001'),
    };
    assert.deepEqual(findings(files, 'a.md', 'sop-reference'), ['3:warning: supersedes goes round in a circle (SOP-001 → SOP-003 → SOP-002 → SOP-001); an SOP cannot replace one that replaces it']);
  });

  it('an id that is a list is no id: the schema says so, duplicate-id stays quiet, nothing throws', () => {
    const files = { 'a.md': sop('id: [SOP-001, SOP-002]'), 'b.md': sop('id: SOP-001') };
    assert.deepEqual(findings(files, 'a.md', 'duplicate-id'), []);
    assert.equal(findings(files, 'a.md', 'frontmatter-schema').length, 1);
    assert.deepEqual(findings(files, 'b.md', 'duplicate-id'), []);
  });

  it('supersedes naming this SOP itself is not a succession of another', () => {
    const files = { 'a.md': sop('id: SOP-001\nsupersedes: SOP-001') };
    assert.deepEqual(findings(files, 'a.md', 'sop-reference'), ['3:warning: supersedes names this SOP\'s own id (SOP-001)']);
  });
});

describe('duplicate-id', () => {
  it('names every other file, and leaves out files the config does not lint', () => {
    const index = LibraryIndex.build([
      { path: '/lib/a.md', text: sop('id: SOP-001') },
      { path: '/lib/sub/b.md', text: sop('id: SOP-001') },
      { path: '/lib/c.md', text: sop('id: SOP-001') },
      { path: '/lib/ignored.md', text: sop('id: SOP-001'), lintable: false },
    ], { root: '/lib' });
    const messages = lint(sop('id: SOP-001'), { today: TODAY, library: { index, path: '/lib/a.md' } }).messages.filter((m) => m.ruleId === 'duplicate-id');
    assert.deepEqual(messages.map((m) => m.message), ["Id 'SOP-001' is also the id of c.md (and 1 more: sub/b.md); every SOP needs its own id"]);
  });
});

describe('approval: independent approval', () => {
  const text = sop('owner: Dana Whitfield\nstatus: approved\napproved_by: dana  whitfield\napproved_on: 2026-01-05');
  it('is checked only when configured', () => {
    const of = (options: LintOptions) => lint(text, { today: TODAY, ...options }).messages.filter((m) => m.ruleId === 'approval').map((m) => m.message);
    assert.deepEqual(of({}), []);
    assert.deepEqual(of({ approval: { independent: true } }), ['approved_by is the owner (Dana Whitfield); this library asks for approval by someone other than the owner (approval.independent)']);
  });
});

describe('change-control', () => {
  const base = sop('version: "1.9"\nstatus: approved\napproved_by: A\napproved_on: 2026-01-05', 'Old text.');
  const of = (text: string, baseText: string | null = base) => lint(text, { today: TODAY, ...(baseText === null ? {} : { baseText }) }).messages.filter((m) => m.ruleId === 'change-control').map((m) => m.message);

  it('says nothing without a base, when the base was not approved, or when only the front matter changed', () => {
    const changed = sop('version: "1.9"\nstatus: approved\napproved_by: A\napproved_on: 2026-01-05', 'New text.');
    assert.deepEqual(of(changed, null), []);
    assert.deepEqual(of(changed, base.replace('status: approved', 'status: draft')), []);
    assert.deepEqual(of(base.replace('approved_on: 2026-01-05', 'approved_on: 2026-01-05\nlast_reviewed: 2026-11-01').replace(/\n/g, '\r\n')), []);
  });

  it('asks for the revision entry once the version is higher (1.10 after 1.9), and takes review as the way back', () => {
    const text = sop('version: "1.10"\nstatus: review\napproved_by: A\napproved_on: 2026-01-05', 'New text.');
    assert.deepEqual(of(text), ['This SOP was approved at the base (version 1.9) and its content has changed since; it needs a revision-history entry for version 1.10']);
  });

  it('is content with a higher version, its entry and a newer approval', () => {
    const text = `${sop('version: "2.0"\nstatus: approved\napproved_by: B\napproved_on: 2026-11-20', 'New text.')}\n## Revision History\n\n| Date | Version | Change |\n| --- | --- | --- |\n| 2026-11-20 | 2.0 | New text |\n`;
    assert.deepEqual(of(text), []);
  });

  it('an approval on the same day as the base\'s is no new approval', () => {
    const text = `${sop('version: "2.0"\nstatus: approved\napproved_by: B\napproved_on: 2026-01-05', 'New text.')}\n## Revision History\n\n| Date | Version | Change |\n| --- | --- | --- |\n| 2026-11-20 | 2.0 | New text |\n`;
    assert.deepEqual(of(text), ['This SOP was approved at the base (version 1.9) and its content has changed since; it needs a new approval (approved_on after 2026-01-05) or status draft or review until it is approved again']);
  });
});
