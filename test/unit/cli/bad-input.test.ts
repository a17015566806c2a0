/**
 * Bad input gets one clear line and exit 2, never an internal error (issue 11, item 11): `$ref`
 * cycles and malformed `%` escapes in team schemas, impossible `--today` dates, huge config values.
 */
import { strict as assert } from 'node:assert';
import { loadConfigForFile } from '../../../src/core/config/resolver.js';
import { compileTeamSchema } from '../../../src/core/schema.js';
import { memoryHost } from '../config/memory-host.js';
import { CLEAN_SOP, cleanUpWorkspaces, sopkit, workspace } from './helpers.js';

const TODAY = ['--today', '2026-11-23'];

describe('bad input is a config or usage problem, exit 2 (issue 11)', () => {
  after(cleanUpWorkspaces);

  const cycles: [string, object][] = [
    ['a schema that refers to itself', { $ref: '#' }],
    ['a → b → a through definitions', { $ref: '#/definitions/a', definitions: { a: { $ref: '#/definitions/b' }, b: { allOf: [{ $ref: '#/definitions/a' }] } } }],
    ['a cycle reached only under a property', { properties: { frontMatter: { $ref: '#/definitions/loop' } }, definitions: { loop: { anyOf: [{ $ref: '#/definitions/loop' }] } } }],
  ];
  for (const [name, schema] of cycles) {
    it(`a $ref cycle (${name}) is one config problem line, exit 2`, async () => {
      const dir = workspace({ '.git/HEAD': 'ref: refs/heads/main\n', '.sopkit.yaml': 'schema: team.json\n', 'team.json': JSON.stringify(schema), 'sops/a.md': CLEAN_SOP });
      const run = await sopkit(dir, ['lint', 'sops', ...TODAY]);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout + run.stderr, /internal|Maximum call stack/i);
      assert.match(run.stderr, /team\.json:1:1: This team schema is not a usable JSON Schema: its \$refs go round in a circle/);
      assert.equal(run.stderr.trim().split('\n').length, 2, run.stderr);
    });
  }

  it('a recursive schema that looks into the data is not a cycle', () => {
    const tree = { definitions: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/definitions/node' } } } } }, properties: { frontMatter: { $ref: '#/definitions/node' } } };
    assert.ok(!('error' in compileTeamSchema({ path: 't.json', schema: tree })));
  });

  it('a malformed % escape in a $ref file name is a config problem at the $ref', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'schema: team.json', '/r/team.json': '{\n  "allOf": [{ "$ref": "parts/100%.json" }]\n}' });
    const result = await loadConfigForFile('/r/a.md', host);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].line, 2);
    assert.match(result.problems[0].message, /\$ref 'parts\/100%\.json' is not a valid address/);
    const dir = workspace({ '.git/HEAD': 'ref: refs/heads/main\n', '.sopkit.yaml': 'schema: team.json\n', 'team.json': '{ "allOf": [{ "$ref": "x%zz.json" }] }', 'a.md': CLEAN_SOP });
    for (const args of [['lint', 'a.md', ...TODAY], ['render', 'a.md', ...TODAY], ['report', 'a.md', ...TODAY]]) {
      const run = await sopkit(dir, args);
      assert.equal(run.code, 2, run.stderr);
      assert.doesNotMatch(run.stderr, /internal error|URI malformed/);
      assert.match(run.stderr, /is not a valid address/);
    }
  });

  for (const date of ['2026-02-30', '2026-13-01', '2026-00-10']) {
    it(`render, report and new reject --today ${date} as lint does`, async () => {
      const dir = workspace({ 'a.md': CLEAN_SOP });
      for (const args of [['lint', 'a.md'], ['render', 'a.md'], ['report', 'a.md'], ['new', '-t', 'billing-inquiry']]) {
        const run = await sopkit(dir, [...args, '--today', date]);
        assert.equal(run.code, 2, `${args[0]}: ${run.stderr}`);
        assert.equal(run.stdout, '');
        assert.equal(run.stderr, `sopkit: --today must be a real date written YYYY-MM-DD; got '${date}'\n`, args[0]);
      }
    });
  }

  it('a 50 MB config value is never echoed: past the 32 MB cap the config is refused unread, under it the value is clipped', async () => {
    const huge = workspace({ '.sopkit.yaml': `reviewInterval: '${'x'.repeat(50 * 1024 * 1024)}'\nrulez: {}\n`, 'sops/a.md': CLEAN_SOP });
    const refused = await sopkit(huge, ['lint', 'sops', ...TODAY]);
    assert.equal(refused.code, 2);
    assert.ok(refused.stderr.length < 2000, `stderr is ${refused.stderr.length} characters`);
    assert.match(refused.stderr, /larger than 32 MB; not read/);
    const large = workspace({ '.sopkit.yaml': `reviewInterval: '${'x'.repeat(20 * 1024 * 1024)}'\nrulez: {}\n`, 'sops/a.md': CLEAN_SOP });
    const run = await sopkit(large, ['lint', 'sops', ...TODAY]);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.length < 2000, `stderr is ${run.stderr.length} characters`);
    assert.match(run.stderr, /reviewInterval is 'x+…'/);
  });

  it('a 50 MB key is clipped too', async () => {
    const dir = workspace({ '.sopkit.yaml': `rules:\n  ${'y'.repeat(5 * 1024 * 1024)}: error\n`, 'sops/a.md': CLEAN_SOP });
    const run = await sopkit(dir, ['lint', 'sops', ...TODAY]);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.length < 2000, `stderr is ${run.stderr.length} characters`);
  });
});
