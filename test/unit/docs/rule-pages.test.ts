/**
 * Every rule's docs page is checked against the code: the example marked as triggering the rule
 * must produce exactly the messages the page quotes (line:column and text), and the corrected
 * example must not trigger it. A page that drifts from the rule's behaviour fails here.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lint } from '../../../src/core/lint/lint.js';
import { LibraryIndex } from '../../../src/core/library/library-index.js';
import { rules } from '../../../src/core/lint/rules/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The clock the pages' examples are written against (review-overdue quotes it). */
export const DOCS_TODAY = '2026-11-23';

interface PageParts { sections: Map<string, Code[]>; headings: string[] }

function pageParts(text: string): PageParts {
  const tree = unified().use(remarkParse).parse(text) as Root;
  const sections = new Map<string, Code[]>();
  const headings: string[] = [];
  let current = '';
  for (const node of tree.children) {
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      current = toString(node).trim().toLowerCase();
      headings.push(current);
      sections.set(current, []);
    } else if (node.type === 'code' && current) {
      sections.get(current)!.push(node as Code);
    }
  }
  return { sections, headings };
}

function quotedMessages(block: Code): string[] {
  return block.value.split('\n').filter((l) => l.trim()).map((line) => {
    const m = /^(\d+):(\d+) {2}(.+)$/.exec(line.trim());
    assert.ok(m, `quoted message lines look like "12:1  message", found: ${line}`);
    return `${m[1]}:${m[2]}  ${m[3]}`;
  });
}

/**
 * Pages of cross-file rules show the other files too: a ```markdown block whose info string says
 * `library path=sops/x.md` is another SOP of the library (not an example), an example's own
 * `path=…` names it in the library, and a block marked `base` is the next example's text at the
 * base (change-control).
 */
const LIBRARY_ROOT = '/docs-example';
const metaOf = (c: Code) => c.meta ?? '';
const pathOf = (c: Code) => `${LIBRARY_ROOT}/${/(?:^|\s)path=(\S+)/.exec(metaOf(c))?.[1] ?? 'sops/this-sop.md'}`;
const isLibraryFile = (c: Code) => /(?:^|\s)library(?:\s|$)/.test(metaOf(c));
const isBase = (c: Code) => /(?:^|\s)base(?:\s|$)/.test(metaOf(c));

interface PageContext { library: Code[] }

function reported(block: Code, ruleId: string, page?: PageContext, base?: Code): string[] {
  const path = pathOf(block);
  const library = page?.library.length ? LibraryIndex.build([...page.library.map((c) => ({ path: pathOf(c), text: c.value })), { path, text: block.value }], { root: LIBRARY_ROOT }) : undefined;
  const options = { today: DOCS_TODAY, ...(library ? { library: { index: library, path } } : {}), ...(base ? { baseText: base.value } : {}) };
  return lint(block.value, options).messages.filter((m) => m.ruleId === ruleId).map((m) => `${m.line}:${m.column}  ${m.message}`);
}

/** The examples of a section, each with the base block just before it (if any). */
function examplesWithBase(blocks: Code[]): { example: Code; base?: Code }[] {
  const out: { example: Code; base?: Code }[] = [];
  let base: Code | undefined;
  for (const block of blocks) {
    if (isLibraryFile(block)) continue;
    if (isBase(block)) { base = block; continue; }
    out.push({ example: block, base });
    base = undefined;
  }
  return out;
}

describe('rule docs pages', () => {
  it('docs/rules/README.md links every rule page', () => {
    const index = readFileSync(join(root, 'docs/rules/README.md'), 'utf8');
    for (const rule of rules) assert.ok(index.includes(`](./${rule.id}.md)`), `docs/rules/README.md does not link ${rule.id}.md`);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const path = join(root, 'docs/rules', `${rule.id}.md`);
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const parts = pageParts(text);
      const code = (heading: string, lang: string) => (parts.sections.get(heading) ?? []).filter((c) => c.lang === lang);
      const page: PageContext = { library: [...parts.sections.values()].flat().filter((c) => c.lang === 'markdown' && isLibraryFile(c)) };

      it('starts with its id and states its default severity and whether --fix fixes it', () => {
        assert.ok(text, `docs/rules/${rule.id}.md is missing`);
        assert.equal(text.split('\n')[0], `# ${rule.id}`);
        assert.ok(text.includes(`Default severity: **${rule.defaultSeverity}**`), `the page says "Default severity: **${rule.defaultSeverity}**"`);
        assert.ok(text.includes(`Fixed by \`--fix\`: **${rule.fixable ? 'yes' : 'no'}**`), `the page says "Fixed by \`--fix\`: **${rule.fixable ? 'yes' : 'no'}**"`);
      });

      it('has the sections readers look for', () => {
        for (const h of ['what it checks', 'why it matters', 'example', 'corrected', 'fixes', 'configuration', 'silencing it']) {
          assert.ok(parts.headings.includes(h), `missing "## ${h}" (has: ${parts.headings.join(', ')})`);
        }
      });

      it('its triggering examples produce exactly the messages the page quotes', () => {
        const examples = examplesWithBase(code('example', 'markdown'));
        const quoted = code('example', 'text');
        assert.ok(examples.length > 0, 'the Example section has a ```markdown example');
        assert.equal(quoted.length, examples.length, 'each ```markdown example is followed by a ```text block of the messages it produces');
        examples.forEach(({ example, base }, i) => {
          const expected = quotedMessages(quoted[i]);
          assert.ok(expected.length > 0, 'the page quotes at least one message per example');
          assert.deepEqual(reported(example, rule.id, page, base), expected, `example ${i + 1} (line ${example.position?.start.line} of the page)`);
        });
      });

      it('its corrected example does not trigger the rule', () => {
        const [first] = examplesWithBase(code('corrected', 'markdown'));
        assert.ok(first, 'the Corrected section has a ```markdown example');
        assert.deepEqual(reported(first.example, rule.id, page, first.base), []);
      });

      it('shows how to configure it and how to silence one line', () => {
        const yaml = code('configuration', 'yaml').map((c) => c.value).join('\n');
        assert.match(yaml, new RegExp(`^rules:\\s*\\n\\s+${rule.id}:`, 'm'), 'a .sopkit.yaml snippet under rules:');
        assert.ok(text.includes(`<!-- sopkit-disable-next-line ${rule.id} -->`));
      });
    });
  }
});
