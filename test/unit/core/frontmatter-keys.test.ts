import { strict as assert } from 'node:assert';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkStringify from 'remark-stringify';
import { lint } from '../../../src/core/lint/lint.js';
import { closest } from '../../../src/core/lint/suggest.js';
import { remarkPresetSopkit, remarkSopkitModel, remarkSopkitSeverities } from '../../../src/core/lint/remark-preset.js';
import { rulePlugins } from '../../../src/core/lint/run-state.js';
import { frontMatterFields } from '../../../src/core/schema.js';
import type { TeamSchema } from '../../../src/core/options.js';
import { ROOT, TODAY, read } from './helpers.js';
import { join } from 'node:path';

const body = '\n## Purpose\n\nx\n\n## Scope\n\ny\n\n## Process\n\n1. a\n2. b\n\n## References\n\n- r\n\n## Revision History\n\n- 2026-10-01 — v1.0 — First\n';
const sop = (frontMatter: string) => `---\ntitle: Refunds\nformat: article\nversion: "1.0"\n${frontMatter}---\n${body}`;
const schemaFindings = (text: string, options: Parameters<typeof lint>[1] = {}) =>
  lint(text, { today: TODAY, ...options }).messages.filter((m) => m.ruleId === 'frontmatter-schema').map((m) => `${m.line} ${m.severity} ${m.message}`);

describe('front matter from other tools', () => {
  it('accepts the keys of GitHub issue templates, Jekyll, Hugo, MkDocs, Docusaurus, Obsidian and Front Matter CMS silently', () => {
    const text = sop([
      'name: Refund request', 'about: Ask for a refund', 'labels: [refunds]', 'assignees: [octocat]', // GitHub issue template
      'layout: page', 'permalink: /refunds/', 'categories: [support]', 'published: true', 'excerpt: Refunds in short', 'redirect_from: [/old-refunds/]', // Jekyll
      'draft: false', 'weight: 10', 'slug: refunds', 'aliases: [/r/]', 'menu: main', 'type: docs', 'date: 2026-01-01', 'lastmod: 2026-02-01', 'summary: How refunds work', 'toc: true', // Hugo
      'hide: [navigation]', 'search: { boost: 2 }', 'template: sop.html', // MkDocs
      'sidebar_position: 3', 'sidebar_label: Refunds', 'description: Refund SOP', 'keywords: [refund]', 'image: /img/r.png', 'hide_title: true', 'custom_edit_url: null', // Docusaurus
      'cssclasses: [wide]', // Obsidian
      'preview: /img/r.png', 'fmContentType: sop', // Front Matter CMS
      '',
    ].join('\n'));
    assert.deepEqual(schemaFindings(text), []);
  });
  it('accepts every key listed in schemas/other-tools-front-matter.json, in any case', () => {
    const { tools } = JSON.parse(read(join(ROOT, 'schemas/other-tools-front-matter.json'))) as { tools: Record<string, string[]> };
    const sopKeys = new Set(frontMatterFields().map((f) => f.key));
    const keys = [...new Set(Object.values(tools).flat())].filter((k) => !sopKeys.has(k));
    assert.ok(keys.length > 80, `${keys.length} keys`);
    assert.deepEqual(schemaFindings(sop(keys.map((k, i) => `${i % 2 ? k : k.toUpperCase()}: 1\n`).join(''))), []);
  });
  it('keeps the SOP meaning where another tool uses the same key (tags, title, id, status)', () => {
    assert.deepEqual(schemaFindings(sop('tags: complaints\nid: [a, b]\nstatus: new\n')), [
      "5 error 'tags' should be a list, found 'complaints'",
      "6 error 'id' should be text or a number, found a list",
      "7 error 'status' is 'new'; expected one of draft, review, approved, retired",
    ]);
    assert.deepEqual(schemaFindings(sop('title: ""\n').replace('title: Refunds\n', '')), ["4 error 'title' is empty; give it a value or remove the key"]);
  });
});

