import { strict as assert } from 'node:assert';
import { lint } from '../../../src/core/lint/lint.js';
import { applyEdits } from '../../../src/core/lint/fix.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { compileTeamSchema, frontMatterFields, requiredSections, sectionCatalogue } from '../../../src/core/schema.js';
import { TODAY } from './helpers.js';

const complete = '---\ntitle: Refunds\nformat: article\nversion: 1.0\n---\n\n## Purpose\n\nx\n\n## Scope\n\ny\n\n## Process\n\n1. a\n2. b\n\n## References\n\n- r\n\n## Revision History\n\n- 2026-10-01 — v1.0 — First\n';

describe('schema as the source of truth', () => {
  it('derives required sections per format from the schema', () => {
    assert.deepEqual(requiredSections('article'), ['title', 'purpose', 'scope', 'process', 'references', 'revisionHistory']);
    assert.deepEqual(requiredSections('workflow'), ['title', 'purpose', 'scope', 'process', 'escalation', 'references', 'revisionHistory']);
  });
  it('exposes section annotations and front-matter fields for completion and hover', () => {
    const purpose = sectionCatalogue().find((s) => s.id === 'purpose')!;
    assert.ok(purpose.aliases.includes('objective'));
    assert.ok(purpose.description.length > 20);
    const status = frontMatterFields().find((f) => f.key === 'status')!;
    assert.deepEqual(status.enum, ['draft', 'review', 'approved', 'retired']);
  });
  it('a team schema that extends the built-in one adds a required section with its own aliases', () => {
    const team = {
      path: 'team.schema.json',
      schema: {
        $id: 'https://example.test/team.schema.json',
        allOf: [{ $ref: 'https://sopkit.dev/schemas/sop.schema.json' }],
        properties: { sections: { required: ['training'] } },
        'x-sop-sections': [{ id: 'training', title: 'Training', order: 75, aliases: ['training requirements'], description: 'What an agent must learn first.', template: '- [INSERT course]\n' }],
      },
    };
    assert.deepEqual(requiredSections('article', team).slice(-3), ['training', 'references', 'revisionHistory']);
    const missing = lint(complete, { today: TODAY, teamSchema: team }).messages.map((m) => m.message);
    assert.deepEqual(missing, ["Missing section 'Training' for an article (expected after 'Process')"]);
    const withTraining = complete.replace('## References', '## Training Requirements\n\n- Empathy course\n\n## References');
    assert.deepEqual(lint(withTraining, { today: TODAY, teamSchema: team }).messages, []);
  });
  it('a broken team schema is reported by compileTeamSchema and lint falls back to the built-in one', () => {
    const bad = { path: 'bad.json', schema: { type: 'object', properties: { x: { $ref: 'https://example.test/missing.json' } } } };
    const compiled = compileTeamSchema(bad);
    assert.ok('error' in compiled && /bad\.json/.test(compiled.error), JSON.stringify(compiled));
    assert.deepEqual(lint(complete, { today: TODAY, teamSchema: bad }).messages, []);
  });
});
