/**
 * Configs and team schemas never make sopkit throw (issue 11): arbitrary settings, hostile globs
 * and patterns, `$ref`s that loop, escape badly or point nowhere. Loading gives problems, never an
 * exception, and linting with whatever was loaded reports no internal error.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadConfigForFile } from '../../../src/core/config/resolver.js';
import { lint } from '../../../src/core/lint/lint.js';
import { memoryHost } from '../config/memory-host.js';
import { TODAY } from './helpers.js';

const globChars = fc.string({ unit: fc.constantFrom('*', '?', '[', ']', '{', '}', ',', '!', '/', '\\', 'a', '.', 'md', '(', ')', '@', '+', ' ', '%'), maxLength: 30 });
const regexChars = fc.string({ unit: fc.constantFrom('(', ')', '[', ']', '{', '}', '*', '+', '?', '\\', '|', '^', '$', '.', 'a', 'w', 's', 'd', '1', ',', '(?=', '(?<', '\\k<a>', '\\u{', 'P<'), maxLength: 30 });
const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), globChars, regexChars);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }));
const ruleIds = fc.constantFrom('placeholder', 'required-section', 'review-overdue', 'no-such-rule', 'Bad Id');
const severity = fc.oneof(fc.constantFrom('off', 'error', 'warning', 'info', 'loud'), fc.record({ severity: fc.constantFrom('error', 'nope'), options: fc.record({ patterns: fc.array(regexChars, { maxLength: 3 }) }) }), value);

const config = fc.record({
  root: fc.oneof(fc.boolean(), value),
  rules: fc.oneof(fc.dictionary(ruleIds, severity, { maxKeys: 3 }), value),
  overrides: fc.oneof(fc.array(fc.record({ files: fc.oneof(globChars, fc.array(globChars, { maxLength: 3 }), value), format: fc.oneof(fc.constantFrom('faq', 'checklist', 'bogus'), value), rules: fc.dictionary(ruleIds, severity, { maxKeys: 2 }) }, { requiredKeys: [] }), { maxLength: 3 }), value),
  schema: fc.constantFrom('team.json', 'missing.json', '../outside.json', 'team%zz.json', '/abs.json'),
  reviewInterval: fc.oneof(fc.constantFrom('6 months', '0 days', 'soon', 12, -1), value),
  placeholders: fc.oneof(fc.record({ patterns: fc.array(fc.oneof(regexChars, value), { maxLength: 3 }) }), value),
  ignore: fc.oneof(fc.array(globChars, { maxLength: 4 }), value),
}, { requiredKeys: [] });

const ref = fc.constantFrom('#', '#/definitions/a', '#/definitions/b', '#/definitions/%zz', '#/nope', 'part.json', 'part.json#/definitions/a', 'x%zz.json', 'missing.json', 'https://example.invalid/s.json', 'https://sopkit.dev/schemas/sop.schema.json', '');
const schemaNode: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.record({ $ref: ref }),
    fc.record({ allOf: fc.array(tie('node'), { maxLength: 2 }) }),
    fc.record({ anyOf: fc.array(tie('node'), { maxLength: 2 }) }),
    fc.record({ not: tie('node') }),
    fc.record({ type: fc.constantFrom('object', 'string', 'array', 'nope'), pattern: regexChars }, { requiredKeys: [] }),
    fc.record({ properties: fc.record({ frontMatter: tie('node'), sections: tie('node') }, { requiredKeys: [] }) }),
    fc.record({ items: tie('node'), patternProperties: fc.dictionary(regexChars, tie('node'), { maxKeys: 2 }) }, { requiredKeys: [] }),
    value),
})).node;
const schemaFile = fc.record({ root: schemaNode, definitions: fc.record({ a: schemaNode, b: schemaNode }, { requiredKeys: [] }) }).map(({ root, definitions }) => JSON.stringify(root && typeof root === 'object' && !Array.isArray(root) ? { ...root, definitions } : root));

const SOP = '---\ntitle: Refunds\nowner: Lead\n---\n\n# Refunds\n\n## Purpose\n\nTODO ((name)) [INSERT x]\n';

export function registerConfigProperties(runs: number, seed?: number): void {
  it(`configs and team schemas never throw, and lint with what they load reports no internal error (${runs} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(config.map((c) => JSON.stringify(c)), fc.string({ maxLength: 200 })), schemaFile, schemaFile, async (configText, team, part) => {
      const host = memoryHost({ '/r/.sopkit.json': configText, '/r/team.json': team, '/r/part.json': part });
      const result = await loadConfigForFile('/r/sops/a.md', host, { boundary: '/r', today: TODAY });
      for (const p of result.problems) assert.equal(typeof p.message, 'string');
      const messages = lint(SOP, result.options).messages;
      assert.deepEqual(messages.filter((m) => m.ruleId === 'internal-error').map((m) => m.message), [], `config ${configText}\nteam ${team}\npart ${part}`);
    }), { numRuns: runs, ...(seed !== undefined ? { seed } : {}) });
  });
}
