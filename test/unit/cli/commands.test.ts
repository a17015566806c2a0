import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listTemplates } from '../../../src/core/generate/templates.js';
import { rules } from '../../../src/core/lint/rules/index.js';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, sopkit, TODAY, workspace } from './helpers.js';

after(cleanUpWorkspaces);

const TEAM_TEMPLATE = `---
title: "{{business_name}} Till Count"
format: checklist
x-template-id: till-count
x-template-description: Count the till at closing.
---

# {{business_name}} Till Count

## Purpose

Count the till before closing.

## Scope

Shift leads.

## Process

- [ ] Count the notes
- [ ] Count the coins

## References

- Cash handling policy

## Revision History

- {{today}} — v1.0 — First version
`;

describe('sopkit rules', () => {
  it('lists every rule with default severity and fixability; --json for scripts', async () => {
    const dir = workspace({});
    const text = await sopkit(dir, ['rules']);
    assert.equal(text.code, 0);
    for (const rule of rules) assert.match(text.stdout, new RegExp(`^${rule.id} +${rule.defaultSeverity} +${rule.fixable ? 'fix' : '   '}  \\S`, 'm'));
    const json = JSON.parse((await sopkit(dir, ['rules', '--json'])).stdout);
    assert.deepEqual(json.map((r: { id: string }) => r.id), rules.map((r) => r.id));
    assert.equal(json[0].url, `https://github.com/sopkit/sopkit/blob/main/docs/rules/${rules[0].id}.md`);
  });
});

describe('sopkit templates and sopkit new', () => {
  it('lists the built-in templates and the team folder from the config', async () => {
    const dir = workspace({ '.sopkit.yaml': 'templates: team-templates\n', 'team-templates/till-count.md': TEAM_TEMPLATE });
    const run = await sopkit(dir, ['templates']);
    assert.equal(run.code, 0);
    for (const t of listTemplates()) assert.match(run.stdout, new RegExp(`^${t.id} `, 'm'));
    assert.match(run.stdout, /^till-count +checklist +\(team\) \{\{business_name\}\} Till Count$/m);
    const json = JSON.parse((await sopkit(dir, ['templates', '--json'])).stdout);
    assert.equal(json.find((t: { id: string }) => t.id === 'till-count').source, 'team');
  });

  it('creates an SOP from a template with --set answers, and it lints', async () => {
    const dir = workspace({ '.sopkit.yaml': 'templates: team-templates\n', 'team-templates/till-count.md': TEAM_TEMPLATE });
    const run = await sopkit(dir, ['new', '--template', 'till-count', '--set', 'business_name=Corner Café', '-o', 'sops/till.md', ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    const text = readFileSync(join(dir, 'sops/till.md'), 'utf8');
    assert.match(text, /^# Corner Café Till Count$/m);
    assert.match(text, /^- 2026-11-23 — v1\.0 — First version$/m);
    assert.equal((await sopkit(dir, ['lint', 'sops', ...TODAY])).code, 0);
    const again = await sopkit(dir, ['new', '-t', 'till-count', '--set', 'business_name=X', '-o', 'sops/till.md']);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /'sops\/till\.md' already exists; use --force/);
  });

  it('fills a built-in template, splitting list answers on commas', async () => {
    const dir = workspace({});
    const template = listTemplates().find((t) => t.questions.some((q) => q.multi))!;
    const multi = template.questions.find((q) => q.multi)!;
    const sets = template.questions.filter((q) => q.required).flatMap((q) => ['--set', `${q.id}=${q.choices ? q.choices[0] : 'Northwind'}`]);
    const run = await sopkit(dir, ['new', '-t', template.id, ...sets, '--set', `${multi.id}=${multi.choices!.slice(0, 2).join(',')}`, ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^---\n/);
  });

  it('exits 2 for an unknown template (listing the ids), missing answers and unknown questions', async () => {
    const dir = workspace({});
    const unknown = await sopkit(dir, ['new', '--template', 'no-such-template']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, new RegExp(`unknown template 'no-such-template'\\. Known templates: ${listTemplates()[0].id}, `));
    const required = listTemplates().find((t) => t.questions.some((q) => q.required))!;
    const missing = await sopkit(dir, ['new', '--template', required.id]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, new RegExp(`template '${required.id}' needs more answers:\\n  --set ${required.questions.find((q) => q.required)!.id}=…`));
    const bad = await sopkit(dir, ['new', '--template', required.id, '--set', 'colour=blue']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /has no question 'colour'\. Its questions: /);
    assert.equal((await sopkit(dir, ['new', '--template', required.id, '--set', 'novalue'])).code, 2);
  });
});

describe('sopkit render', () => {
  it('writes one self-contained HTML file with the lint summary', async () => {
    const dir = workspace({ 'a.md': BROKEN_SOP, 'clean.md': CLEAN_SOP });
    const run = await sopkit(dir, ['render', 'a.md', '-o', 'a.html', ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    const html = readFileSync(join(dir, 'a.html'), 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /Opening the Store/);
    assert.match(html, /Missing section/);
    const stdout = await sopkit(dir, ['render', 'clean.md', ...TODAY]);
    assert.match(stdout.stdout, /Answering Billing Calls/);
  });

  it('embeds local images as data: URLs so the file stands alone, and leaves remote ones out', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>';
    const guide = CLEAN_SOP.replace('## Scope', '![Till screen](img/till.svg)\n\n![Remote](https://example.test/x.png)\n\n## Scope');
    const dir = workspace({ 'g.md': guide, 'img/till.svg': svg });
    const run = await sopkit(dir, ['render', 'g.md', '-o', 'g.html', ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    const html = readFileSync(join(dir, 'g.html'), 'utf8');
    assert.ok(html.includes(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`), 'the local image is embedded');
    assert.ok(!html.includes('src="https://example.test/x.png"'), 'the remote image is not loaded');
  });

  it('renders the SOP as the lint saw it: a configured format override shapes the page too', async () => {
    const tasks = CLEAN_SOP.replace('## Scope', '- [ ] Open the billing queue\n- [x] Check the call script\n\n## Scope');
    const dir = workspace({ 'calls.md': tasks, '.sopkit.yaml': 'overrides:\n  - files: ["forced.md"]\n    format: checklist\n', 'forced.md': tasks });
    const plain = await sopkit(dir, ['render', 'calls.md', ...TODAY]);
    const forced = await sopkit(dir, ['render', 'forced.md', ...TODAY]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.doesNotMatch(plain.stdout, /sop-checklist-toolbar/, 'front matter says article');
    assert.match(forced.stdout, /sop-checklist-toolbar/, 'the override makes it a checklist page');
  });

  it('exits 2 for a file it cannot read', async () => {
    const dir = workspace({ 'bin.md': Buffer.from([0, 0, 0]) });
    const run = await sopkit(dir, ['render', 'bin.md', '-o', 'x.html']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /bin\.md: cannot render, it is a binary file/);
    assert.equal(existsSync(join(dir, 'x.html')), false);
  });
});
