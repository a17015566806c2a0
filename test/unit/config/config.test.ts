import { strict as assert } from 'node:assert';
import { ConfigResolver, formatConfigProblem, loadConfigForFile } from '../../../src/core/config/resolver.js';
import { memoryHost } from './memory-host.js';

const BUILTIN = 'https://sopkit.dev/schemas/sop.schema.json';

describe('config discovery and merging', () => {
  it('uses no config and no options when none is found', async () => {
    const result = await loadConfigForFile('/repo/sops/a.md', memoryHost({}));
    assert.deepEqual(result.options, {});
    assert.equal(result.configPath, undefined);
    assert.deepEqual(result.problems, []);
    assert.equal(result.ignored, false);
  });

  it('finds configs upward, nearer settings win, root: true stops the search', async () => {
    const host = memoryHost({
      '/.sopkit.yaml': 'rules:\n  step-numbering: error\n',
      '/repo/.sopkit.yaml': 'root: true\nrules:\n  placeholder: error\n  empty-section: off\nreviewInterval: 6 months\n',
      '/repo/sops/.sopkit.json': '{ "rules": { "placeholder": "warning" }, "reviewInterval": 3 }',
    });
    const result = await loadConfigForFile('/repo/sops/billing/refunds.md', host);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.options.rules, { placeholder: 'warning', 'empty-section': 'off' });
    assert.equal(result.options.reviewInterval, '3 months');
    assert.equal(result.configPath, '/repo/sops/.sopkit.json');
    assert.deepEqual(result.configPaths, ['/repo/.sopkit.yaml', '/repo/sops/.sopkit.json']);
    assert.ok(!host.reads.includes('/.sopkit.yaml'), 'root: true must stop the upward search');
  });

  it('prefers .sopkit.yaml over .sopkit.json in one folder', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'rules: { faq-entry: error }', '/r/.sopkit.json': '{"rules": {"faq-entry": "off"}}' });
    const result = await loadConfigForFile('/r/a.md', host);
    assert.equal(result.configPath, '/r/.sopkit.yaml');
    assert.deepEqual(result.options.rules, { 'faq-entry': 'error' });
  });

  it('applies overrides whose globs match the path relative to the config folder', async () => {
    const host = memoryHost({
      '/r/.sopkit.yml': [
        'rules:',
        '  placeholder: warning',
        'overrides:',
        '  - files: "checklists/**"',
        '    format: checklist',
        '    rules: { placeholder: off }',
        '  - files: ["*.draft.md"]',
        '    rules:',
        '      required-section: warning',
        '    reviewInterval: 30 days',
      ].join('\n'),
    });
    const resolver = new ConfigResolver(host);
    const checklist = await resolver.forFile('/r/checklists/opening.md');
    assert.equal(checklist.options.format, 'checklist');
    assert.deepEqual(checklist.options.rules, { placeholder: 'off' });
    const draft = await resolver.forFile('/r/articles/deep/refunds.draft.md');
    assert.equal(draft.options.format, undefined);
    assert.deepEqual(draft.options.rules, { placeholder: 'warning', 'required-section': 'warning' });
    assert.equal(draft.options.reviewInterval, '30 days');
    const plain = await resolver.forFile('/r/articles/refunds.md');
    assert.deepEqual(plain.options.rules, { placeholder: 'warning' });
  });

  it('passes placeholder patterns, rule options and the --today clock through', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'placeholders:\n  patterns: ["<<[^>]+>>"]\nrules:\n  review-overdue: { severity: error, options: { graceDays: 7 } }\n' });
    const result = await loadConfigForFile('/r/a.md', host, { today: '2026-11-23' });
    assert.deepEqual(result.options.placeholderPatterns, ['<<[^>]+>>']);
    assert.deepEqual(result.options.rules, { 'review-overdue': { severity: 'error', options: { graceDays: 7 } } });
    assert.equal(result.options.today, '2026-11-23');
  });

  it('passes a team\'s section aliases through, nearer files adding to farther ones', async () => {
    const host = memoryHost({
      '/r/.sopkit.yaml': 'sections:\n  purpose:\n    aliases: [Why we do this]\n',
      '/r/sops/.sopkit.yaml': 'sections:\n  purpose: { aliases: [Our promise] }\n  references: { aliases: [Bronnen en links] }\n',
    });
    const result = await loadConfigForFile('/r/sops/a.md', host);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.options.sectionAliases, { purpose: ['Why we do this', 'Our promise'], references: ['Bronnen en links'] });
  });

  it('reports an unknown part in sections with a did-you-mean, and a badly shaped alias list', async () => {
    const problemsOf = async (name: string, text: string) => (await loadConfigForFile('/r/a.md', memoryHost({ [`/r/${name}`]: text }))).problems;
    const unknown = await problemsOf('.sopkit.yaml', 'sections:\n  purpse:\n    aliases: [Why]\n');
    assert.equal(unknown.length, 1);
    assert.match(unknown[0].message, /Unknown section 'purpse' in sections \(did you mean 'purpose'\?\)/);
    const shape = await problemsOf('.sopkit.yaml', 'sections:\n  purpose:\n    aliases: Why\n');
    assert.equal(shape.length, 1);
  });

  it('marks files excluded by ignore (gitignore syntax, relative to the config)', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'ignore:\n  - drafts/\n  - "*.tmp.md"\n' });
    const resolver = new ConfigResolver(host);
    assert.equal((await resolver.forFile('/r/sops/drafts/a.md')).ignored, true);
    assert.equal((await resolver.forFile('/r/sops/a.tmp.md')).ignored, true);
    assert.equal((await resolver.forFile('/r/sops/a.md')).ignored, false);
  });

  it('uses exactly the --config file when given, and reports when it is missing', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'rules: { faq-entry: error }', '/ci/strict.yaml': 'rules: { faq-entry: off }' });
    const explicit = await loadConfigForFile('/r/a.md', host, { configFile: '/ci/strict.yaml' });
    assert.deepEqual(explicit.options.rules, { 'faq-entry': 'off' });
    const missing = await loadConfigForFile('/r/a.md', host, { configFile: '/ci/none.yaml' });
    assert.equal(missing.problems.length, 1);
    assert.match(formatConfigProblem(missing.problems[0]), /^\/ci\/none\.yaml: The config file does not exist$/);
  });

  it('stops at stopAt (the workspace folder)', async () => {
    const host = memoryHost({ '/home/.sopkit.yaml': 'rules: { faq-entry: error }' });
    const result = await loadConfigForFile('/home/ws/a.md', host, { stopAt: '/home/ws' });
    assert.equal(result.configPath, undefined);
  });
});

