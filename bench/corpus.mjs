// A deterministic corpus of customer-service SOPs for `npm run bench`: 2,000 files, ~8 MB, all
// five formats, sizes from short checklists to long workflows. Same seed → same bytes, so runs
// on different machines and days compare. About one file in ten has the problems people leave
// in real SOPs (placeholders, a missing section, a step reference to nowhere, a plain item in a
// checklist) so the linters have findings to report. The SOPs are one library: each has an id
// (CS-1000 … CS-2999), names two others by id and links to a third's Purpose heading; one in
// fifty names an id no SOP has.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_VERSION = 5;
export const FORMATS = ['article', 'guide', 'workflow', 'faq', 'checklist'];

/** mulberry32: a small, fast, well-spread PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['Refund Requests', 'Card Payment Failures', 'Late Deliveries', 'Account Lockouts', 'Warranty Claims', 'Order Changes', 'Subscription Cancellations', 'Damaged Goods', 'Billing Disputes', 'Loyalty Points', 'Store Opening', 'End-of-Day Closing', 'Complaint Handling', 'Chat Handovers', 'Social Media Replies', 'Callback Scheduling', 'Identity Verification', 'Price Matching', 'Gift Card Issues', 'Accessibility Requests'];
const CHANNELS = ['phone', 'e-mail', 'live chat', 'social media', 'in store'];
const ROLES = ['Tier 1 agent', 'Tier 2 specialist', 'Shift lead', 'Support Operations Lead', 'Billing team', 'Quality analyst', 'Store manager'];
const SYSTEMS = ['the CRM', 'the order system', 'the ticketing queue', 'the payments dashboard', 'the knowledge base', 'the returns portal'];
const VERBS = ['Confirm', 'Check', 'Record', 'Explain', 'Verify', 'Update', 'Review', 'Send', 'Escalate', 'Close', 'Note', 'Offer'];
const OBJECTS = ['the order number', 'the customer\'s identity', 'the payment status', 'the delivery date', 'the case notes', 'the refund amount', 'the warranty terms', 'the account history', 'the agreed next step', 'the follow-up date'];
const SENTENCES = [
  'Keep the customer informed at every stage and tell them what happens next.',
  'Use the customer\'s name and acknowledge how the problem affects them before moving on.',
  'Write case notes so that a colleague can continue without asking the customer to repeat anything.',
  'If the customer is upset, slow down, summarise what you heard and confirm you understood.',
  'Answer within the response times in the service standard for the channel the customer used.',
  'Do not promise outcomes that depend on another team; promise the next update instead.',
  'Check the knowledge base for a current article before writing a new explanation.',
  'Record the outcome code that best matches what was agreed, not what was asked for.',
  'When a policy exception is needed, get approval from the shift lead and note who approved it.',
  'Close the case only after the customer has confirmed the issue is resolved or seven days have passed.',
];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const sentence = (r) => pick(r, SENTENCES);
const paragraph = (r, n = 2 + Math.floor(r() * 3)) => Array.from({ length: n }, () => sentence(r)).join(' ');
const isoDate = (r, fromYear) => `${fromYear + Math.floor(r() * 2)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;

function frontMatter(r, title, format, id) {
  const reviewed = isoDate(r, 2025);
  return ['---', `title: ${title}`, `format: ${format}`, `id: CS-${String(id).padStart(4, '0')}`, `owner: ${pick(r, ROLES)}`, 'version: "1.2"', 'status: approved', 'approved_by: Quality analyst', 'approved_on: 2025-03-03', `last_reviewed: ${reviewed}`, 'review_interval: 12 months', `tags: [customer-service, ${pick(r, CHANNELS).replace(/\s/g, '-')}]`, '---', ''].join('\n');
}

function revisionTable(r) {
  return ['## Revision History', '', '| Date | Version | Change | Author |', '| --- | --- | --- | --- |', `| 2024-03-0${1 + Math.floor(r() * 8)} | 1.0 | First version | ${pick(r, ROLES)} |`, `| 2024-09-1${Math.floor(r() * 9)} | 1.1 | Clarified the escalation path | ${pick(r, ROLES)} |`, `| 2025-02-2${Math.floor(r() * 8)} | 1.2 | Updated response times | ${pick(r, ROLES)} |`, ''].join('\n');
}

function common(r, topic) {
  return [
    '## Purpose', '', `This procedure explains how to handle ${topic.toLowerCase()} consistently across ${pick(r, CHANNELS)} and ${pick(r, CHANNELS)}. ${paragraph(r)}`, '',
    '## Scope', '', `It applies to every ${pick(r, ROLES)} and ${pick(r, ROLES)} who handles ${topic.toLowerCase()}. ${sentence(r)}`, '',
  ].join('\n');
}

/** The corpus file of SOP number `index` (0-based), as ensureCorpus names it. */
export function corpusFile(index) {
  const format = FORMATS[index % FORMATS.length];
  return `${format}/${String(index).padStart(4, '0')}-${format}.md`;
}

/** Two other SOPs by id and a link to a third's Purpose, from SOP `index`; `broken` names an id nobody has. */
function libraryReferences(index, count, broken) {
  const r = rng(index * 7919 + 17);
  const other = () => (index + 1 + Math.floor(r() * (count - 1))) % count;
  const [a, b, c] = [other(), other(), other()];
  return [
    `- Related: CS-${1000 + a} and CS-${broken ? 9000 + (index % 900) : 1000 + b}`,
    `- [The related procedure](../${corpusFile(c)}#purpose)`,
  ];
}

