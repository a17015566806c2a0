/**
 * Pathological documents: each is linted and rendered by test/unit/reliability/pathological.test.ts
 * (bounded) and by bench/pathological.mjs (times printed). Sizes are the ones the reliability
 * issue names; generators are deterministic so runs compare.
 */

export interface PathologicalInput {
  name: string;
  /** The full-size input (bench/pathological.mjs, SOPKIT_PATHOLOGICAL=full). */
  make: () => string;
  /** A smaller input of the same shape for the bounded `npm test` run, when the full one takes seconds. */
  quick?: () => string;
}

const SOP_BODY = [
  '## Purpose', '', 'Resolve customer queries with empathy. TODO confirm wording.', '',
  '## Scope', '', 'Applies to the support team on chat and e-mail.', '',
  '## Procedure', '', '1. Greet the customer.', '2. Identify the issue. Proceed to Step 4.', '3. Apologise.', '4. Resolve it.', '',
  '## Checklist', '', '- [ ] Ticket logged', '- [x] Customer told', '- Reply sent', '',
  '## Revision History', '', '| Date | Version | Change |', '| --- | --- | --- |', '| 2026-01-15 | 1.0 | First version |', '',
];

/** A deterministic pseudo-random byte source (no Math.random: runs must compare). */
function bytes(count: number, seed = 1): Uint8Array {
  const out = new Uint8Array(count);
  let x = seed;
  for (let i = 0; i < count; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function repeatToSize(lines: string[], size: number, eol = '\n'): string {
  const block = lines.join(eol) + eol;
  return `# Big SOP${eol}${eol}${block.repeat(Math.ceil(size / block.length))}`;
}

const PROSE = 'Greet the customer warmly, confirm the order number and check the account before you reply. ';
const MARKED = 'Greet the customer, TODO check [INSERT name] Proceed to Step 2 on 2026-01-15. ';
const singleLine = (size: number, unit: string) => `# One line\n\n${unit.repeat(Math.ceil(size / unit.length))}\n`;
const indentedList = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n');
const growingQuote = (lines: number) => Array.from({ length: lines }, (_, i) => `${'> '.repeat(i + 1)}line ${i}`).join('\n');
const headings = (n: number) => Array.from({ length: n }, (_, i) => `${'#'.repeat((i % 6) + 1)} ${i % 7 === 0 ? 'Purpose' : `Heading ${i}`}`).join('\n\n');
const referringSteps = (n: number) => `---\nformat: workflow\n---\n\n# Loops\n\n## Procedure\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. Check item ${i}. Proceed to Step ${((i * 7919) % n) + 1}; if not, Return to Step ${i + 1}.`).join('\n')}\n`;
const branchingSteps = (n: number) => `---\nformat: workflow\n---\n\n# Branches\n\n## Procedure\n\n${Array.from({ length: n }, (_, i) => `### Step ${i + 1}: Decide ${i}\n- **Condition:** case ${i}\n  - **If:** yes\n    - **Take Action:** Proceed to Step ${((i * 31) % n) + 1}\n  - **If:** no\n    - **Take Action:** Return to Step ${i + 1}\n`).join('\n')}`;
const tallTable = (rows: number) => `# T\n\n## Revision history\n\n| Date | Version | Change | A | B | C | D | E | F | G |\n|${' --- |'.repeat(10)}\n${Array.from({ length: rows }, (_, i) => `| 2026-01-${String((i % 28) + 1).padStart(2, '0')} | 1.${i} | change ${i} | a | b | c | d | e | f | g |`).join('\n')}\n`;
const wideTable = (columns: number) => `# T\n\n|${' h |'.repeat(columns)}\n|${' - |'.repeat(columns)}\n|${' x |'.repeat(columns)}\n`;
const checklist = (n: number) => `# List\n\n## Items\n\n${Array.from({ length: n }, (_, i) => `- [${i % 3 ? ' ' : 'x'}] item ${i}`).join('\n')}\n`;
const faq = (n: number) => `---\nformat: faq\n---\n\n# FAQ\n\n${Array.from({ length: n }, (_, i) => `## How do I do thing ${i % (n / 2)}?\n\n${i % 4 ? `Answer ${i}.` : ''}\n`).join('\n')}`;
const mixedEndings = (size: number) => repeatToSize(SOP_BODY, size).split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('');
const deepYaml = (depth: number) => `---\n${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n---\n\n# Deep\n`;
const disableComments = (pairs: number) => `# T\n\n${'<!-- sopkit-disable placeholder -->\nTODO\n<!-- sopkit-enable placeholder -->\n\n'.repeat(pairs)}`;

