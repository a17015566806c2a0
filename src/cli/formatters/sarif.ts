/**
 * SARIF 2.1.0 for code-scanning dashboards: every rule of the registry with its description, docs
 * URL and default level; results point at files relative to the working folder (%SRCROOT%);
 * files that could not be read become tool execution notifications.
 */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ruleDocsUrl, rules } from '../../core/index.js';
import type { Severity } from '../../core/index.js';
import type { LintRun } from '../results.js';
import type { FormatContext } from './context.js';
import { displayPath } from './paths.js';
import { wellFormedStrings } from './json.js';
import { wellFormed } from '../../core/index.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function artifactUri(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const shown = displayPath(filePath, cwd);
  return shown === filePath.split('\\').join('/')
    ? { uri: pathToFileURL(filePath).href }
    : { uri: wellFormed(shown).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function toSarif(run: LintRun, version: string): Log {
  const descriptors: ReportingDescriptor[] = rules.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, _dash, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { fixable: rule.fixable },
  }));
  const ruleIndex = new Map(descriptors.map((d, i) => [d.id, i]));
  const results: Result[] = [];
  for (const file of run.results) {
    for (const m of file.messages) {
      if (run.quiet && m.severity !== 'error') continue;
      const index = ruleIndex.get(m.ruleId);
      results.push({
        ruleId: m.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [{
          physicalLocation: {
            artifactLocation: artifactUri(file.filePath, run.cwd),
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
          },
        }],
      });
    }
  }
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: 'sopkit', version, informationUri: 'https://github.com/sopkit/sopkit', rules: descriptors } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(run.cwd.endsWith('/') ? run.cwd : `${run.cwd}/`).href } },
      columnKind: 'utf16CodeUnits',
      results,
      invocations: [{
        executionSuccessful: run.skipped.length === 0,
        toolExecutionNotifications: run.skipped.map((s) => ({
          level: 'error' as const,
          message: { text: `Skipped: ${s.reason}` },
          locations: [{ physicalLocation: { artifactLocation: artifactUri(s.filePath, run.cwd) } }],
        })),
      }],
    }],
  };
}

export function formatSarif(run: LintRun, context: FormatContext): string {
  return `${JSON.stringify(toSarif(run, context.version), wellFormedStrings, 2)}\n`;
}
