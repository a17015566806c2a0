/**
 * Shared checks for the reliability suites: lint results must be well-formed, rendered HTML must
 * be sanitized, and fixes must only add lines or change them in place in the allowed ways.
 */
import { computeLineStarts } from '../../../src/core/parse/positions.js';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes as HastNodes } from 'hast';
import type { LintMessage, LintResult } from '../../../src/core/types.js';

/** Every review date is judged against one fixed clock so runs are reproducible. */
export const TODAY = '2026-11-23';

/** Number of lines as the core counts them (CR, LF and CRLF all end a line). */
export function lineCount(text: string): number {
  return computeLineStarts(text).length;
}

function lineLength(text: string, starts: number[], line: number): number {
  const start = starts[line - 1];
  let end = line < starts.length ? starts[line] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end - start;
}

/** Problems with one lint result, in words; empty when the result is well-formed. */
export function resultProblems(text: string, result: LintResult): string[] {
  const problems: string[] = [];
  const starts = computeLineStarts(text);
  const lines = starts.length;
  const check = (m: LintMessage) => {
    const where = `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
    if (m.ruleId === 'internal-error') problems.push(`internal error: ${m.message}`);
    for (const n of [m.line, m.column, m.endLine, m.endColumn]) if (!Number.isInteger(n)) problems.push(`${where}: non-integer position`);
    if (m.line < 1 || m.line > lines || m.endLine < 1 || m.endLine > lines) problems.push(`${where}: line outside 1..${lines}`);
    if (m.endLine < m.line || (m.endLine === m.line && m.endColumn < m.column)) problems.push(`${where}: end before start`);
    if (m.line >= 1 && m.line <= lines && (m.column < 1 || m.column > lineLength(text, starts, m.line) + 1)) problems.push(`${where}: start column outside the line`);
    if (m.endLine >= 1 && m.endLine <= lines && (m.endColumn < 1 || m.endColumn > lineLength(text, starts, m.endLine) + 1)) problems.push(`${where}: end column outside the line`);
    if (typeof m.message !== 'string' || m.message.trim() === '') problems.push(`${where}: empty message`);
    for (const fix of [...(m.fix ? [m.fix] : []), ...(m.suggestions ?? [])]) {
      for (const e of fix.edits) {
        if (!(e.offset >= 0 && e.length >= 0 && e.offset + e.length <= text.length)) problems.push(`${where}: edit ${e.offset}+${e.length} outside the text (${text.length})`);
      }
    }
  };
  for (const m of result.messages) check(m);
  return problems;
}

/**
 * Problems with rendered HTML, found by parsing it as a browser would: scripts other than the
 * renderer's own nonce'd one, event-handler attributes, javascript:/vbscript:/data:text/html URLs,
 * and elements that load or submit elsewhere.
 */
export function htmlProblems(html: string, ownScripts = 0): string[] {
  const problems: string[] = [];
  const tree = fromHtml(html);
  let scripts = 0;
  const stack: HastNodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      const el = node as Element;
      // Data islands (type="application/json") never execute; any other script counts.
      if (el.tagName === 'script' && String(el.properties.type ?? '').toLowerCase() !== 'application/json') scripts++;
      if (['iframe', 'object', 'embed', 'form', 'base', 'frame', 'frameset'].includes(el.tagName)) problems.push(`<${el.tagName}> element`);
      if (el.tagName === 'meta' && String(el.properties.httpEquiv ?? '').toLowerCase() === 'refresh') problems.push('<meta http-equiv=refresh>');
      for (const [name, value] of Object.entries(el.properties)) {
        if (/^on/i.test(name)) problems.push(`event-handler attribute ${name} on <${el.tagName}>`);
        const values = Array.isArray(value) ? value : [value];
        if (URL_PROPERTIES.has(name) && values.some((v) => /^\s*(?:javascript|vbscript|data:text\/html)/i.test(String(v).replace(/[\u0000-\u001f]/g, '')))) {
          problems.push(`dangerous URL in ${name}: ${String(value).slice(0, 60)}`);
        }
      }
      if (el.content) stack.push(el.content);
    }
    if ('children' in node) stack.push(...(node.children as HastNodes[]));
  }
  if (scripts > ownScripts) problems.push(`${scripts - ownScripts} <script> element(s) from the document`);
  return problems;
}

const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'srcSet', 'data', 'cite', 'background']);

/** The standalone file's own script: the one nonce'd <script> element the renderer writes. */
export function ownScriptCount(html: string): number {
  return html.match(/<script nonce="[^"]+">/g)?.length ?? 0;
}