function references(r, index, count, broken) {
  return ['## References', '', `- Service standard for ${pick(r, CHANNELS)}`, `- ${pick(r, SYSTEMS).replace(/^the /, '')} user guide`, '- Complaint handling policy', ...libraryReferences(index, count, broken), ''].join('\n');
}

function stepLine(r) {
  return `${pick(r, VERBS)} ${pick(r, OBJECTS)} in ${pick(r, SYSTEMS)}.`;
}

/** Body blocks per format, repeated until the target size is reached. */
const BODY = {
  article(r, i) {
    return [`### ${i}. ${pick(r, VERBS)} ${pick(r, OBJECTS)}`, '', paragraph(r), '', `1. ${stepLine(r)}`, `2. ${stepLine(r)}`, `3. ${stepLine(r)}`, '', i % 3 === 0 ? `> "Thank you for your patience, [Customer Name]. ${sentence(r)}"\n` : '', ''].join('\n');
  },
  guide(r, i) {
    return [`### Step ${i}: ${pick(r, VERBS)} ${pick(r, OBJECTS)}`, '', paragraph(r, 2), '', `![${pick(r, SYSTEMS)} screen for step ${i}](images/step-${i}.png)`, '', `- ${stepLine(r)}`, `- ${stepLine(r)}`, ''].join('\n');
  },
  workflow(r, i, total) {
    const target = Math.min(total, i + 1 + Math.floor(r() * 2));
    return [`### Step ${i}: ${pick(r, VERBS)} ${pick(r, OBJECTS)}`, '', `- **Condition:** The customer reports a problem with ${pick(r, OBJECTS)}.`, `  - **If:** ${pick(r, OBJECTS)} is correct in ${pick(r, SYSTEMS)}.`, `    - **Take Action:** ${i < total ? `Proceed to Step ${target}.` : 'Close the case.'}`, '  - **If:** It does not match.', `    - **Take Action:** ${stepLine(r)} ${i > 1 && r() < 0.3 ? `Return to Step ${i - 1}.` : ''}`, '', paragraph(r, 1), ''].join('\n');
  },
  faq(r, i) {
    return [`### ${i}. How do I handle ${pick(r, OBJECTS)} when the customer contacts us by ${pick(r, CHANNELS)}?`, '', paragraph(r), '', `- ${stepLine(r)}`, ''].join('\n');
  },
  checklist(r, i) {
    return [`### Phase ${i}: ${pick(r, VERBS)} ${pick(r, OBJECTS)}`, '', ...Array.from({ length: 4 + Math.floor(r() * 5) }, () => `- [ ] ${stepLine(r)}`), ''].join('\n');
  },
};

const PROCESS_HEADING = { article: 'Procedure', guide: 'Steps', workflow: 'Workflow Steps', faq: 'Frequently Asked Questions', checklist: 'Checklist' };

/** One SOP of roughly `targetBytes`; `flawed` leaves typical problems in it. */
export function generateSop(seed, format, targetBytes, flawed = false, count = 2000) {
  const r = rng(seed);
  const topic = pick(r, TOPICS);
  const title = `${topic} (${format === 'faq' ? 'FAQ' : format[0].toUpperCase() + format.slice(1)})`;
  let text = `${frontMatter(r, title, format, seed % 10000)}\n# ${title}\n\n${common(r, topic)}`;
  const index = (seed - 1000) % count;
  const tail = `${format === 'workflow' ? `## Escalation\n\n${paragraph(r)}\n\n` : ''}${references(r, index, count, index % 50 === 7)}\n${revisionTable(r)}`;
  const blocks = [];
  let size = text.length + tail.length;
  const estimate = BODY[format](rng(seed + 1), 1, 2).length;
  const total = Math.max(2, Math.round((targetBytes - size) / estimate));
  for (let i = 1; i <= total; i++) {
    const block = BODY[format](r, i, total);
    blocks.push(block);
    size += block.length;
  }
  let body = `## ${PROCESS_HEADING[format]}\n\n${blocks.join('\n')}\n`;
  let end = tail;
  if (flawed) {
    const flaw = Math.floor(r() * 4);
    if (flaw === 0) body = body.replace(/\.\n/, '. [INSERT escalation contact] TODO\n');
    if (flaw === 1) end = end.replace(/## References[\s\S]*?\n\n(?=## Revision)/, '');
    if (flaw === 2) body += `\nIf nothing else works, proceed to Step ${total + 7}.\n`;
    if (flaw === 3) body += '\n- [ ] Confirm the case is closed\n- Send the satisfaction survey\n';
  }
  return `${text}\n${body}\n${end}`;
}

/** Writes the corpus to `dir` unless the same version is already there; returns its file list. */
export function ensureCorpus(dir, count = 2000) {
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.version === CORPUS_VERSION && manifest.count === count) return manifest;
  }
  rmSync(dir, { recursive: true, force: true });
  const r = rng(20261123);
  const files = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const format = FORMATS[i % FORMATS.length];
    // Log-normal-ish sizes: most SOPs 2–5 KB, a long tail up to ~30 KB; mean about 4 KB.
    const size = Math.min(30000, Math.round(900 + Math.exp(7.25 + r() * 1.15) + (r() < 0.03 ? 12000 : 0)));
    const text = generateSop(1000 + i, format, size, r() < 0.1, count);
    const name = corpusFile(i);
    mkdirSync(join(dir, format), { recursive: true });
    writeFileSync(join(dir, name), text);
    files.push(name);
    bytes += Buffer.byteLength(text);
  }
  const manifest = { version: CORPUS_VERSION, count, bytes, files };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return manifest;
}
