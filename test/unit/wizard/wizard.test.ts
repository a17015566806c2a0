import { strict as assert } from 'node:assert';
import { toString } from 'mdast-util-to-string';
import { generateSopDraft, listPolicies, listSectors, listTones, WizardError, type WizardAnswers } from '../../../src/core/generate/wizard.js';
import { sectorCatalogue } from '../../../src/core/generate/policies.js';
import { lint } from '../../../src/core/lint/lint.js';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { SOP_FORMATS, type SopFormat } from '../../../src/core/types.js';

const TODAY = '2026-11-23';

function answers(overrides: Partial<WizardAnswers> = {}): WizardAnswers {
  return {
    format: 'article',
    title: 'Customer Support Playbook',
    businessName: 'Northwind Outfitters',
    description: 'We sell outdoor clothing online to hikers across Europe, with a team of twelve support agents.',
    sector: 'e-commerce',
    offers: 'jackets, boots and repairs',
    tone: ['warm', 'professional'],
    policies: ['response-time-standards', 'complaint-handling-process'],
    ...overrides,
  };
}

const POLICY_SETS: string[][] = [
  ['response-time-standards', 'complaint-handling-process'],
  ['refund-and-return-policy', 'order-cancellation-and-modification', 'vip-customer-handling'],
  ['customer-data-privacy-and-security', 'crisis-communication-protocol', 'after-hours-support-protocol'],
  ['customer-onboarding', 'self-service-resource-management'],
];

function problems(text: string) {
  return lint(text, { today: TODAY }).messages.filter((m) => m.severity === 'error' || m.ruleId !== 'placeholder');
}

