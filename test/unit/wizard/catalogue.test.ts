import { strict as assert } from 'node:assert';
import {
  TONE_PHRASE_KEYS, escapeInline, fillCatalogueFields, findPolicy, findSector, findTone, listPolicies, policyCatalogue, sectorCatalogue, toneCatalogue,
} from '../../../src/core/generate/policies.js';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('wizard: catalogue data (schemas/policies.json, tones.json, sectors.json)', () => {
  it('has the 20 policy modifiers of the Mini SOP kit, in order, with kebab-case ids', () => {
    assert.deepEqual(policyCatalogue().map((p) => p.name), [
      'Response Time Standards', 'Escalation Procedures', 'Customer Data Privacy and Security', 'Complaint Handling Process',
      'Refund and Return Policy', 'Order Cancellation and Modification', 'Product/Service Knowledge Requirements',
      'Customer Feedback Collection and Analysis', 'Social Media Interaction Guidelines', 'Multichannel Support Coordination',
      'Quality Assurance and Call Monitoring', 'Customer Loyalty Program Management', 'Crisis Communication Protocol',
      'Accessibility Accommodations', 'Language Support and Translation Services', 'After-Hours Support Protocol',
      'VIP Customer Handling', 'Proactive Customer Outreach', 'Self-Service Resource Management', 'Customer Onboarding',
    ]);
    const ids = policyCatalogue().map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, KEBAB);
  });

  it('gives every policy the parts a draft needs', () => {
    for (const p of policyCatalogue()) {
      assert.equal(p.focus.length, 3, p.id);
      assert.ok(p.overview && p.description, p.id);
      assert.ok(p.objectives.length >= 3 && p.procedure.length >= 5 && p.bestPractices.length >= 3 && p.kpis.length >= 3 && p.compliance.length >= 3, p.id);
      assert.ok(p.scripts.length >= 1 && p.scripts.every((s) => s.title && s.channel && s.body.length >= 1), p.id);
      assert.ok(p.decision.branches.length >= 2 && p.decision.branches.every((b) => b.if && b.action), p.id);
    }
  });

  it('keeps every decision reachable: steps in range, no self-jumps, and the step after the decision is reachable', () => {
    for (const p of policyCatalogue()) {
      const { at, branches } = p.decision;
      assert.ok(at >= 1 && at <= p.procedure.length, `${p.id}: decision at step ${at}`);
      for (const b of branches) if (b.next !== undefined) assert.ok(b.next >= 1 && b.next <= p.procedure.length && b.next !== at, `${p.id}: jump to ${b.next}`);
      // The step after the decision is reached by a jump or by a branch that falls through.
      if (at < p.procedure.length) assert.ok(branches.some((b) => b.next === undefined || b.next === at + 1), `${p.id}: step ${at + 1} unreachable`);
    }
  });

  it('uses only known fields in catalogue text', () => {
    const known = new Set(['businessName', ...TONE_PHRASE_KEYS]);
    const texts = [
      ...policyCatalogue().flatMap((p) => [p.description, p.overview, ...p.objectives, ...p.procedure, p.decision.condition, ...p.decision.branches.flatMap((b) => [b.if, b.action]), ...p.scripts.flatMap((s) => s.body), ...p.bestPractices, ...p.compliance]),
      ...toneCatalogue().flatMap((t) => Object.values(t.phrases)),
    ];
    for (const text of texts) for (const m of text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) assert.ok(known.has(m[1]), `unknown field ${m[0]} in "${text}"`);
  });

  it('has tones with every phrase, and sectors with five inquiries of three branches each', () => {
    for (const t of toneCatalogue()) {
      assert.match(t.id, KEBAB);
      for (const key of TONE_PHRASE_KEYS) assert.ok(t.phrases[key]?.trim(), `${t.id}.${key}`);
      assert.ok(t.do.length && t.avoid.length);
    }
    const phrases = toneCatalogue().map((t) => t.phrases.greeting);
    assert.equal(new Set(phrases).size, phrases.length, 'each tone greets differently');
    for (const s of sectorCatalogue()) {
      assert.equal(s.inquiries.length, 5, s.id);
      for (const q of s.inquiries) {
        assert.match(q.question, /[?.]$/, `${s.id}: ${q.question}`);
        assert.equal(q.branches.length, 3, `${s.id}: ${q.question}`);
        assert.ok(q.check && q.condition && q.resolve && q.reply);
      }
    }
    assert.ok(sectorCatalogue().some((s) => s.id === 'other'));
  });

  it('looks things up by id or name in any case', () => {
    assert.equal(findPolicy('COMPLAINT HANDLING PROCESS')?.id, 'complaint-handling-process');
    assert.equal(findPolicy('product-service-knowledge-requirements')?.name, 'Product/Service Knowledge Requirements');
    assert.equal(findTone('Warm')?.id, 'warm');
    assert.equal(findSector('banking & fintech')?.id, 'banking-fintech');
    assert.equal(findSector('fintech')?.id, 'banking-fintech');
    assert.equal(findSector('and'), undefined);
    assert.equal(findPolicy('nothing'), undefined);
  });

  it('describes policies for pickers without raw fields', () => {
    for (const p of listPolicies()) assert.doesNotMatch(p.description, /\{\{/);
    assert.match(listPolicies().find((p) => p.id === 'response-time-standards')!.description, /your business/);
  });

  it('fills fields in one pass and escapes inline Markdown', () => {
    assert.equal(fillCatalogueFields('{{a}} and {{b}}', { a: '{{b}}', b: 'B' }), '{{b}} and B');
    assert.equal(fillCatalogueFields('{{unknown}}', {}), '{{unknown}}');
    assert.equal(escapeInline('a *b* [c](d)\n<e> | f_g {{h}}'), 'a \\*b\\* \\[c\\](d) \\<e\\> \\| f\\_g \\{\\{h\\}\\}');
    assert.equal(escapeInline('&amp; & x'), '\\&amp; & x');
  });
});
