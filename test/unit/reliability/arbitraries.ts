/**
 * fast-check generators: arbitrary text (any code unit, NUL, lone surrogates, CR/LF mixes) and
 * SOP-shaped documents built from the pieces sopkit reads (front matter, including broken YAML;
 * headings with aliases and numbering; steps, branches, references; task lists; questions;
 * revision tables; raw HTML with XSS payloads; code; placeholders; disable comments).
 */
import fc from 'fast-check';
import { sectionCatalogue } from '../../../src/core/schema.js';

/** Script-injection attempts embedded in generated documents (raw HTML, links, images, front matter). */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//x.test/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>@import "javascript:alert(1)";</style>',
  '<!--><script>alert(1)</script>-->',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea></textarea><script>alert(1)</script>',
  '"><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1) "t")',
  '[ref]: javascript:alert(1)\n\n[ref]',
  '![x](javascript:alert(1))',
  '![x](x" onerror="alert(1))',
  '<javascript:alert(1)>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<div onclick="alert(1)">**bold**</div>',
  '<a href="#" onmouseover="alert(1)">hover</a>',
];

const SECTION_NAMES = sectionCatalogue().flatMap((s) => [s.title, ...s.aliases]);

const word = fc.constantFrom('customer', 'refund', 'ticket', 'manager', 'order', 'card', 'Café', '日本語', 'émoji 🙂', 'step', 'Step', 'TODO', 'TBD', 'XXX', '{{name}}', '[INSERT owner]', '[Customer Name]', '?', 'Q:', 'A:', '&amp;', '\\*', '`code`', '**bold**', '_em_', '~~x~~', '<br>', 'http://x.test', '2026-01-15', 'June 27, 2024', 'v1.2');
const phrase = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

