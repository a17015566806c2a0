import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INJECTION_PATH, INJECTION_SCOPE, findVsCodeMarkdownGrammar, loadMarkdownGrammar, scopesAt, type Token } from './tokenize.js';

const FIXTURE = readFileSync(fileURLToPath(new URL('./fixtures/workflow.sop.md', import.meta.url)), 'utf8');

/** Every token overlapping the needle carries the scope. */
function assertScoped(lines: Token[][], lineIncludes: string, needle: string, scope: string): void {
  const scopes = scopesAt(lines, lineIncludes, needle);
  assert.ok(scopes.length > 0, `no tokens for '${needle}'`);
  for (const s of scopes) assert.ok(s.includes(scope), `'${needle}' on '${lineIncludes}' has [${s.join(', ')}], expected ${scope}`);
}

function assertNotScoped(lines: Token[][], lineIncludes: string, needle: string, scopePrefix: string): void {
  for (const s of scopesAt(lines, lineIncludes, needle)) {
    assert.ok(!s.some((x) => x.startsWith(scopePrefix)), `'${needle}' on '${lineIncludes}' should not have ${scopePrefix}: [${s.join(', ')}]`);
  }
}

/** The same assertions hold over the tiny host grammar and over VS Code's own Markdown grammar. */
function describeScopes(tokenize: () => (text: string) => Token[][]) {
  let lines: Token[][];
  before(() => { lines = tokenize()(FIXTURE); });

  it('scopes SOP front-matter keys and known enum values', () => {
    assertScoped(lines, 'title: Resolving', 'title', 'support.type.property-name.frontmatter.sop');
    assertScoped(lines, 'owner:', 'owner', 'support.type.property-name.frontmatter.sop');
    assertScoped(lines, 'format: workflow', 'format', 'support.type.property-name.frontmatter.sop');
    assertScoped(lines, 'format: workflow', 'workflow', 'constant.language.sop');
    assertScoped(lines, 'status: approved', 'approved', 'constant.language.sop');
    assertNotScoped(lines, 'Status: this body label', 'Status', 'support.type.property-name');
  });

  it('scopes step markers in headings, with their number', () => {
    assertScoped(lines, '### Step 1: Identify', 'Step', 'keyword.other.step.sop');
    assertScoped(lines, '### Step 1: Identify', '1', 'constant.numeric.step.sop');
    assertScoped(lines, '### Step 2: Check', 'Step 2:', 'meta.step-marker.sop');
    assertNotScoped(lines, '### Step 1: Identify', 'Identify', 'meta.step-marker');
  });

  it('scopes branch keywords, inside bold too', () => {
    assertScoped(lines, 'Condition:** The customer', 'Condition', 'keyword.control.branch.sop');
    assertScoped(lines, 'If:** The card has expired', 'If', 'keyword.control.branch.sop');
    assertScoped(lines, 'Take Action:** Advise', 'Take Action', 'keyword.control.branch.sop');
    assertNotScoped(lines, 'We look at it if needed', 'if needed', 'keyword.control');
  });

  it('scopes Proceed to / Return to Step N as a jump with its target', () => {
    assertScoped(lines, 'Proceed to Step 3', 'Proceed to Step 3', 'meta.step-reference.sop');
    assertScoped(lines, 'Proceed to Step 3', 'Proceed', 'keyword.control.flow.sop');
    assertScoped(lines, 'Proceed to Step 3', '3', 'constant.numeric.step.sop');
    assertScoped(lines, 'Return to Step 2', 'Return', 'keyword.control.flow.sop');
    assertNotScoped(lines, 'Proceed to Step 3', 'Step 3', 'meta.step-marker');
  });

  it('scopes unfilled placeholders, but not in code', () => {
    assertScoped(lines, 'owner:', '[INSERT owner]', 'invalid.illegal.placeholder.sop');
    assertScoped(lines, 'TODO confirm', 'TODO', 'invalid.illegal.placeholder.sop');
    assertNotScoped(lines, '`[INSERT in code]`', 'INSERT in code', 'invalid.illegal');
  });

  it('scopes merge fields, but not links, checkboxes or escaped brackets', () => {
    assertScoped(lines, 'Dear [Customer Name]', '[Customer Name]', 'variable.other.merge-field.sop');
    assertScoped(lines, 'Dear [Customer Name]', 'Customer Name', 'variable.parameter.merge-field.sop');
    assertScoped(lines, 'Dear [Customer Name]', '[Ticket Number]', 'variable.other.merge-field.sop');
    assertScoped(lines, 'Hello {{ first_name }}', '{{ first_name }}', 'variable.other.merge-field.sop');
    assertNotScoped(lines, 'See [The Handbook]', '[The Handbook]', 'variable.other.merge-field');
    assertNotScoped(lines, 'See [The Handbook]', '[Returns Policy]', 'variable.other.merge-field');
    assertNotScoped(lines, 'tick - [ ] done', '[ ]', 'variable.other.merge-field');
    assertNotScoped(lines, 'keep \\[Escaped\\]', 'Escaped', 'variable.other.merge-field');
  });
}