describe('broken configs give one clear problem each, with file, line and column', () => {
  const problemsOf = async (name: string, text: string) => (await loadConfigForFile('/r/a.md', memoryHost({ [`/r/${name}`]: text }))).problems;

  it('malformed YAML', async () => {
    const problems = await problemsOf('.sopkit.yaml', 'rules:\n  placeholder: error\n   empty-section: off\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, '/r/.sopkit.yaml');
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /^Not valid YAML: /);
  });

  it('malformed JSON', async () => {
    const problems = await problemsOf('.sopkit.json', '{\n  "rules": {\n    "placeholder": "error",\n  }\n}\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 4);
    assert.match(problems[0].message, /Not valid JSON/);
  });

  it('unknown rule ids, with a suggestion and the known ids', async () => {
    const problems = await problemsOf('.sopkit.yaml', 'rules:\n  placeholder: error\n  placeholders: off\noverrides:\n  - files: "*.md"\n    rules: { no-such-rule: error }\n');
    assert.equal(problems.length, 2);
    assert.deepEqual([problems[0].line, problems[0].column], [3, 3]);
    assert.match(problems[0].message, /Unknown rule 'placeholders' in rules \(did you mean 'placeholder'\?\); known rules: .*required-section/);
    assert.equal(problems[1].line, 6);
    assert.match(problems[1].message, /Unknown rule 'no-such-rule' in overrides\[0\]\.rules/);
  });

  it('unknown settings, wrong severities and wrong types', async () => {
    const problems = await problemsOf('.sopkit.yaml', 'rulez: {}\nrules:\n  placeholder: err\nreviewInterval: soon\nignore: drafts\n');
    const byLine = new Map(problems.map((p) => [p.line, p.message]));
    assert.match(byLine.get(1)!, /Unknown setting 'rulez'; expected one of: root, rules/);
    assert.match(byLine.get(3)!, /rules\.placeholder is 'err'; expected one of: off, error, warning, info/);
    assert.match(byLine.get(4)!, /reviewInterval is 'soon'; expected an interval such as "12 months"/);
    assert.match(byLine.get(5)!, /ignore is 'drafts'; expected a list/);
    assert.equal(problems.length, 4);
  });

  it('an override without files', async () => {
    const problems = await problemsOf('.sopkit.yaml', 'overrides:\n  - format: faq\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 2);
    assert.match(problems[0].message, /overrides\[0\] is missing 'files'/);
  });

  it('a placeholder pattern that is not a regular expression', async () => {
    const problems = await problemsOf('.sopkit.yaml', 'placeholders:\n  patterns:\n    - "[unclosed"\n');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.match(problems[0].message, /placeholders\.patterns\[0\] is not a valid regular expression/);
  });

  it('keeps the usable parts of a broken config so the editor can still lint', async () => {
    const result = await loadConfigForFile('/r/a.md', memoryHost({ '/r/.sopkit.yaml': 'rules:\n  placeholder: off\n  nope: error\n  faq-entry: loud\n' }));
    assert.equal(result.problems.length, 2);
    assert.deepEqual(result.options.rules, { placeholder: 'off' });
  });

  it('a YAML alias bomb is refused, not expanded', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`)].join('\n');
    const problems = await problemsOf('.sopkit.yaml', bomb);
    assert.ok(problems.length >= 1);
    assert.equal(problems[0].file, '/r/.sopkit.yaml');
  });

  it('a config file that cannot be read', async () => {
    const result = await loadConfigForFile('/unreadable/a.md', memoryHost({}), { configFile: '/unreadable/.sopkit.yaml' });
    assert.match(result.problems[0].message, /cannot be read: EACCES/);
  });
});

describe('team schemas', () => {
  const teamSchema = JSON.stringify({
    allOf: [{ $ref: BUILTIN }, { $ref: 'parts/training.json' }],
    'x-sop-sections': [{ id: 'training', title: 'Training', aliases: ['Training Requirements'], order: 55 }],
  }, null, 2);
  const training = JSON.stringify({ properties: { sections: { required: ['training'] } } });

  it('loads the schema and its relative $refs through the host, giving each a file $id', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'schema: schemas/team.json\n', '/r/schemas/team.json': teamSchema, '/r/schemas/parts/training.json': training });
    const result = await loadConfigForFile('/r/sops/a.md', host);
    assert.deepEqual(result.problems, []);
    const team = result.options.teamSchema!;
    assert.equal(team.path, '/r/schemas/team.json');
    assert.equal((team.schema as { $id: string }).$id, 'file:///r/schemas/team.json');
    assert.deepEqual(team.extraSchemas!.map((s) => (s as { $id: string }).$id), ['file:///r/schemas/parts/training.json']);
    assert.deepEqual(result.sources.map((s) => s.path), ['/r/.sopkit.yaml', '/r/schemas/team.json', '/r/schemas/parts/training.json']);
  });

  it('refuses http(s) $refs without fetching them', async () => {
    const schema = '{\n  "allOf": [\n    { "$ref": "https://example.org/schemas/sop.json" }\n  ]\n}';
    const host = memoryHost({ '/r/.sopkit.yaml': 'schema: team.json', '/r/team.json': schema });
    const result = await loadConfigForFile('/r/a.md', host);
    assert.equal(result.problems.length, 1);
    assert.deepEqual([result.problems[0].file, result.problems[0].line], ['/r/team.json', 3]);
    assert.match(result.problems[0].message, /points to an address; sopkit never downloads schemas/);
    assert.ok(!host.reads.some((p) => p.includes('example.org')));
    assert.equal(result.options.teamSchema, undefined, 'falls back to the built-in schema');
  });

  it('reports a $ref to a missing file where the $ref is', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'schema: team.json', '/r/team.json': '{\n  "$ref": "./missing.json#/definitions/x"\n}' });
    const result = await loadConfigForFile('/r/a.md', host);
    assert.equal(result.problems.length, 1);
    assert.deepEqual([result.problems[0].file, result.problems[0].line], ['/r/team.json', 2]);
    assert.match(result.problems[0].message, /\$ref '\.\/missing\.json#\/definitions\/x' points to '\/r\/missing\.json', which cannot be read \(not found\)/);
  });

  it('reports a missing team schema at the config line that names it', async () => {
    const result = await loadConfigForFile('/r/a.md', memoryHost({ '/r/.sopkit.yaml': 'rules: {}\nschema: nope.json\n' }));
    assert.equal(result.problems.length, 1);
    assert.deepEqual([result.problems[0].file, result.problems[0].line, result.problems[0].column], ['/r/.sopkit.yaml', 2, 9]);
    assert.match(result.problems[0].message, /'\/r\/nope\.json', which cannot be read \(not found\)/);
  });

  it('reports invalid JSON and invalid JSON Schema in the team schema', async () => {
    const badJson = await loadConfigForFile('/r/a.md', memoryHost({ '/r/.sopkit.yaml': 'schema: t.json', '/r/t.json': '{\n  "type": "object",,\n}' }));
    assert.equal(badJson.problems.length, 1);
    assert.deepEqual([badJson.problems[0].file, badJson.problems[0].line], ['/r/t.json', 2]);
    assert.match(badJson.problems[0].message, /not valid JSON/);
    const badSchema = await loadConfigForFile('/r/a.md', memoryHost({ '/r/.sopkit.yaml': 'schema: t.json', '/r/t.json': '{ "type": "strng" }' }));
    assert.equal(badSchema.problems.length, 1);
    assert.equal(badSchema.problems[0].file, '/r/t.json');
    assert.match(badSchema.problems[0].message, /not a usable JSON Schema/);
    assert.equal(badSchema.options.teamSchema, undefined);
  });

  it('refuses a schema or templates folder outside the workspace boundary', async () => {
    const host = memoryHost({ '/ws/.sopkit.yaml': 'schema: ../../etc/team.json\ntemplates: ../shared/templates\n', '/etc/team.json': '{}' });
    const result = await loadConfigForFile('/ws/a.md', host, { boundary: '/ws' });
    assert.equal(result.problems.length, 2);
    assert.match(result.problems[0].message, /templates points to '\/shared\/templates', which lies outside the workspace \(\/ws\)/);
    assert.match(result.problems[1].message, /schema points to '\/etc\/team\.json', which lies outside the workspace/);
    assert.ok(!host.reads.includes('/etc/team.json'));
  });

  it('takes the boundary per config folder when given a function', async () => {
    const host = memoryHost({ '/a/repo/.sopkit.yaml': 'schema: ../../shared/team.json\n', '/shared/team.json': '{}' });
    const result = await loadConfigForFile('/a/repo/x.md', host, { boundary: (folder) => (folder === '/a/repo' ? '/a/repo' : undefined) });
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /outside the workspace \(\/a\/repo\)/);
  });

  it('loads each team schema once per resolver', async () => {
    const host = memoryHost({ '/r/.sopkit.yaml': 'schema: t.json', '/r/t.json': '{}' });
    const resolver = new ConfigResolver(host);
    const a = await resolver.forFile('/r/a.md');
    const b = await resolver.forFile('/r/sub/b.md');
    assert.equal(a.options.teamSchema, b.options.teamSchema);
    assert.equal(host.reads.filter((p) => p === '/r/t.json').length, 1);
  });
});