export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[] = [
  { name: '10,000-deep nested list (markers on one line)', make: () => `${'- '.repeat(10_000)}item\n` },
  { name: '10,000-deep nested ordered list', make: () => `${'1. '.repeat(10_000)}item\n` },
  { name: '1,000-deep nested list by indentation (1 MB)', make: () => indentedList(1_000), quick: () => indentedList(300) },
  { name: '10,000-deep nested blockquote', make: () => `${'>'.repeat(10_000)} deep\n` },
  { name: '2,000 lines of growing blockquote depth', make: () => growingQuote(2_000), quick: () => growingQuote(500) },
  { name: '5,000 nested raw <div>', make: () => `# T\n\n${'<div>'.repeat(5_000)}x${'</div>'.repeat(5_000)}\n` },
  { name: '50,000 * around a word', make: () => `${'*'.repeat(50_000)}x${'*'.repeat(50_000)}\n` },
  { name: '50,000 [ before a word', make: () => `${'['.repeat(50_000)}x${']'.repeat(50_000)}\n` },
  { name: '1 MB single line of prose', make: () => singleLine(1_000_000, PROSE), quick: () => singleLine(200_000, PROSE) },
  { name: '1 MB single line of placeholders and references', make: () => singleLine(1_000_000, MARKED), quick: () => singleLine(100_000, MARKED) },
  { name: '1 MB single heading line', make: () => `# ${'Purpose and Scope - '.repeat(50_000)}\n`, quick: () => `# ${'Purpose and Scope - '.repeat(10_000)}\n` },
  { name: '50,000 headings', make: () => headings(50_000), quick: () => headings(10_000) },
  { name: '20,000 steps referring to each other', make: () => referringSteps(20_000), quick: () => referringSteps(1_000) },
  { name: '5,000 workflow step headings with branches', make: () => branchingSteps(5_000), quick: () => branchingSteps(300) },
  { name: 'table of 10,000 rows × 10 columns', make: () => tallTable(10_000), quick: () => tallTable(1_000) },
  { name: 'table of 1 row × 20,000 columns', make: () => wideTable(20_000), quick: () => wideTable(5_000) },
  { name: '10,000 checklist items', make: () => checklist(10_000), quick: () => checklist(1_000) },
  { name: '10,000 FAQ questions', make: () => faq(10_000), quick: () => faq(2_000) },
  { name: '1 MB of invalid UTF-8 decoded as text', make: () => new TextDecoder('utf-8').decode(bytes(1_000_000)), quick: () => new TextDecoder('utf-8').decode(bytes(200_000)) },
  { name: '1 MB with NUL bytes in an SOP', make: () => repeatToSize(SOP_BODY, 1_000_000).replace(/e/g, '\u0000'), quick: () => repeatToSize(SOP_BODY, 100_000).replace(/e/g, '\u0000') },
  { name: '1 MB with CRLF line endings', make: () => repeatToSize(SOP_BODY, 1_000_000, '\r\n'), quick: () => repeatToSize(SOP_BODY, 100_000, '\r\n') },
  { name: '1 MB with mixed CR, LF and CRLF', make: () => mixedEndings(1_000_000), quick: () => mixedEndings(100_000) },
  { name: '10 MB SOP', make: () => repeatToSize(SOP_BODY, 10_000_000), quick: () => repeatToSize(SOP_BODY, 100_000) },
  { name: 'front matter YAML bomb (anchors and aliases)', make: () => `---\n${Array.from({ length: 9 }, (_, i) => (i === 0 ? 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]' : `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`)).join('\n')}\ntitle: Bomb\n---\n\n# Bomb\n` },
  { name: 'front matter 5,000-deep flow nesting', make: () => `---\ntitle: ${'['.repeat(5_000)}x${']'.repeat(5_000)}\n---\n\n# Deep\n` },
  { name: 'front matter 5,000-deep block nesting', make: () => deepYaml(5_000), quick: () => deepYaml(1_500) },
  { name: '100,000 placeholders', make: () => `# T\n\n${'TODO [INSERT x] {{y}} TBD\n'.repeat(25_000)}`, quick: () => `# T\n\n${'TODO [INSERT x] {{y}} TBD\n'.repeat(2_500)}` },
  { name: '50,000 disable comments', make: () => disableComments(25_000), quick: () => disableComments(2_500) },
];
