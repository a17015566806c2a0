import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from '../../../src/core/lint/lint.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { sectionCatalogue } from '../../../src/core/schema.js';
import { policyCatalogue } from '../../../src/core/generate/policies.js';
import { SOP_FORMATS } from '../../../src/core/types.js';
import { expandSnippet, parseSnippet, tabStops, SnippetSyntaxError } from './expand.js';

const SNIPPETS_FILE = fileURLToPath(new URL('../../../snippets/sop.code-snippets', import.meta.url));
const TODAY = '2026-11-23';

interface Snippet { prefix: string; description: string; body: string[]; isFileTemplate?: boolean }
const raw = readFileSync(SNIPPETS_FILE, 'utf8');
const snippets = JSON.parse(raw) as Record<string, Snippet>;
const byPrefix = (prefix: string) => Object.values(snippets).find((s) => s.prefix === prefix)!;
const expand = (prefix: string, values?: Record<number, string>) => expandSnippet(byPrefix(prefix).body, { today: TODAY, values });

function nonPlaceholderProblems(text: string) {
  return lint(text, { today: TODAY }).messages.filter((m) => m.severity === 'error' || m.ruleId !== 'placeholder');
}

describe('snippets: snippets/sop.code-snippets', () => {
  it('is strict JSON: an object of snippets with a prefix, a description and a body of lines', () => {
    assert.doesNotThrow(() => JSON.parse(raw));
    assert.ok(Object.keys(snippets).length >= 40);
    for (const [name, s] of Object.entries(snippets)) {
      assert.equal(typeof s.prefix, 'string', name);
      assert.match(s.prefix, /^sop-[a-z0-9-]+$/, name);
      assert.ok(s.description && s.description.length > 10, name);
      assert.ok(Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string'), name);
    }
  });

  it('gives every snippet a unique prefix', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    const repeated = prefixes.filter((p, i) => prefixes.indexOf(p) !== i);
    assert.deepEqual(repeated, []);
  });

  it('has bodies VS Code reads as intended (no unclosed ${, tab stops counted from 1)', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.doesNotThrow(() => parseSnippet(s.body.join('\n')), name);
      const stops = tabStops(s.body).filter((n) => n > 0).sort((a, b) => a - b);
      assert.deepEqual(stops, stops.map((_, i) => i + 1), `${name}: tab stops ${stops.join(',')}`);
    }
    assert.throws(() => parseSnippet('${1:open'), SnippetSyntaxError);
  });

  describe('whole-SOP snippets, expanded with their defaults, lint clean', () => {
    for (const format of SOP_FORMATS) {
      it(`sop-${format}`, () => {
        const snippet = byPrefix(`sop-${format}`);
        assert.equal(snippet.isFileTemplate, true);
        const text = expand(`sop-${format}`);
        assert.doesNotMatch(text, /\$\{|\$\d|\$CURRENT/);
        const result = lint(text, { today: TODAY });
        assert.equal(result.format, format);
        assert.deepEqual(nonPlaceholderProblems(text), []);
        const doc = buildSopDocument(text);
        assert.equal(doc.frontMatter.data!.effective, TODAY);
        assert.equal(doc.revisions[0].date, TODAY);
        assert.equal(doc.title?.text, String(doc.frontMatter.data!.title));
      });
    }

    it('keep their shape with the writer\'s own text in every tab stop', () => {
      for (const format of SOP_FORMATS) {
        const snippet = byPrefix(`sop-${format}`);
        // Plain words for free-text stops; choices and numbers keep their defaults.
        const values: Record<number, string> = {};
        for (const index of tabStops(snippet.body)) {
          const node = snippet.body.join('\n').match(new RegExp(`\\$\\{${index}:([^$}]*)\\}`));
          if (node && !/^\d+$/.test(node[1]) && !node[1].includes('/')) values[index] = `Written by the team ${index}`;
        }
        const text = expandSnippet(snippet.body, { today: TODAY, values });
        assert.deepEqual(nonPlaceholderProblems(text), [], format);
      }
    });

    it('shape the process by format: steps with branches, pictured steps, questions, checkboxes', () => {
      const workflow = buildSopDocument(expand('sop-workflow'));
      assert.equal(workflow.steps.length, 3);
      assert.deepEqual(workflow.steps[0].branches.map((b) => b.target), [3, 2]);
      assert.equal(buildSopDocument(expand('sop-guide')).steps.filter((s) => s.images.length === 1).length, 3);
      assert.equal(buildSopDocument(expand('sop-faq')).faq.length, 3);
      const checklist = buildSopDocument(expand('sop-checklist'));
      assert.equal(checklist.checklist.length, 6);
      assert.deepEqual([...new Set(checklist.checklist.map((i) => i.group))], ['Before the shift', 'During the shift', 'After the shift']);
    });
  });

  it('has one snippet per standard section of the schema, inserting its heading and template', () => {
    for (const section of sectionCatalogue()) {
      const prefix = `sop-section-${section.id.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
      const snippet = byPrefix(prefix);
      assert.ok(snippet, `missing ${prefix}`);
      const text = expand(prefix);
      if (section.id === 'title') { assert.equal(text.trim(), '# SOP title'); continue; }
      assert.equal(text.split('\n')[0], `## ${section.title}`);
      const doc = buildSopDocument(text);
      assert.deepEqual(doc.sections[0].canonical, [section.id], prefix);
    }
  });

  it('has one section snippet per policy modifier, with its three focus points as tab-stop prompts', () => {
    const policies = policyCatalogue();
    assert.equal(policies.length, 20);
    const article = expand('sop-article');
    for (const policy of policies) {
      const snippet = byPrefix(`sop-policy-${policy.id}`);
      assert.ok(snippet, policy.id);
      const body = snippet.body.join('\n');
      for (const focus of policy.focus) assert.ok(body.includes(`**${focus}:** \${`), `${policy.id}: ${focus}`);
      assert.ok(tabStops(snippet.body).filter((n) => n > 0).length >= 3);
      // Inserted under the Process section of a whole SOP, it adds only placeholder warnings (its prompts).
      const text = article.replace('## References', `${expand(`sop-policy-${policy.id}`)}\n\n## References`);
      const result = lint(text, { today: TODAY });
      assert.deepEqual(nonPlaceholderProblems(text), [], policy.id);
      assert.equal(result.messages.filter((m) => m.ruleId === 'placeholder').length, 3, policy.id);
      assert.doesNotMatch(text, /\{\{/);
    }
  });

  it('dates a revision-history row today and offers the usual changes', () => {
    const row = expand('sop-revision-row');
    assert.equal(row, `| ${TODAY} | 1.1 | Reviewed; no changes | Author |`);
    assert.match(byPrefix('sop-revision-row').body.join(''), /\$\{2\|[^|]+(,[^|]+)+\|\}/);
  });

  it('builds a workflow step whose branches all lead somewhere', () => {
    const text = `### Step 1: Check\n\nSee below.\n\n${expand('sop-workflow-step', { 1: '2', 2: 'Identify the issue', 3: 'The card was declined', 4: 'The card expired', 5: 'Ask the customer to renew it.', 6: 'The card is active' })}`;
    const doc = buildSopDocument(text);
    const step = doc.steps.find((s) => s.number === 2)!;
    assert.equal(step.conditions[0].text, 'The card was declined');
    assert.deepEqual(step.branches.map((b) => [b.condition, b.outcomeKind]), [['The card expired', 'action'], ['The card is active', 'proceed']]);
  });

  it('has an FAQ entry and a checklist phase that the model reads as such', () => {
    assert.equal(buildSopDocument(expand('sop-faq-entry')).faq[0].question, 'How do I reset my password?');
    const phase = buildSopDocument(expand('sop-checklist-phase'));
    assert.equal(phase.checklist.length, 3);
    assert.ok(phase.checklist.every((i) => i.group === 'Phase name' && !i.checked));
  });

  it('has complaint-acknowledgement and apology e-mails whose merge fields are not flagged', () => {
    for (const prefix of ['sop-email-complaint-acknowledgement', 'sop-email-apology']) {
      const script = expand(prefix);
      assert.match(script, /\[Customer Name\]/);
      assert.match(script, /\[Issue Summary\]/);
      assert.match(script, /\[Agent Name\], \[Company Name\]/);
      const text = expand('sop-article').replace('## References', `## Scripts and Templates\n\n${script}\n\n## References`);
      assert.deepEqual(lint(text, { today: TODAY }).messages, [], prefix);
    }
    assert.match(expand('sop-email-complaint-acknowledgement'), /within 24 hours/);
  });

  it('keeps the purpose/scope/steps/escalation template in canonical order', () => {
    const doc = buildSopDocument(`# T\n\n${expand('sop-core-sections')}`);
    assert.deepEqual(doc.sections.filter((s) => s.canonical.length).map((s) => s.canonical[0]), ['purpose', 'scope', 'process', 'escalation']);
    assert.equal(doc.steps.length, 3);
  });
});
