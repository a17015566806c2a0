/**
 * The "New SOP" wizard's generator: business answers → a draft SOP in the chosen format, with the
 * required sections in canonical order, one block per chosen policy modifier (overview and
 * objectives, procedure, decision flow, scripts in the brand's tone, best practices, KPIs,
 * compliance) and workflows for the sector's five most common inquiries. Pure: the catalogue is
 * data (schemas/policies.json, tones.json, sectors.json); answers are escaped so they cannot add
 * Markdown structure. The few values only the writer knows are left as [INSERT …] placeholders.
 */
import { todayIso } from '../dates.js';
import { joinNaturally, trimEndWhere } from '../text.js';
import { SOP_FORMATS, type SopFormat } from '../types.js';
import {
  TONE_PHRASE_KEYS, escapeInline, escapeParagraphs, fillCatalogueFields, findPolicy, findSector, findTone,
  listPolicies, policyCatalogue, sectorCatalogue, toneCatalogue, yamlString,
  type PolicyModifier, type Sector, type SectorInquiry, type Tone, type TonePhraseKey,
} from './policies.js';

export { listPolicies };

export interface WizardAnswers {
  format: SopFormat;
  title: string;
  businessName: string;
  description: string;
  sector: string;
  offers: string;
  tone: string[];
  policies: string[];
}

export interface WizardOptions {
  /** YYYY-MM-DD used for effective, last_reviewed and the first revision row (default: today). */
  today?: string;
}

/** A wrong answer, in words the wizard can show as is. */
export class WizardError extends Error {
  override name = 'WizardError';
}

export function listSectors(): string[] {
  return sectorCatalogue().map((s) => s.name);
}

export function listTones(): string[] {
  return toneCatalogue().map((t) => t.name);
}

/** Everything the renderers need, resolved and escaped once. */
interface Draft {
  format: SopFormat;
  title: string;
  business: string;
  sector: Sector;
  sectorName: string;
  tones: Tone[];
  customTones: string[];
  phrases: Record<TonePhraseKey, string>;
  policies: PolicyModifier[];
  today: string;
  answers: WizardAnswers;
}

const DEFAULT_TONE = 'professional';

function resolveDraft(answers: WizardAnswers, options: WizardOptions): Draft {
  if (!(SOP_FORMATS as readonly string[]).includes(answers.format)) {
    throw new WizardError(`Unknown format '${answers.format}'; choose one of ${SOP_FORMATS.join(', ')}`);
  }
  const businessName = (answers.businessName ?? '').trim();
  if (!businessName) throw new WizardError('The business name is empty; the draft uses it in its scripts and procedures');
  const today = options.today ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new WizardError(`Today's date '${today}' is not YYYY-MM-DD`);

  const policies: PolicyModifier[] = [];
  for (const wanted of answers.policies ?? []) {
    const policy = findPolicy(wanted);
    if (!policy) {
      throw new WizardError(`Unknown policy '${wanted}'; known policies: ${policyCatalogue().map((p) => p.id).join(', ')}`);
    }
    if (!policies.includes(policy)) policies.push(policy);
  }

  const tones: Tone[] = [];
  const customTones: string[] = [];
  for (const wanted of answers.tone ?? []) {
    if (!wanted.trim()) continue;
    const tone = findTone(wanted);
    if (tone) { if (!tones.includes(tone)) tones.push(tone); } else if (!customTones.includes(wanted.trim())) customTones.push(wanted.trim());
  }
  // Blend up to three tones: the first sets greetings and closings, the second apologies and
  // empathy, the third reassurance; so changing any chosen tone changes the scripts' wording.
  const voice = tones.length ? tones : [findTone(DEFAULT_TONE)!];
  const pick = (key: TonePhraseKey, order: number[]) => voice[order.find((i) => i < voice.length) ?? 0].phrases[key];
  const phrases = Object.fromEntries(TONE_PHRASE_KEYS.map((key) => {
    if (key === 'apology' || key === 'empathy') return [key, pick(key, [1, 0])];
    if (key === 'reassurance') return [key, pick(key, [2, 1, 0])];
    return [key, pick(key, [0])];
  })) as Record<TonePhraseKey, string>;

  const sectorText = (answers.sector ?? '').trim();
  const sector = findSector(sectorText) ?? sectorCatalogue().find((s) => s.id === 'other')!;
  const sectorName = sector.id === 'other' && sectorText && !/^other\b/i.test(sectorText) ? escapeInline(sectorText) : sector.name;
  const title = (answers.title ?? '').trim() || `${businessName} Customer Support SOP`;
  return { format: answers.format, title, business: escapeInline(businessName), sector, sectorName, tones, customTones, phrases, policies, today, answers };
}

