/**
 * The built-in gallery as a whole: manifest and files agree, the generated pack is fresh, and every
 * template, filled with sample answers in every tone, lints clean apart from [INSERT …] placeholders.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { draftFromTemplate, listTemplates, templateAnswerIds, type TemplateInfo } from '../../../src/core/generate/templates.js';
import { lint } from '../../../src/core/lint/lint.js';
import { buildSopDocument } from '../../../src/core/model/build.js';

const root = join(import.meta.dirname, '../../..');
const templatesDir = join(root, 'templates');
const manifest = parse(readFileSync(join(templatesDir, 'manifest.yaml'), 'utf8')) as {
  questions: Record<string, unknown>;
  templates: { id: string; file: string; title: string; format: string; questions: (string | { id: string })[] }[];
};
const TODAY = '2026-11-23';
const TONES = ['warm', 'formal', 'upbeat', 'calm'];
const REQUIRED_IDS = [
  'inquiry-handling', 'greeting-and-communication', 'issue-identification-and-verification',
  'escalation-of-complex-issues', 'customer-follow-up', 'complaint-resolution',
  'documentation-and-case-management', 'difficult-customers-and-de-escalation',
  'feedback-collection-and-reporting', 'performance-monitoring-and-improvement',
  'customer-service-protocol', 'returns-and-refunds', 'handling-queries-with-empathy',
  'responding-to-security-alerts', 'card-payment-failures', 'common-queries-faq', 'end-of-day-closing',
];

function sampleAnswers(template: TemplateInfo, tone: string, channels: string[]): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = { business_name: 'Northwind Outfitters' };
  if (template.questions.some((q) => q.id === 'tone')) answers.tone = tone;
  if (template.questions.some((q) => q.id === 'channels')) answers.channels = channels;
  return answers;
}

describe('template gallery: manifest and files', () => {
  it('lists every template the gallery issue asks for, with a unique id', () => {
    const ids = listTemplates().map((t) => t.id);
    assert.deepEqual([...ids].sort(), [...REQUIRED_IDS].sort());
    assert.equal(new Set(ids).size, ids.length);
  });

  it('has a manifest entry for every template file and a file for every entry', () => {
    const files = readdirSync(templatesDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
    assert.deepEqual(manifest.templates.map((t) => t.file).sort(), files);
  });

  it('declares title and format that match each file’s own front matter', () => {
    for (const entry of manifest.templates) {
      const text = readFileSync(join(templatesDir, entry.file), 'utf8');
      const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]) as Record<string, unknown>;
      assert.equal(front.title, entry.title, `${entry.file}: title`);
      assert.equal(front.format, entry.format, `${entry.file}: format`);
    }
  });

  it('asks exactly the questions each template uses, always business name, and channels and tone where scripts vary', () => {
    for (const info of listTemplates()) {
      const text = readFileSync(join(templatesDir, info.fileName), 'utf8');
      assert.deepEqual(templateAnswerIds(text).sort(), info.questions.map((q) => q.id).sort(), `${info.id}: used vs declared`);
      assert.ok(info.questions.some((q) => q.id === 'business_name' && q.required), `${info.id}: business_name`);
      assert.ok(info.questions.some((q) => q.id === 'channels' && q.multi), `${info.id}: channels`);
      assert.ok(info.description.length > 20 && info.description.length <= 120, `${info.id}: one-line description`);
    }
    const withScripts = listTemplates().filter((t) => /\{\{#when tone=/.test(readFileSync(join(templatesDir, t.fileName), 'utf8')));
    assert.ok(withScripts.length >= 14, `tone variants in ${withScripts.length} templates`);
    for (const t of withScripts) assert.ok(t.questions.some((q) => q.id === 'tone'), `${t.id} asks tone`);
  });

  it('keeps the generated pack in step with templates/ (run node scripts/gen-templates.mjs)', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/gen-templates.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('covers phone, e-mail, chat and social media, timeframes, KPIs and a revision history in every template', () => {
    for (const info of listTemplates()) {
      const filled = draftFromTemplate(info.id, sampleAnswers(info, 'warm', ['phone', 'e-mail', 'chat', 'social media']), { today: TODAY });
      assert.match(filled, /phone/i, `${info.id}: phone`);
      assert.match(filled, /e-mail/i, `${info.id}: e-mail`);
      assert.match(filled, /chat/i, `${info.id}: chat`);
      assert.match(filled, /social/i, `${info.id}: social`);
      assert.match(filled, /\b\d+ (?:minutes?|hours?|business hours?|business days?|days?)\b/, `${info.id}: timeframes`);
      assert.match(filled, /^## (?:\d+\. )?(?:Metrics|Performance Metrics|Key Performance Indicators)$/m, `${info.id}: KPIs`);
      assert.match(filled, /satisf/i, `${info.id}: satisfaction`);
      assert.match(filled, /escalat/i, `${info.id}: escalation points`);
      assert.match(filled, new RegExp(`\\| ${TODAY} \\| 1\\.0 \\|`), `${info.id}: revision history row`);
    }
  });
});

describe('template gallery: filled templates lint clean', () => {
  for (const info of listTemplates()) {
    it(`${info.id} (${info.format}) has no findings but [INSERT …] placeholders, in every tone`, () => {
      for (const [i, tone] of TONES.entries()) {
        const channels = i % 2 === 0 ? ['phone', 'e-mail', 'chat', 'social media'] : ['chat'];
        const filled = draftFromTemplate(info.id, sampleAnswers(info, tone, channels), { today: TODAY });
        const result = lint(filled, { today: TODAY });
        const findings = result.messages.filter((m) => m.ruleId !== 'placeholder' || !/\[INSERT /.test(m.message));
        assert.deepEqual(findings.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`), [], `${info.id} (${tone})`);
        assert.equal(result.format, info.format, `${info.id}: format`);
        const inserts = result.messages.filter((m) => m.ruleId === 'placeholder').length;
        assert.ok(inserts <= 3, `${info.id}: ${inserts} [INSERT …] placeholders; keep them few`);
        assert.doesNotMatch(filled, /\{\{/, `${info.id}: unfilled {{…}}`);
      }
    });
  }

  it('stays clean a year later only until the review falls due (review dates come from {{today}})', () => {
    const filled = draftFromTemplate('end-of-day-closing', { business_name: 'Northwind' }, { today: '2026-01-10' });
    assert.equal(lint(filled, { today: '2026-12-01' }).messages.filter((m) => m.ruleId === 'review-overdue').length, 0);
    assert.ok(lint(filled, { today: '2027-02-01' }).messages.some((m) => m.ruleId === 'review-overdue'));
  });

  it('gives workflows real branches and checklists real tick boxes', () => {
    for (const info of listTemplates()) {
      const doc = buildSopDocument(draftFromTemplate(info.id, { business_name: 'Northwind' }, { today: TODAY }));
      if (info.format === 'workflow') assert.ok(doc.steps.filter((s) => s.branches.length >= 2).length >= 4, `${info.id}: branches`);
      if (info.format === 'checklist') assert.ok(doc.checklist.length >= 12, `${info.id}: checklist items`);
      if (info.format === 'faq') assert.ok(doc.faq.length >= 6 && doc.faq.every((f) => f.answer.length > 20), `${info.id}: faq pairs`);
      if (info.format === 'article' || info.format === 'guide') assert.ok(doc.steps.length >= 5, `${info.id}: steps`);
    }
  });
});

describe('template gallery: shipped files', () => {
  it('has a README that documents every template id', () => {
    const readme = readFileSync(join(templatesDir, 'README.md'), 'utf8');
    for (const id of REQUIRED_IDS) assert.ok(readme.includes(`\`${id}\``), id);
    assert.ok(existsSync(join(root, 'src/core/generate/builtin-templates.generated.json')));
  });
});