describe('grammar: SOP injection into Markdown', () => {
  it('is an injection grammar for Markdown that leaves code and comments alone', () => {
    const grammar = JSON.parse(readFileSync(INJECTION_PATH, 'utf8'));
    assert.equal(grammar.scopeName, INJECTION_SCOPE);
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
    for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-comment']) assert.ok(grammar.injectionSelector.includes(excluded), excluded);
    for (const include of grammar.patterns) assert.ok(grammar.repository[include.include.slice(1)], include.include);
  });

  describe('over a minimal Markdown host grammar', () => {
    let tokenize: (text: string) => Token[][];
    before(async () => { tokenize = await loadMarkdownGrammar(); });
    describeScopes(() => tokenize);

    it('puts the injected scopes on top of the host scopes', () => {
      const [scopes] = scopesAt(tokenize(FIXTURE), '### Step 1: Identify', 'Step');
      assert.deepEqual(scopes.slice(0, 2), ['text.html.markdown', 'markup.heading.markdown']);
      assert.equal(scopes[scopes.length - 1], 'keyword.other.step.sop');
    });
  });

  describe('over VS Code\'s Markdown grammar (from the local code-server install)', function () {
    let tokenize: (text: string) => Token[][];
    before(async function () {
      const host = findVsCodeMarkdownGrammar();
      if (!host) {
        // In CI a missing install is a failure, not a skip: `npm test` runs the set-up first.
        if (process.env.CI) throw new Error('VS Code\'s Markdown grammar was not found: run bash scripts/setup-real-vscode.sh');
        this.skip();
        return;
      }
      tokenize = await loadMarkdownGrammar(host);
    });
    describeScopes(() => tokenize);

    it('wins over VS Code\'s YAML scopes for SOP keys in front matter, and leaves other keys to YAML', () => {
      const lines = tokenize('---\ntitle: Refunds\nx-team: support\n---\n\n# Refunds');
      const [key] = scopesAt(lines, 'title: Refunds', 'title');
      assert.ok(key.includes('meta.embedded.block.frontmatter'), key.join(', '));
      assert.equal(key[key.length - 1], 'support.type.property-name.frontmatter.sop');
      assertNotScoped(lines, 'x-team: support', 'x-team', 'support.type.property-name.frontmatter.sop');
    });

    it('leaves fenced code blocks alone', () => {
      const lines = tokenize('# T\n\n```text\n[INSERT x] Step 2: Proceed to Step 3\n```\n\n[INSERT y]');
      assertNotScoped(lines, '[INSERT x] Step 2', '[INSERT x]', 'invalid.illegal');
      assertNotScoped(lines, '[INSERT x] Step 2', 'Proceed to Step 3', 'meta.step-reference');
      assertScoped(lines, '[INSERT y]', '[INSERT y]', 'invalid.illegal.placeholder.sop');
    });
  });
});