/** Catalogue text with `{{businessName}}` filled (catalogue text is trusted Markdown). */
function text(draft: Draft, template: string): string {
  return fillCatalogueFields(template, { businessName: draft.business });
}

function withoutFullStop(sentence: string): string {
  return trimEndWhere(sentence, (ch) => /[.\s]/.test(ch));
}

export function generateSopDraft(answers: WizardAnswers, options: WizardOptions = {}): string {
  const draft = resolveDraft(answers, options);
  const blocks: string[] = [
    frontMatter(draft),
    `# ${escapeInline(draft.title)}`,
    ...purpose(draft),
    ...scope(draft),
    ...roles(draft),
    ...voiceAndTone(draft),
    ...process(draft),
    ...escalation(draft),
    ...references(draft),
    ...revisionHistory(draft),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function frontMatter(draft: Draft): string {
  const list = (items: string[]) => `[${items.map((i) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(i) ? i : yamlString(i))).join(', ')}]`;
  const tones = [...draft.tones.map((t) => t.id), ...draft.customTones];
  return [
    '---',
    `title: ${yamlString(draft.title)}`,
    `format: ${draft.format}`,
    'owner: "[INSERT owner role, e.g. Support Operations Lead]"',
    'version: "0.1"',
    'status: draft',
    `effective: ${draft.today}`,
    `last_reviewed: ${draft.today}`,
    'review_interval: 12 months',
    'department: Customer Support',
    `policies: ${list(draft.policies.map((p) => p.id))}`,
    `tone: ${list(tones.length ? tones : [DEFAULT_TONE])}`,
    `tags: ${list(['customer-service', draft.sector.id])}`,
    '---',
  ].join('\n');
}

function purpose(draft: Draft): string[] {
  const covered = draft.policies.length ? `${joinNaturally(draft.policies.map((p) => p.name.toLowerCase()))}, and ` : '';
  return [
    '## Purpose',
    ...escapeParagraphs(draft.answers.description ?? ''),
    `This SOP sets out how the ${draft.business} customer support team handles ${covered}the five inquiries ${draft.sectorName} customers raise most often, so every customer gets the same fast, accurate and on-brand help whoever answers.`,
  ];
}

function scope(draft: Draft): string[] {
  const offers = (draft.answers.offers ?? '').trim();
  return [
    '## Scope',
    `This SOP applies to everyone at ${draft.business} who answers customers, on every channel: phone, e-mail, chat, social media and in person.${offers ? ` It covers support for ${escapeInline(offers)}.` : ''} Sales negotiations, internal IT support and marketing campaigns are out of scope.`,
  ];
}

function roles(draft: Draft): string[] {
  return [
    '## Roles and Responsibilities',
    [
      '- **Support agent (Tier 1):** answers first contacts on every channel, follows this SOP, uses the scripts and records every interaction.',
      '- **Specialist (Tier 2):** takes escalated cases that need deeper product knowledge or authority.',
      '- **Team lead:** watches queues and response targets, approves exceptions and coaches agents.',
      `- **Support manager:** owns this SOP for ${draft.business}, handles critical escalations and reviews the SOP every 12 months.`,
    ].join('\n'),
  ];
}

function voiceAndTone(draft: Draft): string[] {
  const named = [...draft.tones.map((t) => t.name.toLowerCase()), ...draft.customTones.map(escapeInline)];
  const rows = draft.tones.map((t) => `| ${t.name} | ${t.description} | ${t.do.join(' ')} | ${t.avoid.join(' ')} |`);
  for (const custom of draft.customTones) rows.push(`| ${escapeInline(custom)} | [INSERT what this tone sounds like] | | |`);
  const labels: Record<TonePhraseKey, string> = {
    greeting: 'Greeting', thanks: 'Thanks', apology: 'Apology', empathy: 'Empathy', reassurance: 'Reassurance', closing: 'Closing', signOff: 'Sign-off',
  };
  return [
    '## Voice and Tone',
    named.length
      ? `Every reply from ${draft.business} should sound ${joinNaturally(named)}. The scripts in this SOP already use these phrases; adapt them, but keep the voice.`
      : `No brand tone was chosen, so the scripts use a professional voice. Adapt the phrases below to how ${draft.business} speaks.`,
    ...(rows.length ? [['| Tone | Sounds like | Do | Avoid |', '| --- | --- | --- | --- |', ...rows].join('\n')] : []),
    ['| Moment | Say it like this |', '| --- | --- |', ...TONE_PHRASE_KEYS.map((k) => `| ${labels[k]} | ${text(draft, draft.phrases[k])} |`)].join('\n'),
  ];
}

/** Script lines with the tone's phrases, then the business name, filled; as a blockquote. */
function scriptBlocks(draft: Draft, policy: PolicyModifier): string[] {
  return policy.scripts.flatMap((script) => {
    const lines = script.body.map((line) => text(draft, fillCatalogueFields(line, draft.phrases)));
    const quoted = lines.map((line) => line.split('\n').map((l) => `> ${l}`).join('\\\n')).join('\n>\n');
    return [`**${script.title}** (${script.channel})`, quoted];
  });
}

function sampleConversation(draft: Draft, inquiry: SectorInquiry): string {
  return `> **Customer:** ${inquiry.question}\n>\n> **Agent:** ${text(draft, draft.phrases.greeting)} ${text(draft, inquiry.reply)}`;
}

function bullets(items: string[], marker = '-'): string {
  return items.map((item) => `${marker} ${item}`).join('\n');
}

function kpiTable(draft: Draft, policy: PolicyModifier): string {
  return ['| KPI | Starting target |', '| --- | --- |', ...policy.kpis.map((k) => `| ${text(draft, k.metric)} | ${text(draft, k.target)} |`)].join('\n');
}

function overviewBlocks(draft: Draft, policy: PolicyModifier): string[] {
  return [text(draft, policy.overview), '**What this policy aims for**', bullets(policy.objectives.map((o) => text(draft, o)))];
}

/** `- Condition / - If / - Take Action` lists; `target(next)` words the jump for formats with step headings. */
function decisionList(draft: Draft, condition: string, branches: { if: string; action: string; jump?: string }[], indent = ''): string {
  const lines = [`${indent}- **Condition:** ${text(draft, condition)}`];
  for (const branch of branches) {
    lines.push(`${indent}  - **If:** ${text(draft, branch.if)}`);
    lines.push(`${indent}    - **Take Action:** ${text(draft, branch.action)}${branch.jump ? ` ${branch.jump}` : ''}`);
  }
  return lines.join('\n');
}

function scriptHeading(draft: Draft, policy: PolicyModifier): string {
  const voice = draft.tones.length ? joinNaturally(draft.tones.map((t) => t.name.toLowerCase())) : DEFAULT_TONE;
  return `${policy.name} scripts in a ${voice} voice`;
}

function process(draft: Draft): string[] {
  switch (draft.format) {
    case 'faq': return faqProcess(draft);
    case 'checklist': return checklistProcess(draft);
    case 'workflow':
    case 'guide': return steppedProcess(draft);
    default: return articleProcess(draft);
  }
}

function inquiriesHeading(draft: Draft): string {
  return `### Top ${draft.sector.inquiries.length} customer inquiries in ${draft.sectorName}`;
}

function articleProcess(draft: Draft): string[] {
  const out = ['## Process'];
  for (const policy of draft.policies) {
    out.push(`### ${policy.name}`, text(draft, policy.description));
    out.push('#### Policy at a glance', ...overviewBlocks(draft, policy));
    out.push('#### Step-by-step procedure', policy.procedure.map((s, i) => `${i + 1}. ${text(draft, s)}`).join('\n'));
    out.push('#### Decision flow', decisionList(draft, policy.decision.condition, policy.decision.branches.map((b) => ({ ...b, jump: b.next ? `Then continue from procedure step ${b.next}.` : undefined }))));
    out.push(...policyClosingParts(draft, policy));
  }
  out.push(inquiriesHeading(draft));
  for (const inquiry of draft.sector.inquiries) {
    out.push(`#### Inquiry: ${inquiry.question}`, sampleConversation(draft, inquiry), inquirySteps(draft, inquiry));
  }
  return out;
}

/** What every policy ends with, whatever the format: scripts, best practices, KPIs, compliance. */
function policyClosingParts(draft: Draft, policy: Draft['policies'][number]): string[] {
  return [
    `#### ${scriptHeading(draft, policy)}`, ...scriptBlocks(draft, policy),
    '#### Best practices', bullets(policy.bestPractices.map((b) => text(draft, b))),
    '#### Measuring success', kpiTable(draft, policy),
    '#### Compliance notes', bullets(policy.compliance.map((c) => text(draft, c))),
  ];
}

/** Three numbered steps with the decision nested under the second. */
function inquirySteps(draft: Draft, inquiry: SectorInquiry): string {
  return [
    `1. ${text(draft, inquiry.check)}`,
    '2. Decide the path:',
    decisionList(draft, inquiry.condition, inquiry.branches, '   '),
    `3. ${text(draft, inquiry.resolve)}`,
  ].join('\n');
}

/** Workflows and guides: every step is a `Step N:` heading, numbered through the whole SOP, so jumps are unambiguous. */
function steppedProcess(draft: Draft): string[] {
  const out = ['## Process'];
  if (draft.format === 'guide') out.push('<!-- Guides work best with a picture under each step: ![What the agent sees](images/step-1.png) -->');
  let next = 1;
  const jump = (from: number, to: number) => `${to < from ? 'Return' : 'Proceed'} to Step ${to}.`;
  for (const policy of draft.policies) {
    out.push(`### ${policy.name}`, text(draft, policy.description));
    out.push('#### Policy at a glance', ...overviewBlocks(draft, policy));
    const first = next;
    policy.procedure.forEach((step, i) => {
      const number = first + i;
      out.push(`#### Step ${number}: ${withoutFullStop(text(draft, step))}`);
      if (i + 1 === policy.decision.at) {
        out.push(decisionList(draft, policy.decision.condition, policy.decision.branches.map((b) => ({ ...b, jump: b.next ? jump(number, first + b.next - 1) : undefined }))));
      }
    });
    next = first + policy.procedure.length;
    out.push(...policyClosingParts(draft, policy));
  }
  out.push(inquiriesHeading(draft));
  for (const inquiry of draft.sector.inquiries) {
    const [check, decide, resolve] = [next, next + 1, next + 2];
    next += 3;
    out.push(`#### Inquiry: ${inquiry.question}`, sampleConversation(draft, inquiry));
    out.push(`##### Step ${check}: ${withoutFullStop(text(draft, inquiry.check))}`);
    out.push(`##### Step ${decide}: Decide the path`, decisionList(draft, inquiry.condition, inquiry.branches.map((b, i) => ({ ...b, jump: i < 2 ? `Proceed to Step ${resolve}.` : undefined }))));
    out.push(`##### Step ${resolve}: ${withoutFullStop(text(draft, inquiry.resolve))}`);
  }
  return out;
}

function faqProcess(draft: Draft): string[] {
  const out = ['## Frequently Asked Questions'];
  for (const policy of draft.policies) {
    const name = policy.name;
    out.push(`### ${name}`, text(draft, policy.description));
    out.push(`#### What is the ${name} policy for?`, ...overviewBlocks(draft, policy));
    out.push(`#### How do we apply ${name}, step by step?`, policy.procedure.map((s, i) => `${i + 1}. ${text(draft, s)}`).join('\n'));
    out.push(`#### How do we decide what to do under ${name}?`, decisionList(draft, policy.decision.condition, policy.decision.branches.map((b) => ({ ...b, jump: b.next ? `Then continue from step ${b.next} of the procedure.` : undefined }))));
    out.push(`#### What do we say to customers about ${name}?`, ...scriptBlocks(draft, policy));
    out.push(`#### What are the best practices for ${name}?`, bullets(policy.bestPractices.map((b) => text(draft, b))));
    out.push(`#### How do we measure success for ${name}?`, kpiTable(draft, policy));
    out.push(`#### Which compliance rules apply to ${name}?`, bullets(policy.compliance.map((c) => text(draft, c))));
  }
  out.push(inquiriesHeading(draft));
  for (const inquiry of draft.sector.inquiries) {
    out.push(`#### ${inquiry.question}`, sampleConversation(draft, inquiry), inquirySteps(draft, inquiry));
  }
  return out;
}

function decisionTable(draft: Draft, condition: string, branches: { if: string; action: string; next?: number }[]): string[] {
  return [
    `**Condition:** ${text(draft, condition)}`,
    ['| If | Take Action |', '| --- | --- |', ...branches.map((b) => `| ${text(draft, b.if)} | ${text(draft, b.action)}${b.next ? ` Then continue from item ${b.next} of the procedure.` : ''} |`)].join('\n'),
  ];
}

/** Checklists: each policy and inquiry is a phase of `- [ ]` items; decisions are tables so lists stay all-checkbox. */
function checklistProcess(draft: Draft): string[] {
  const out = ['## Checklist'];
  for (const policy of draft.policies) {
    const name = policy.name;
    out.push(`### ${name}`, text(draft, policy.description), ...overviewBlocks(draft, policy));
    out.push(`#### ${name}: procedure`, bullets(policy.procedure.map((s) => text(draft, s)), '- [ ]'));
    out.push(`#### ${name}: decision points`, ...decisionTable(draft, policy.decision.condition, policy.decision.branches));
    out.push(`#### ${scriptHeading(draft, policy)}`, ...scriptBlocks(draft, policy));
    out.push(`#### ${name}: best practices`, bullets(policy.bestPractices.map((b) => text(draft, b))));
    out.push(`#### ${name}: measuring success`, kpiTable(draft, policy));
    out.push(`#### ${name}: compliance checks`, bullets(policy.compliance.map((c) => text(draft, c)), '- [ ]'));
  }
  out.push(inquiriesHeading(draft));
  for (const inquiry of draft.sector.inquiries) {
    out.push(
      `#### Inquiry: ${inquiry.question}`,
      sampleConversation(draft, inquiry),
      `- [ ] ${text(draft, inquiry.check)}`,
      ...decisionTable(draft, inquiry.condition, inquiry.branches),
      `- [ ] ${text(draft, inquiry.resolve)}`,
    );
  }
  return out;
}

function escalation(draft: Draft): string[] {
  return [
    '## Escalation',
    `Escalate as soon as a trigger below is met; do not wait for the customer to ask. Every escalation carries a summary of the case, the steps already taken and what the customer expects, so the customer never repeats their story. Tell the customer who now owns the case and when they will hear back.`,
    [
      '| Level | Who | When | Responds within |',
      '| --- | --- | --- | --- |',
      '| Tier 1 | Support agent | Every first contact | The channel\'s response target |',
      '| Tier 2 | [INSERT specialist team and how to reach them] | The case needs expertise or authority beyond Tier 1 | 1 business hour |',
      `| Tier 3 | Support manager of ${draft.business} | Legal, safety, data-protection or major account risk; the customer asks for a manager after Tier 2 | Same business day |`,
    ].join('\n'),
  ];
}

function references(draft: Draft): string[] {
  const items = [
    `${draft.business} help centre and internal knowledge base`,
    `Customer-facing terms and policies published by ${draft.business}`,
    'Escalation contact list and on-call rota (see Escalation)',
    ...draft.policies.map((p) => `sopkit policy modifier: ${p.name} (\`${p.id}\`)`),
    'Help desk or ticketing system: [INSERT link]',
  ];
  return ['## References', bullets(items)];
}

function revisionHistory(draft: Draft): string[] {
  return [
    '## Revision History',
    ['| Date | Version | Change | Author |', '| --- | --- | --- | --- |', `| ${draft.today} | 0.1 | First draft from the sopkit New SOP wizard | sopkit wizard |`].join('\n'),
  ];
}

