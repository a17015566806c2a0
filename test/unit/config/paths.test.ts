import { strict as assert } from 'node:assert';
import { basename, dirname, fileUri, isInside, normalizePath, relativePath, resolvePath } from '../../../src/core/config/paths.js';

describe('config paths (no node:path in the core)', () => {
  it('normalizes slashes, dots and Windows drive roots', () => {
    assert.equal(normalizePath('/a/./b//c/../d'), '/a/b/d');
    assert.equal(normalizePath('C:\\Users\\ann\\sops\\..\\x.md'), 'C:/Users/ann/x.md');
    assert.equal(normalizePath('/..'), '/');
    assert.equal(normalizePath('../a'), '../a');
  });
  it('takes folders and names', () => {
    assert.equal(dirname('/a/b/c.md'), '/a/b');
    assert.equal(dirname('/a'), '/');
    assert.equal(dirname('/'), '/');
    assert.equal(dirname('C:/a'), 'C:/');
    assert.equal(basename('/a/b/c.md'), 'c.md');
  });
  it('resolves and relates paths', () => {
    assert.equal(resolvePath('/repo/docs', '../schemas/team.json'), '/repo/schemas/team.json');
    assert.equal(resolvePath('/repo/docs', '/etc/x.json'), '/etc/x.json');
    assert.equal(relativePath('/repo', '/repo/docs/a.md'), 'docs/a.md');
    assert.equal(relativePath('/repo/docs', '/repo/other/a.md'), '../other/a.md');
    assert.equal(isInside('/repo', '/repo/docs/a.md'), true);
    assert.equal(isInside('/repo', '/repository/a.md'), false);
    assert.equal(isInside('/repo', '/etc/passwd'), false);
  });
  it('makes file URIs Ajv can resolve relative $refs against', () => {
    assert.equal(fileUri('/repo/my schemas/team.json'), 'file:///repo/my%20schemas/team.json');
    assert.equal(fileUri('C:/repo/team.json'), 'file:///C:/repo/team.json');
  });
});
