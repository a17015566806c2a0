import { rangeAt } from '../../parse/positions.js';
import type { RuleDefinition } from './rule.js';

export const frontmatterYaml: RuleDefinition = {
  id: 'frontmatter-yaml',
  description: 'Front matter is valid YAML: a mapping of keys to values between two "---" lines.',
  defaultSeverity: 'error',
  fixable: false,
  check(doc, context) {
    for (const problem of doc.frontMatter.errors) {
      context.report({ message: `Front matter is not valid YAML: ${problem.message}`, range: problem.range, ...(problem.fix ? { suggestions: [problem.fix] } : {}) });
    }
    if (!doc.frontMatter.present && /^---[ \t]*\r?\n/.test(doc.text)) {
      // remark only sees front matter with a closing fence; an unclosed one silently becomes text.
      const looksLikeYaml = /^---[ \t]*\r?\n[ \t]*[A-Za-z_][\w-]*[ \t]*:/.test(doc.text);
      if (looksLikeYaml) {
        context.report({
          message: "Front matter starts on line 1 but has no closing '---' line, so none of it is read",
          range: rangeAt(doc.lineStarts, 0, 3),
        });
      }
    }
  },
};