/** Text with every kind of code unit sopkit might meet in a file. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.array(fc.oneof(
    fc.constantFrom('\n', '\r\n', '\r', '\u0000', '\ufeff', '\ud800', '\udfff', '\u2028', '\t', '---', '#', '- [ ] ', '1. ', '> ', '|', '`', '```', '<', '<!--', '-->', '*', '_', '[', ']', '(', ')', ':', '?', 'Step 3', 'Proceed to Step 2', '\ufffd'),
    fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
  ), { maxLength: 120 }).map((parts) => parts.join('')),
);

const numbering = fc.constantFrom('', '1. ', '2.0 ', '11.2 ', 'IV. ', 'Step 3: ', 'Section 4 - ', '**', 'b) ');
const heading = fc.record({
  depth: fc.integer({ min: 1, max: 6 }),
  prefix: numbering,
  name: fc.oneof(fc.constantFrom(...SECTION_NAMES), phrase),
  suffix: fc.constantFrom('', ':', '?', ' 🙂', '**', ' (draft)'),
}).map(({ depth, prefix, name, suffix }) => `${'#'.repeat(depth)} ${prefix}${name}${suffix}`);

const yamlValue = fc.oneof(phrase, fc.constantFrom('2026-01-15', '2020-02-30', '12 months', 'every year', 'faq', 'workflow', 'checklist', 'banana', 'approved', '1.0', '[a, b]', '{x: 1}', '"unterminated', "'", '*alias', '&anchor x', '|', '>', '', 'null', '~', 'TBD', '<script>alert(1)</script>'));
const yamlKey = fc.constantFrom('title', 'format', 'id', 'owner', 'version', 'status', 'effective', 'last_reviewed', 'next_review', 'review_interval', 'tags', 'policies', 'tone', 'sop', 'x-custom', 'titel', 'Format', '? complex', '- item', 'a: b: c');
const frontMatter = fc.oneof(
  fc.array(fc.tuple(yamlKey, yamlValue), { maxLength: 8 }).map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---`),
  fc.constantFrom(
    '---\n---', '---\n', '---\ntitle: [unclosed\n---', '---\n\ttab: bad\n---', '---\n- a\n- b\n---', '---\njust text\n---',
    '---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n---',
    '---\ntitle: A\ntitle: B\n---', '---\nformat: faq\nversion: 2.0\nlast_reviewed: 2020-01-01\n---',
    '---\nowner: TBD\nstatus: aproved\nformt: guide\n---',
  ),
);

const stepLine = fc.tuple(fc.integer({ min: 0, max: 30 }), phrase, fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }))
  .map(([n, text, ref]) => `${n}. ${text}${ref === undefined ? '' : ` Proceed to Step ${ref}.`}`);
const stepList = fc.array(stepLine, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));
const stepHeading = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 20 }), phrase).map(([d, n, t]) => `${'#'.repeat(d + 1)} Step ${n}: ${t}`);
const branch = fc.tuple(phrase, phrase, fc.integer({ min: 0, max: 12 }), fc.boolean()).map(([cond, action, target, proceed]) =>
  `- **Condition:** ${cond}\n  - **If:** ${action}\n    - **Take Action:** ${proceed ? `Proceed to Step ${target}` : action}\n  - **If:** ${cond}\n    - Return to Step ${target}`);
const taskList = fc.array(fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '* [X] ', '- ', '1. [ ] ', '  - [ ] '), phrase), { minLength: 1, maxLength: 8 })
  .map((items) => items.map(([m, t]) => m + t).join('\n'));
const question = fc.tuple(fc.constantFrom('### ', '## Q: ', 'Q: ', '**', 'Question 2: '), phrase, fc.option(phrase, { nil: undefined }))
  .map(([p, q, a]) => `${p}${q}?${p === '**' ? '**' : ''}${a ? `\n\n${a}` : ''}`);
const table = fc.tuple(fc.constantFrom('| Date | Version | Change | Author |', '| When | Rev | Notes |', '| a |', '| Date |'), fc.array(fc.array(fc.oneof(phrase, fc.constantFrom('2026-01-15', 'June 2024', '1.0', '', '|', '\\|')), { minLength: 1, maxLength: 5 }), { maxLength: 5 }))
  .map(([head, rows]) => [head, `|${head.split('|').slice(1, -1).map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
const revisionList = fc.array(fc.tuple(fc.constantFrom('2026-01-15', '2024-13-01', 'June 27, 2024', '27 June 2024', 'June 2024', 'someday'), phrase), { maxLength: 5 })
  .map((items) => items.map(([d, t]) => `- ${d} — v1.${t.length % 5} — ${t}`).join('\n'));
const code = fc.tuple(fc.constantFrom('```', '~~~', '````', '    '), anyText).map(([fence, body]) => (fence === '    ' ? body.split(/\r?\n|\r/).map((l) => `    ${l}`).join('\n') : `${fence}md\n${body}\n${fence}`));
const disable = fc.tuple(fc.constantFrom('sopkit-disable', 'sopkit-enable', 'sopkit-disable-next-line', 'sopkit-disable-line', 'sopkit-disable-'), fc.constantFrom('', ' placeholder', ' step-reference, required-section', ' nope'))
  .map(([kind, rules]) => `<!-- ${kind}${rules} -->`);
const html = fc.oneof(fc.constantFrom(...XSS_PAYLOADS), fc.constantFrom('<details><summary>More</summary>\n\ntext\n</details>', '<kbd>Ctrl</kbd>', '<br/>', '<div>', '</div>', '<!-- note -->'));
const quote = phrase.map((p) => `> ${p}\n> > [Customer Name] {{agent}}`);

const block = fc.oneof(
  { weight: 4, arbitrary: heading }, { weight: 3, arbitrary: phrase }, { weight: 2, arbitrary: stepList }, { weight: 2, arbitrary: stepHeading },
  { weight: 2, arbitrary: branch }, { weight: 2, arbitrary: taskList }, { weight: 2, arbitrary: question }, { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: revisionList }, { weight: 1, arbitrary: code }, { weight: 1, arbitrary: disable }, { weight: 2, arbitrary: html },
  { weight: 1, arbitrary: quote }, { weight: 1, arbitrary: anyText },
);

/** How generated blocks are separated: blank lines, no blank line, CRLF, lone CR, trailing spaces. */
const separator = fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r\n', '\n\n\n', '\r\r', '  \n\n');

export const sopDocument = fc.tuple(
  fc.option(frontMatter, { nil: undefined }),
  fc.array(fc.tuple(block, separator), { maxLength: 14 }),
  fc.constantFrom('', '\n', '\r\n', '\n\n'),
  fc.boolean(),
).map(([fm, blocks, end, crlf]) => {
  const text = (fm ? `${fm}\n` : '') + blocks.map(([b, s]) => b + s).join('') + end;
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
});

/** Documents that are mostly well-formed SOPs, so fixes have something to do. */
export const fixableDocument = fc.tuple(
  fc.option(fc.constantFrom('---\ntitle: Refunds\nversion: 1.2\nlast_reviewed: 2020-01-01\n---', '---\nformat: checklist\n---', '---\nformat: workflow\n---'), { nil: undefined }),
  fc.array(fc.tuple(fc.oneof(heading, stepList, stepHeading, branch, taskList, revisionList, table, phrase), separator), { maxLength: 10 }),
  fc.boolean(),
).map(([fm, blocks, crlf]) => {
  const text = (fm ? `${fm}\n\n` : '') + blocks.map(([b, s]) => b + s).join('');
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
});
