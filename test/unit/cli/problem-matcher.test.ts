import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { BROKEN_SOP, cleanUpWorkspaces, sopkit, TODAY, WARNING_SOP, workspace } from './helpers.js';

after(cleanUpWorkspaces);

interface Pattern { regexp: string; file?: number; line?: number; column?: number; severity?: number; message?: number; code?: number; loop?: boolean }
interface Matcher { owner: string; severity?: string; pattern: [Pattern, Pattern] }
interface Found { file: string; line: number; column: number; severity: string; message: string; code: string }

/** Applies a two-line looping matcher the way the Actions runner does: a file line, then problem lines. */
function applyMatcher(matcher: Matcher, output: string): Found[] {
  const [fileLine, problemLine] = matcher.pattern.map((p) => ({ ...p, re: new RegExp(p.regexp) }));
  const found: Found[] = [];
  let file: string | undefined;
  for (const line of output.split('\n')) {
    const problem = file !== undefined ? problemLine.re.exec(line) : null;
    if (problem) {
      found.push({
        file,
        line: Number(problem[problemLine.line!]),
        column: Number(problem[problemLine.column!]),
        severity: problem[problemLine.severity!] || matcher.severity || 'error',
        message: problem[problemLine.message!],
        code: problem[problemLine.code!],
      } as Found);
      continue;
    }
    const start = fileLine.re.exec(line);
    file = start ? start[fileLine.file!] : undefined;
  }
  return found;
}

describe('GitHub problem matcher for the stylish output', () => {
  const { problemMatcher } = JSON.parse(readFileSync('.github/sopkit-problem-matcher.json', 'utf8')) as { problemMatcher: Matcher[] };

  it('finds every problem of real stylish output, with file, place, severity, message and rule', async () => {
    const dir = workspace({
      '.sopkit.yaml': 'rules:\n  checklist-item: info\n',
      'sops/open the store.md': BROKEN_SOP,
      'sops/billing.md': WARNING_SOP,
    });
    const stylish = await sopkit(dir, ['lint', ...TODAY]);
    const json = JSON.parse((await sopkit(dir, ['lint', '-f', 'json', ...TODAY])).stdout) as { filePath: string; messages: { line: number; column: number; severity: number; message: string; ruleId: string }[] }[];
    const expected = json.flatMap((r) => r.messages.map((m) => ({
      file: r.filePath.slice(dir.length + 1),
      line: m.line,
      column: m.column,
      severity: m.severity === 2 ? 'error' : 'warning',
      message: m.message,
      code: m.ruleId,
    })));
    assert.equal(expected.length, 4);
    assert.ok(expected.some((e) => e.code === 'checklist-item'), 'an info-level problem is included (reported as a warning)');
    const found = applyMatcher(problemMatcher[0], stylish.stdout);
    assert.deepEqual(found, expected);
  });

  it('does not mistake the summary or a clean run for problems', async () => {
    const summary = '✖ 3 problems (2 errors, 1 warning) in 1 file\n  2 problems can be fixed with --fix\n';
    assert.deepEqual(applyMatcher(problemMatcher[0], summary), []);
    const dir = workspace({ 'a.md': WARNING_SOP.replace(' TBD', '') });
    assert.deepEqual(applyMatcher(problemMatcher[0], (await sopkit(dir, ['lint', ...TODAY])).stdout), []);
  });
});
