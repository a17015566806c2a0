// Builds snippets/sop.code-snippets from three sources, so snippets never drift from the data:
//   snippets/src/snippets.yaml   hand-written snippets (whole SOPs, scripts, entries)
//   schemas/sop.schema.json      one snippet per standard section (x-sop-sections title + template)
//   schemas/policies.json        one snippet per policy modifier, its focus points as prompts
// Usage: node scripts/gen-snippets.mjs          (writes the file)
//        node scripts/gen-snippets.mjs --check  (exit 1 when the file is stale)
// test/unit/snippets/generated.test.ts runs the same check.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = join(ROOT, 'snippets', 'sop.code-snippets');
const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

/** Literal text inside a snippet body: `$`, `}` and `\` would otherwise be snippet syntax. */
export function escapeSnippetText(text) {
  return text.replace(/[\\$}]/g, '\\$&');
}

function kebab(id) {
  return id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function lines(body) {
  return body.replace(/\n$/, '').split('\n');
}

/** "[INSERT x]" becomes a tab stop whose default is still the placeholder; "{{today}}" becomes today's date. */
function templateToSnippet(template, firstStop) {
  let stop = firstStop;
  return template.split(/(\[INSERT[^\]\n]*\]|\{\{today\}\})/).map((part, i) => {
    if (i % 2 === 0) return escapeSnippetText(part);
    if (part === '{{today}}') return TODAY;
    return `\${${stop++}:${escapeSnippetText(part)}}`;
  }).join('');
}

function sectionSnippets() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'sop.schema.json'), 'utf8'));
  const out = {};
  for (const section of schema['x-sop-sections']) {
    if (section.id === 'title') {
      out['Section: Title'] = { prefix: 'sop-section-title', description: section.description, body: ['# ${1:SOP title}', '$0'] };
      continue;
    }
    const body = `## ${escapeSnippetText(section.title)}\n\n${templateToSnippet(section.template, 1)}$0`;
    out[`Section: ${section.title}`] = { prefix: `sop-section-${kebab(section.id)}`, description: section.description, body: lines(body) };
  }
  return out;
}

function prompt(focus) {
  const first = /^[A-Z][a-z]/.test(focus) ? focus[0].toLowerCase() + focus.slice(1) : focus;
  return `[INSERT ${first}]`;
}

function policySnippets() {
  const { policies } = JSON.parse(readFileSync(join(ROOT, 'schemas', 'policies.json'), 'utf8'));
  const out = {};
  for (const policy of policies) {
    let stop = 1;
    const pieces = policy.description.split('{{businessName}}').map(escapeSnippetText);
    const description = pieces.length > 1 ? pieces.join(`\${${stop++}:our business}`) : pieces[0];
    const body = [
      `### ${escapeSnippetText(policy.name)}`,
      '',
      description,
      '',
      ...policy.focus.map((focus) => `- **${escapeSnippetText(focus)}:** \${${stop++}:${escapeSnippetText(prompt(focus))}}`),
      '$0',
    ];
    out[`Policy: ${policy.name}`] = {
      prefix: `sop-policy-${policy.id}`,
      description: `Policy section "${policy.name}": ${policy.focus.join('; ')}`,
      body,
    };
  }
  return out;
}

function handWritten() {
  const source = parseYaml(readFileSync(join(ROOT, 'snippets', 'src', 'snippets.yaml'), 'utf8'));
  const out = {};
  for (const [name, snippet] of Object.entries(source)) {
    out[name] = { prefix: snippet.prefix, description: snippet.description, body: lines(snippet.body), ...(snippet.whole ? { isFileTemplate: true } : {}) };
  }
  return out;
}

export function buildSnippets() {
  return { ...handWritten(), ...sectionSnippets(), ...policySnippets() };
}

export function renderSnippets() {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = renderSnippets();
  if (process.argv.includes('--check')) {
    let current = '';
    try { current = readFileSync(OUTPUT, 'utf8'); } catch { /* missing counts as stale */ }
    if (current !== text) { console.error(`${OUTPUT} is stale: run node scripts/gen-snippets.mjs`); process.exit(1); }
    console.log(`${OUTPUT} is up to date`);
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${Object.keys(buildSnippets()).length} snippets to ${OUTPUT}`);
  }
}
