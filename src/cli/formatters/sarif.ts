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

function ruleDescriptors(): ReportingDescriptor[] {
  return rules.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_, _dash, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { fixable: rule.fixable },
  }));
}

/** The SARIF results of the run, file by file, converted only when they are written. */
function* sarifResults(run: LintRun, ruleIndex: Map<string, number>): Generator<Result> {
  for (const file of run.results) {
    for (const m of file.messages) {
      if (run.quiet && m.severity !== 'error') continue;
      const index = ruleIndex.get(m.ruleId);
      yield {
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
      };
    }
  }
}

/** The log without its results (they are streamed into the place the marker holds). */
function sarifFrame(run: LintRun, version: string, descriptors: ReportingDescriptor[], resultsMarker: string): Log {
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: 'sopkit', version, informationUri: 'https://github.com/sopkit/sopkit', rules: descriptors } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(run.cwd.endsWith('/') ? run.cwd : `${run.cwd}/`).href } },
      columnKind: 'utf16CodeUnits',
      results: resultsMarker as unknown as Result[],
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

/** Indentation of an element of `runs[0].results` in the log printed with two-space indents. */
const RESULT_INDENT = ' '.repeat(8);

/**
 * The log as JSON.stringify(log, …, 2) would print it, with the results written one at a time:
 * the frame is printed around a marker string, and each result is indented to its depth (JSON
 * strings hold no raw line breaks, so indenting line by line is exact).
 */
export function* sarifChunks(run: LintRun, context: FormatContext): Generator<string> {
  const descriptors = ruleDescriptors();
  const ruleIndex = new Map(descriptors.map((d, i) => [d.id, i]));
  const marker = `\u0000sopkit-results-${Math.random().toString(36).slice(2)}`;
  const frame = JSON.stringify(sarifFrame(run, context.version, descriptors, marker), wellFormedStrings, 2);
  const quotedMarker = JSON.stringify(marker);
  const at = frame.indexOf(quotedMarker);
  yield frame.slice(0, at);
  let separator = '[';
  for (const result of sarifResults(run, ruleIndex)) {
    yield `${separator}\n${JSON.stringify(result, wellFormedStrings, 2).replace(/^/gm, RESULT_INDENT)}`;
    separator = ',';
  }
  yield separator === '[' ? '[]' : `\n${RESULT_INDENT.slice(2)}]`;
  yield `${frame.slice(at + quotedMarker.length)}\n`;
}

export function formatSarif(run: LintRun, context: FormatContext): string {
  return [...sarifChunks(run, context)].join('');
}
