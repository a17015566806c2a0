/** Filling templates: escaping, answers and their errors, tone and channel blocks, team templates. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  TemplateError, escapeMarkdown, draftFromTemplate, listTemplates, parseTemplateSource,
} from '../../../src/core/generate/templates.js';
import { joinNaturally } from '../../../src/core/text.js';
import { lint } from '../../../src/core/lint/lint.js';
import { parseMarkdown } from '../../../src/core/parse/parse.js';

const TODAY = '2026-11-23';

function frontMatterOf(text: string): Record<string, unknown> {
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]) as Record<string, unknown>;
}

function throws(fn: () => unknown): TemplateError {
  try { fn(); } catch (error) {
    assert.ok(error instanceof TemplateError, `expected a TemplateError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a TemplateError');
}

const TEAM_TEMPLATE = `---
title: "Store Pickup"
format: article
version: "1.0"
last_reviewed: "{{today}}"
department: "{{business_name}} Stores"
x-template-description: Hand over click-and-collect orders at the counter.
---

# Store Pickup

## Purpose

How {{business_name}} staff hand over click-and-collect orders.

## Scope

Store staff, answering on {{channels}}.

## Process

1. Check the order number.
2. Hand over the parcel.

## Scripts

{{#when tone=formal}}
> Good afternoon. May I have your order number, please?
{{#else}}
> Hi there! What's your order number?
{{/when}}

## References

- Pickup policy

## Revision History

| Date | Version | Change |
| --- | --- | --- |
| {{today}} | 1.0 | First version |
`;

describe('draftFromTemplate: answers', () => {
  it('escapes answers so they cannot add Markdown or HTML structure', () => {
    const filled = draftFromTemplate('inquiry-handling', { business_name: '<img src=x onerror=alert(1)> [Acme](http://evil) *Ltd* | `x`' }, { today: TODAY });
    assert.ok(filled.includes('\\<img src=x onerror=alert(1)> \\[Acme\\](http\\://evil) \\*Ltd\\* \\| \\`x\\`'));
    const tree = parseMarkdown(filled);
    const kinds = new Set<string>();
    const walk = (node: { type: string; children?: unknown[] }) => { kinds.add(node.type); (node.children as typeof node[] | undefined)?.forEach(walk); };
    walk(tree as never);
    assert.ok(!kinds.has('html'), 'no raw HTML node');
    assert.ok(!kinds.has('link'), 'no link node');
    assert.ok(!kinds.has('inlineCode'), 'no code span');
  });

  it('escapes line-start Markdown and neutralises entities, and keeps the raw file readable', () => {
    assert.equal(escapeMarkdown('# Acme', true), '\\# Acme');
    assert.equal(escapeMarkdown('> quoted', true), '\\> quoted');
    assert.equal(escapeMarkdown('1. First', true), '1\\. First');
    assert.equal(escapeMarkdown('- dash', true), '\\- dash');
    assert.equal(escapeMarkdown('Smith & Sons (UK) #1', false), 'Smith & Sons (UK) #1');
    assert.equal(escapeMarkdown('&lt;b&gt;', false), '\\&lt;b\\&gt;');
    assert.equal(escapeMarkdown('two\n\nlines', false), 'two lines');
    assert.equal(escapeMarkdown('{{today}}', false), '\\{\\{today}}');
    assert.equal(escapeMarkdown('see www.acme.com or https://acme.com', false), 'see www\\.acme.com or https\\://acme.com');
  });

  it('writes answers into front matter as safe YAML that cannot add keys', () => {
    const filled = draftFromTemplate('inquiry-handling', { business_name: 'Acme"\nstatus: retired\nx: "y' }, { today: TODAY });
    const data = frontMatterOf(filled);
    assert.equal(data.status, 'draft');
    assert.equal(data.department, 'Acme" status: retired x: "y Customer Service');
    assert.equal(data.last_reviewed, TODAY);
    assert.equal(data.tone, 'warm');
    assert.deepEqual(lint(filled, { today: TODAY }).messages.filter((m) => m.ruleId.startsWith('frontmatter')), []);
  });

  it('joins multi-choice answers naturally and accepts a comma-separated string', () => {
    assert.equal(joinNaturally(['phone']), 'phone');
    assert.equal(joinNaturally(['phone', 'chat']), 'phone and chat');
    assert.equal(joinNaturally(['phone', 'e-mail', 'chat']), 'phone, e-mail and chat');
    const filled = draftFromTemplate('escalation-of-complex-issues', { business_name: 'Acme', channels: 'phone, email,chat' }, { today: TODAY });
    assert.match(filled, /customer contacts on phone, e-mail and chat\./);
  });

  it('uses defaults for unanswered optional questions', () => {
    const filled = draftFromTemplate('returns-and-refunds', { business_name: 'Acme' }, { today: TODAY });
    assert.match(filled, /within 30 days of\s+delivery/);
    assert.match(filled, /customer contacts|phone, e-mail, chat and social media/);
  });

  it('names the missing answers and the template', () => {
    const error = throws(() => draftFromTemplate('complaint-resolution', {}, { today: TODAY }));
    assert.deepEqual(error.missing, ['business_name']);
    assert.equal(error.templateId, 'complaint-resolution');
    assert.match(error.message, /Template 'complaint-resolution' needs an answer for: business_name \(Business name, as customers know it\)/);
    const blank = throws(() => draftFromTemplate('complaint-resolution', { business_name: '   ' }, { today: TODAY }));
    assert.deepEqual(blank.missing, ['business_name']);
  });

  it('lists the known template ids for an unknown id', () => {
    const error = throws(() => draftFromTemplate('escalation', { business_name: 'Acme' }));
    assert.match(error.message, /^Unknown template 'escalation'\. Known templates: /);
    for (const t of listTemplates()) assert.ok(error.message.includes(t.id), t.id);
  });

  it('rejects a choice that is not offered, and a typo in an answer id', () => {
    const tone = throws(() => draftFromTemplate('complaint-resolution', { business_name: 'Acme', tone: 'sarcastic' }));
    assert.match(tone.message, /'sarcastic' is not a choice for 'tone'\. Choose from: warm, formal, upbeat, calm\./);
    const typo = throws(() => draftFromTemplate('complaint-resolution', { business_name: 'Acme', bussiness: 'x' }));
    assert.match(typo.message, /does not ask 'bussiness'\. It asks: business_name, channels, tone, case_system\./);
    const single = throws(() => draftFromTemplate('complaint-resolution', { business_name: 'Acme', tone: ['warm', 'calm'] }));
    assert.match(single.message, /takes one answer/);
  });

  it('accepts the New SOP wizard’s tone words as aliases of the closest script variant', () => {
    const tones = (JSON.parse(readFileSync(join(import.meta.dirname, '../../../schemas/tones.json'), 'utf8')) as { tones: { id: string }[] }).tones;
    const toneQuestion = listTemplates().find((t) => t.id === 'complaint-resolution')!.questions.find((q) => q.id === 'tone')!;
    for (const { id } of tones) {
      const filled = draftFromTemplate('complaint-resolution', { business_name: 'Acme', tone: id }, { today: TODAY });
      const chosen = frontMatterOf(filled).tone as string;
      assert.ok(toneQuestion.choices!.includes(chosen), `${id} → ${chosen}`);
    }
    const professional = draftFromTemplate('complaint-resolution', { business_name: 'Acme', tone: 'Professional' }, { today: TODAY });
    assert.equal(professional, draftFromTemplate('complaint-resolution', { business_name: 'Acme', tone: 'formal' }, { today: TODAY }));
  });

  it('ignores answers to questions that only other templates ask', () => {
    const filled = draftFromTemplate('performance-monitoring-and-improvement', { business_name: 'Acme', tone: 'formal' }, { today: TODAY });
    assert.match(filled, /^# Performance Monitoring/m);
  });

  it('rejects a malformed today', () => {
    assert.match(throws(() => draftFromTemplate('complaint-resolution', { business_name: 'A' }, { today: '23/11/2026' })).message, /YYYY-MM-DD/);
  });
});

describe('draftFromTemplate: tone and channel blocks', () => {
  const scriptsOf = (text: string) => text.split('\n').filter((l) => l.startsWith('>')).join('\n');

  it('changes the wording of scripts with the tone, not just a label', () => {
    for (const info of listTemplates().filter((t) => t.questions.some((q) => q.id === 'tone'))) {
      const byTone = ['warm', 'formal', 'upbeat', 'calm'].map((tone) => scriptsOf(draftFromTemplate(info.id, { business_name: 'Acme', tone }, { today: TODAY })));
      assert.ok(byTone.every((s) => s.length > 40), `${info.id}: scripts present in every tone`);
      assert.equal(new Set(byTone).size, 4, `${info.id}: four different wordings`);
    }
    const formal = draftFromTemplate('greeting-and-communication', { business_name: 'Acme', tone: 'formal' }, { today: TODAY });
    assert.match(formal, /Good morning, Acme customer service/);
    assert.doesNotMatch(formal, /Hi there, thanks for calling/);
  });

  it('keeps channel-specific content only for the chosen channels', () => {
    const chatOnly = draftFromTemplate('greeting-and-communication', { business_name: 'Acme', channels: ['chat'] }, { today: TODAY });
    assert.match(chatOnly, /\*\*Chat:\*\*/);
    assert.doesNotMatch(chatOnly, /\*\*Social media:\*\*|\*\*Phone:\*\*/);
    const all = draftFromTemplate('greeting-and-communication', { business_name: 'Acme' }, { today: TODAY });
    assert.match(all, /\*\*Social media:\*\*/);
  });

  it('supports {{#else}}, and reports unbalanced blocks with a line number', () => {
    const team = parseTemplateSource('store-pickup.md', TEAM_TEMPLATE);
    const formal = draftFromTemplate('store-pickup', { business_name: 'Acme', tone: 'formal' }, { today: TODAY, extra: [team] });
    assert.match(formal, /May I have your order number/);
    assert.doesNotMatch(formal, /What's your order number/);
    const warm = draftFromTemplate('store-pickup', { business_name: 'Acme', tone: 'warm' }, { today: TODAY, extra: [team] });
    assert.match(warm, /What's your order number/);
    const broken = parseTemplateSource('broken.md', '# Broken\n\n{{#when tone=warm}}\nHello\n');
    assert.match(throws(() => draftFromTemplate('broken', {}, { extra: [broken] })).message, /line 3: \{\{#when\}\} is never closed/);
  });

  it('keeps Windows line endings of a team template intact', () => {
    const crlf = TEAM_TEMPLATE.replace(/\n/g, '\r\n');
    const team = parseTemplateSource('store-pickup.md', crlf);
    const filled = draftFromTemplate('store-pickup', { business_name: 'Acme', tone: 'formal' }, { today: TODAY, extra: [team] });
    assert.doesNotMatch(filled, /[^\r]\n/);
    assert.doesNotMatch(filled, /\{\{/);
    assert.deepEqual(lint(filled, { today: TODAY }).messages.map((m) => m.ruleId), []);
  });

  it('writes \\{{ as a literal {{', () => {
    const team = parseTemplateSource('literal.md', '# Literal\n\nType \\{{name}} in the merge field box, {{business_name}}.\n');
    assert.equal(draftFromTemplate('literal', { business_name: 'Acme' }, { extra: [team] }), '# Literal\n\nType {{name}} in the merge field box, Acme.\n');
  });
});

describe('parseTemplateSource: a team’s own templates', () => {
  it('reads id, title, description, format and questions from the file', () => {
    const team = parseTemplateSource('templates/Store Pickup.md', TEAM_TEMPLATE);
    assert.equal(team.id, 'store-pickup');
    assert.equal(team.title, 'Store Pickup');
    assert.equal(team.description, 'Hand over click-and-collect orders at the counter.');
    assert.equal(team.format, 'article');
    assert.equal(team.source, 'team');
    assert.deepEqual(team.questions.map((q) => q.id), ['business_name', 'channels', 'tone']);
    assert.deepEqual(team.questions.find((q) => q.id === 'tone')!.choices, ['warm', 'formal', 'upbeat', 'calm']);
    assert.equal(team.questions.find((q) => q.id === 'business_name')!.required, true);
  });

  it('appears in the gallery, replaces a built-in with the same id, and fills to a clean SOP', () => {
    const team = parseTemplateSource('store-pickup.md', TEAM_TEMPLATE);
    assert.ok(listTemplates([team]).some((t) => t.id === 'store-pickup' && t.source === 'team'));
    const override = { ...team, id: 'returns-and-refunds' };
    const list = listTemplates([override]);
    assert.equal(list.filter((t) => t.id === 'returns-and-refunds').length, 1);
    assert.equal(list.find((t) => t.id === 'returns-and-refunds')!.source, 'team');
    const filled = draftFromTemplate('store-pickup', { business_name: 'Acme', channels: ['phone'] }, { today: TODAY, extra: [team] });
    assert.doesNotMatch(filled, /x-template/);
    assert.deepEqual(lint(filled, { today: TODAY }).messages.map((m) => m.ruleId), []);
  });

  it('takes declared questions from x-template-questions', () => {
    const text = '---\ntitle: Loyalty\nx-template-questions:\n  - business_name\n  - id: points_name\n    prompt: What your points are called\n    default: points\n---\n\n# Loyalty\n\nEarn {{points_name}} at {{business_name}}.\n';
    const team = parseTemplateSource('loyalty.md', text);
    assert.deepEqual(team.questions.map((q) => [q.id, q.required]), [['business_name', true], ['points_name', false]]);
    assert.match(draftFromTemplate('loyalty', { business_name: 'Acme' }, { extra: [team] }), /Earn points at Acme\./);
  });

  it('explains broken front matter and unquoted placeholders in front matter', () => {
    assert.match(throws(() => parseTemplateSource('bad.md', '---\ntitle: [oops\n---\n# X\n')).message, /Template file 'bad\.md': its front matter is not valid YAML/);
    const unquoted = parseTemplateSource('unquoted.md', '---\ntitle: Unquoted\ntone: {{tone}}\n---\n# X\n');
    assert.match(throws(() => draftFromTemplate('unquoted', {}, { extra: [unquoted] })).message, /not inside a value\. Write it as key: "\{\{answer_id\}\}"/);
  });
});

describe('draftFromTemplate: layout', () => {
  it('leaves no double blank lines where blocks were dropped', () => {
    for (const info of listTemplates()) {
      for (const channels of [['chat'], ['phone'], ['e-mail', 'social media']]) {
        const filled = draftFromTemplate(info.id, { business_name: 'Acme', channels }, { today: TODAY });
        assert.doesNotMatch(filled, /\n[ \t]*\n[ \t]*\n/, `${info.id} with ${channels.join(', ')}`);
      }
    }
  });
});