describe('unknown front-matter keys', () => {
  it('are a warning, not an error, with a did-you-mean and a rename quick fix when close to a known key', () => {
    const text = sop('ownr: Support Lead\n');
    const [message] = lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'frontmatter-schema');
    assert.equal(message.severity, 'warning');
    assert.match(message.message, /^Unknown front-matter key 'ownr' \(did you mean 'owner'\?\)/);
    assert.equal(message.line, 5);
    assert.deepEqual(message.suggestions?.map((s) => s.title), ["Rename 'ownr' to 'owner'"]);
  });
  it('stay a warning when the rule is set to error, follow it down to info, and go with it when off', () => {
    const text = sop('reviewer: Dana\n');
    assert.deepEqual(lint(text, { today: TODAY, rules: { 'frontmatter-schema': 'error' } }).messages.map((m) => m.severity), ['warning']);
    assert.deepEqual(lint(text, { today: TODAY, rules: { 'frontmatter-schema': 'info' } }).messages.map((m) => m.severity), ['info']);
    assert.deepEqual(lint(text, { today: TODAY, rules: { 'frontmatter-schema': 'off' } }).messages, []);
  });
  it('get no did-you-mean when nothing known is close (a two-letter key is not a typo of id)', () => {
    const [message] = schemaFindings(sop('os: linux\n'));
    assert.match(message, /^5 warning Unknown front-matter key 'os'; sopkit's keys are /);
    assert.equal(closest('os', ['id', 'owner']), undefined);
    assert.equal(closest('ownr', ['id', 'owner']), 'owner');
  });
  it('are a warning in a remark pipeline that runs the rule as an error', async () => {
    const file = await unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])
      .use(remarkSopkitModel).use(rulePlugins.get('frontmatter-schema')!, [2]).use(remarkSopkitSeverities)
      .use(remarkStringify).process(sop('ownr: Lead\nstatus: aproved\n'));
    assert.deepEqual(file.messages.map((m) => `${m.line} ${m.fatal}`), ['5 false', '6 true']);
    assert.ok(remarkPresetSopkit.plugins?.includes(remarkSopkitSeverities));
  });
});

describe('a team schema adds front-matter keys', () => {
  const team: TeamSchema = {
    path: 'team.schema.json',
    schema: {
      $id: 'file:///repo/team.schema.json',
      allOf: [{ $ref: 'https://sopkit.dev/schemas/sop.schema.json' }],
      properties: {
        frontMatter: {
          properties: { region: { enum: ['emea', 'apac'], description: 'Where the procedure applies.' }, sla_hours: { type: 'integer' } },
          required: ['region'],
        },
      },
    },
  };
  it('accepts the keys it declares', () => {
    assert.deepEqual(schemaFindings(sop('region: emea\nsla_hours: 24\n'), { teamSchema: team }), []);
    // Without the team schema the same keys are unknown (a warning), never an error.
    assert.deepEqual(schemaFindings(sop('region: emea\n')).map((m) => m.split(' ').slice(0, 2).join(' ')), ['5 warning']);
  });
  it('validates their values and requires what it requires', () => {
    assert.deepEqual(schemaFindings(sop('region: mars\nsla_hours: soon\n'), { teamSchema: team }), [
      "5 error 'region' is 'mars'; expected one of emea, apac",
      "6 error 'sla_hours' should be a whole number, found 'soon'",
    ]);
    assert.deepEqual(schemaFindings(sop(''), { teamSchema: team }), ["1 error The front matter needs 'region' (the team schema requires it)"]);
  });
  it('suggests its own keys for typos and offers them for completion', () => {
    assert.match(schemaFindings(sop('regon: emea\n'), { teamSchema: team }).join('\n'), /Unknown front-matter key 'regon' \(did you mean 'region'\?\)/);
    const region = frontMatterFields(team).find((f) => f.key === 'region');
    assert.deepEqual(region, { key: 'region', description: 'Where the procedure applies.', type: 'enum', enum: ['emea', 'apac'] });
  });
  it('finds keys declared through a $ref into another team file', () => {
    const split: TeamSchema = {
      path: '/repo/team.schema.json',
      schema: {
        $id: 'file:///repo/team.schema.json',
        allOf: [{ $ref: 'https://sopkit.dev/schemas/sop.schema.json' }, { properties: { frontMatter: { $ref: 'shared/fields.json#/definitions/fields' } } }],
      },
      extraSchemas: [{ $id: 'file:///repo/shared/fields.json', definitions: { fields: { properties: { site: { type: 'string' } }, patternProperties: { '^acme_': {} } } } }],
    };
    assert.deepEqual(schemaFindings(sop('site: Leeds\nacme_cost_centre: 12\n'), { teamSchema: split }), []);
    assert.deepEqual(schemaFindings(sop('site: [a]\n'), { teamSchema: split }), ["5 error 'site' should be text, found a list"]);
  });
});
