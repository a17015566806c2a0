/** `sopkit rules`: the rule registry, for people choosing settings and for scripts (--json). */
import { ruleDocsUrl, rules } from '../../core/index.js';
import type { CliIo } from '../io.js';

export function runRules(opts: { json?: boolean }, io: CliIo): number {
  const list = rules.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, fixable: r.fixable, description: r.description, url: ruleDocsUrl(r.id) }));
  if (opts.json) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...list.map((r) => r.id.length));
  const lines = list.map((r) => `${r.id.padEnd(idWidth)}  ${r.defaultSeverity.padEnd(7)}  ${r.fixable ? 'fix' : '   '}  ${r.description}`);
  io.stdout(`${'rule'.padEnd(idWidth)}  default  --fix  description\n${lines.join('\n')}\n\nSet severities in .sopkit.yaml under rules: (off, error, warning, info). Docs: ${ruleDocsUrl('<rule>')}\n`);
  return 0;
}