describe('wizard: generateSopDraft', () => {
  describe('every format × policy set lints without errors (placeholders are the only warnings)', () => {
    for (const format of SOP_FORMATS) {
      for (const policies of POLICY_SETS) {
        it(`${format}: ${policies.join(', ')}`, () => {
          const text = generateSopDraft(answers({ format, policies }), { today: TODAY });
          const result = lint(text, { today: TODAY });
          assert.equal(result.format, format);
          assert.equal(result.formatSource, 'frontmatter');
          assert.deepEqual(problems(text), []);
          const placeholders = result.messages.filter((m) => m.ruleId === 'placeholder');
          assert.ok(placeholders.length >= 1 && placeholders.length <= 4, `few placeholders, got ${placeholders.length}`);
        });
      }
    }
  });

  it('all 20 policies at once still lint clean in every format and sector, with no unfilled {{fields}}', () => {
    const all = listPolicies().map((p) => p.id);
    const sectors = listSectors();
    SOP_FORMATS.forEach((format, i) => {
      // Each format meets two sectors, so all sectors are covered without linting 50 large drafts.
      for (const sector of [sectors[i % sectors.length], sectors[(i + SOP_FORMATS.length) % sectors.length]]) {
        const text = generateSopDraft(answers({ format, policies: all, sector, tone: ['friendly', 'empathetic', 'confident'] }), { today: TODAY });
        assert.deepEqual(problems(text), [], `${format} / ${sector}`);
        assert.doesNotMatch(text, /\{\{/, `${format} / ${sector} left a {{field}}`);
      }
    });
  });

  it('writes the front matter the brief asks for', () => {
    const text = generateSopDraft(answers({ format: 'workflow' }), { today: TODAY });
    const doc = buildSopDocument(text);
    assert.deepEqual(doc.frontMatter.errors, []);
    const data = doc.frontMatter.data!;
    assert.equal(data.title, 'Customer Support Playbook');
    assert.equal(data.format, 'workflow');
    assert.match(String(data.owner), /^\[INSERT /);
    assert.equal(data.version, '0.1');
    assert.equal(data.status, 'draft');
    assert.equal(data.effective, TODAY);
    assert.equal(data.last_reviewed, TODAY);
    assert.equal(data.review_interval, '12 months');
    assert.deepEqual(data.policies, ['response-time-standards', 'complaint-handling-process']);
    assert.deepEqual(data.tone, ['warm', 'professional']);
    assert.deepEqual(data.tags, ['customer-service', 'e-commerce']);
    assert.equal(doc.revisions.length, 1);
    assert.equal(doc.revisions[0].date, TODAY);
    assert.equal(doc.revisions[0].version, '0.1');
  });

  it('puts the required sections in canonical order (escalation included)', () => {
    for (const format of SOP_FORMATS) {
      const doc = buildSopDocument(generateSopDraft(answers({ format }), { today: TODAY }));
      const order = doc.sections.filter((s) => s.heading.depth === 2 && s.canonical.length).map((s) => s.canonical.join('+'));
      assert.deepEqual(order, ['purpose', 'scope', 'responsibilities', 'process', 'escalation', 'references', 'revisionHistory'], format);
    }
  });

  it('gives each chosen policy its seven parts, and leaves the others out', () => {
    const chosen = ['refund-and-return-policy', 'accessibility-accommodations'];
    const catalogue = listPolicies();
    for (const format of SOP_FORMATS) {
      const text = generateSopDraft(answers({ format, policies: chosen }), { today: TODAY });
      const doc = buildSopDocument(text);
      const process = doc.sections.find((s) => s.canonical.includes('process'))!;
      const policyHeadings = doc.sections.filter((s) => s.parent === doc.sections.indexOf(process) && s.heading.depth === 3).map((s) => s.title);
      assert.deepEqual(policyHeadings.slice(0, 2), ['Refund and Return Policy', 'Accessibility Accommodations'], format);
      for (const policy of catalogue.filter((p) => !chosen.includes(p.id))) assert.ok(!policyHeadings.includes(policy.name), `${format}: ${policy.name} not chosen`);
      for (const name of ['Refund and Return Policy', 'Accessibility Accommodations']) {
        const index = doc.sections.findIndex((s) => s.title === name);
        const parts = doc.sections.filter((s) => s.parent === index);
        // Checklists keep the overview in the policy's own body; every other part is a subsection.
        assert.ok(parts.length >= (format === 'checklist' ? 6 : 7), `${format}: ${name} has ${parts.length} parts`);
      }
      // Specific content from the catalogue reaches the draft: an objective, a KPI, a compliance note, a script title.
      assert.match(text, /Approved refunds are issued within five business days/);
      assert.match(text, /Refunds issued within 5 business days of receipt/);
      assert.match(text, /ADA \(US\), the Equality Act/);
      assert.match(text, /\*\*Return approved\*\* \(E-mail\)/);
    }
  });

  it('draws workflows: step headings numbered through the SOP, branches that lead somewhere, jumps that resolve', () => {
    const text = generateSopDraft(answers({ format: 'workflow', policies: POLICY_SETS[1] }), { today: TODAY });
    const doc = buildSopDocument(text);
    assert.equal(doc.steps.length, 3 * 6 + 5 * 3);
    assert.deepEqual(doc.steps.map((s) => s.number), doc.steps.map((_, i) => i + 1));
    assert.ok(doc.steps.every((s) => s.kind === 'heading'));
    const branched = doc.steps.filter((s) => s.branches.length > 0);
    assert.equal(branched.length, 3 + 5);
    for (const step of branched) {
      assert.equal(step.conditions.length, 1);
      assert.ok(step.branches.every((b) => b.outcome), `Step ${step.number} has a branch without an outcome`);
    }
    // The order-cancellation policy (second block, steps 7–12) decides at its step 2 → Step 8 and jumps to its steps 5, 3 and 4.
    const cancelDecision = doc.steps[7];
    assert.equal(cancelDecision.number, 8);
    assert.match(cancelDecision.title, /Ask what the customer wants to change/);
    assert.deepEqual(cancelDecision.branches.map((b) => b.target), [11, 9, 10]);
    assert.deepEqual(cancelDecision.branches.map((b) => b.outcomeKind), ['proceed', 'proceed', 'proceed']);
    // The self-service policy jumps back: "Return to Step N".
    const selfService = buildSopDocument(generateSopDraft(answers({ format: 'workflow', policies: ['self-service-resource-management'] }), { today: TODAY }));
    assert.deepEqual(selfService.steps[3].branches.map((b) => [b.outcomeKind, b.target]), [['proceed', 5], ['proceed', 6], ['return', 1]]);
    assert.ok(doc.stepReferences.length > 0 && doc.stepReferences.every((r) => r.target >= 1 && r.target <= doc.steps.length));
  });

  it('formats the process the way each format is read: checklist items, FAQ pairs, numbered lists', () => {
    const checklist = buildSopDocument(generateSopDraft(answers({ format: 'checklist' }), { today: TODAY }));
    assert.equal(checklist.checklist.length, 2 * (6 + 3) + 5 * 2);
    assert.deepEqual(checklist.plainItemsInChecklists, []);
    assert.ok(checklist.checklist.some((i) => i.group === 'Response Time Standards: procedure'));

    const faq = buildSopDocument(generateSopDraft(answers({ format: 'faq' }), { today: TODAY }));
    assert.equal(faq.faq.length, 2 * 7 + 5);
    assert.ok(faq.faq.every((pair) => pair.answer.length > 20), 'every question has an answer');
    assert.ok(faq.faq.some((pair) => pair.question === 'Where is my order?'));

    const article = buildSopDocument(generateSopDraft(answers({ format: 'article' }), { today: TODAY }));
    assert.equal(article.steps.length, 2 * 6 + 5 * 3);
    assert.ok(article.steps.every((s) => s.kind === 'list-item'));
  });

  it('writes the five top inquiries of the chosen sector as workflows', () => {
    for (const sector of sectorCatalogue()) {
      const text = generateSopDraft(answers({ format: 'workflow', sector: sector.name }), { today: TODAY });
      const doc = buildSopDocument(text);
      const inquiryHeadings = doc.sections.filter((s) => s.title.startsWith('Inquiry: ')).map((s) => s.title.slice('Inquiry: '.length));
      assert.deepEqual(inquiryHeadings, sector.inquiries.map((i) => i.question.replace(/\.$/, '')), sector.id);
      assert.ok(doc.sections.some((s) => s.title === `Top 5 customer inquiries in ${sector.name}`), sector.id);
      for (const inquiry of sector.inquiries) assert.ok(text.includes(`**If:** ${inquiry.branches[0].if}`), `${sector.id}: ${inquiry.question}`);
    }
  });

  it('finds sectors by id, name or a word of the name, and falls back to general inquiries for others', () => {
    const first = (sector: string) => buildSopDocument(generateSopDraft(answers({ sector }), { today: TODAY })).sections.find((s) => s.title.startsWith('Inquiry: '))!.title;
    assert.equal(first('saas'), 'Inquiry: I can\'t log in. Can you help?');
    assert.equal(first('Software'), 'Inquiry: I can\'t log in. Can you help?');
    assert.equal(first('Travel'), 'Inquiry: Can I change or cancel my booking?');
    const text = generateSopDraft(answers({ sector: 'Pet grooming' }), { today: TODAY });
    assert.match(text, /### Top 5 customer inquiries in Pet grooming/);
    assert.match(text, /#### Inquiry: What is the status of my request\?/);
  });

  it('changes the scripts\' wording with the tone', () => {
    const scripts = (tone: string[]) => {
      const text = generateSopDraft(answers({ tone, policies: ['complaint-handling-process'] }), { today: TODAY });
      return text.split('\n').filter((line) => line.startsWith('>')).join('\n');
    };
    const warm = scripts(['warm']);
    const formal = scripts(['formal']);
    const playful = scripts(['playful']);
    assert.notEqual(warm, formal);
    assert.notEqual(formal, playful);
    assert.match(warm, /> Hi \[Customer Name\], it's lovely to hear from you\./);
    assert.match(formal, /> Dear \[Customer Name\],/);
    assert.match(formal, /Please accept our sincere apologies\./);
    assert.match(formal, /> Yours sincerely,\\/);
    assert.doesNotMatch(formal, /lovely to hear from you/);
    // A second tone takes over apologies: warm greeting, formal apology.
    const blended = scripts(['warm', 'formal']);
    assert.match(blended, /it's lovely to hear from you/);
    assert.match(blended, /Please accept our sincere apologies\./);
    assert.notEqual(blended, warm);
  });

  it('keeps unknown tones as the writer typed them, with a placeholder to describe them', () => {
    const text = generateSopDraft(answers({ tone: ['Cheeky but kind'] }), { today: TODAY });
    const doc = buildSopDocument(text);
    assert.deepEqual(doc.frontMatter.data!.tone, ['Cheeky but kind']);
    assert.match(text, /\| Cheeky but kind \| \[INSERT what this tone sounds like\]/);
    assert.match(text, /> Hello \[Customer Name\],/, 'scripts fall back to the professional voice');
  });

  it('escapes answers so they cannot add structure, links, HTML or fields', () => {
    const hostile = answers({
      format: 'workflow',
      title: '# Step 1: <script>alert(1)</script> | x',
      businessName: '[Click](javascript:alert(1)) **Bold** {{businessName}} <img src=x>',
      description: '## Escalation\n\n1. First item\n- [ ] tick me\n\n> quoted\n\n### Step 9: injected\n\n---',
      offers: 'a | b\n# c',
      sector: 'retail',
    });
    const text = generateSopDraft(hostile, { today: TODAY });
    const doc = buildSopDocument(text);
    assert.deepEqual(doc.frontMatter.errors, []);
    assert.equal(doc.frontMatter.data!.title, hostile.title);
    assert.doesNotMatch(text.slice(text.indexOf('\n---\n') + 5), /(?<!\\)<(?:script|img)/, 'HTML is escaped in the body');
    assert.ok(!doc.steps.some((s) => s.title === 'injected'), 'an answer cannot add a step');
    assert.equal(doc.checklist.length, 0, 'an answer cannot add a checklist item');
    const benign = buildSopDocument(generateSopDraft(answers({ format: 'workflow', sector: 'retail' }), { today: TODAY }));
    assert.deepEqual(doc.sections.map((s) => s.heading.depth), benign.sections.map((s) => s.heading.depth), 'same outline as a harmless draft');
    assert.equal(doc.steps.length, benign.steps.length);
    let links = 0;
    let html = 0;
    const walk = (node: { type: string; children?: unknown[] }) => {
      if (node.type === 'link') links++;
      if (node.type === 'html') html++;
      for (const child of (node.children ?? []) as { type: string }[]) walk(child);
    };
    walk(doc.tree);
    assert.equal(links, 0);
    assert.equal(html, 0);
    // The business name reads back literally where it is used.
    const scope = doc.sections.find((s) => s.canonical.includes('scope'))!;
    assert.ok(scope.body.map((n) => toString(n)).join(' ').includes(hostile.businessName));
    assert.deepEqual(problems(text).filter((m) => m.severity === 'error'), []);
  });

  it('rejects answers it cannot use, saying what was expected', () => {
    assert.throws(() => generateSopDraft(answers({ policies: ['refund-policy'] })), (e: unknown) => e instanceof WizardError && /Unknown policy 'refund-policy'.*refund-and-return-policy/.test(e.message));
    assert.throws(() => generateSopDraft(answers({ businessName: '  ' })), WizardError);
    assert.throws(() => generateSopDraft(answers({ format: 'memo' as SopFormat })), /Unknown format 'memo'; choose one of article, guide, workflow, faq, checklist/);
  });

  it('accepts policy names as well as ids, once each, and derives a title when none is given', () => {
    const text = generateSopDraft(answers({ title: '', policies: ['VIP Customer Handling', 'vip-customer-handling', 'Product/Service Knowledge Requirements'] }), { today: TODAY });
    const doc = buildSopDocument(text);
    assert.deepEqual(doc.frontMatter.data!.policies, ['vip-customer-handling', 'product-service-knowledge-requirements']);
    assert.equal(doc.title?.text, 'Northwind Outfitters Customer Support SOP');
  });

  it('lists the catalogue for the wizard\'s pickers', () => {
    assert.equal(listPolicies().length, 20);
    assert.ok(listSectors().includes('E-commerce') && listSectors().length >= 10);
    assert.ok(listTones().includes('Warm') && listTones().length >= 8);
  });
});
