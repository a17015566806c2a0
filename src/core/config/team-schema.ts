/**
 * Loads a team's SOP schema and the schema files it `$ref`s, through the shell's file host.
 * Nothing is ever fetched: a `$ref` to an http(s) address is refused (except the built-in SOP
 * schema, which is bundled), a missing file or invalid JSON is a problem with its place, and the
 * result is compiled once with Ajv so an invalid JSON Schema is reported here, not on every lint.
 */
import { isScalar, parseDocument, visit } from 'yaml';
import { clip } from '../display.js';
import type { TeamSchema } from '../options.js';
import { BUILTIN_SCHEMA_ID, compileTeamSchema } from '../schema.js';
import type { ConfigProblem } from './parse-config.js';
import { dirname, fileUri, isInside, resolvePath } from './paths.js';

export interface FileHost {
  /** The file's text, or undefined when it does not exist. May throw for other read errors. */
  readFile(path: string): Promise<string | undefined> | string | undefined;
}

export interface LoadedTeamSchema {
  teamSchema?: TeamSchema;
  problems: ConfigProblem[];
  /** Every file read, for cache keys. */
  sources: { path: string; text: string }[];
}

interface Place { file: string; line?: number; column?: number }

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

async function readText(host: FileHost, path: string): Promise<{ text?: string; error?: string }> {
  try {
    const text = await host.readFile(path);
    return text === undefined ? { error: 'not found' } : { text };
  } catch (error) {
    return { error: (error as Error).message || 'unreadable' };
  }
}

/** Every `$ref` string in a JSON text, with its place. */
function findRefs(text: string): { ref: string; offset: number }[] {
  const refs: { ref: string; offset: number }[] = [];
  visit(parseDocument(text), {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '$ref' && isScalar(pair.value) && typeof pair.value.value === 'string') {
        refs.push({ ref: pair.value.value, offset: pair.value.range?.[0] ?? 0 });
      }
    },
  });
  return refs;
}

/** A schema file's text as a JSON object, or the one problem that stops it (never quoting its content). */
function parseSchemaText(path: string, text: string): { json: Record<string, unknown> } | { problem: ConfigProblem } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const offset = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? 0);
    // The engine's message quotes the file's first bytes; the file may not be a schema at all
    // (a link to a private file), so only its name and the place are reported.
    return { problem: { file: path, ...lineColumn(text, offset), message: /end of JSON input/.test((e as Error).message) ? 'The schema is not valid JSON: it ends too early' : 'The schema is not valid JSON' } };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { problem: { file: path, line: 1, column: 1, message: 'The schema must be a JSON object' } };
  return { json: json as Record<string, unknown> };
}

/** The file a `$ref` leads to (absolute), nothing for one inside the same file or to the built-in schema, or why it cannot be followed. */
function refTarget(path: string, ref: string): { file?: string } | { message: string } {
  const target = ref.split('#')[0];
  if (!target || target === BUILTIN_SCHEMA_ID) return {};
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[A-Za-z]:[\\/]/.test(target)) {
    return { message: `$ref '${ref}' points to an address; sopkit never downloads schemas. Save that schema next to this one and refer to it by a relative path` };
  }
  try {
    return { file: resolvePath(dirname(path), decodeURI(target)) };
  } catch {
    return { message: `$ref '${clip(ref)}' is not a valid address: a % must start an escape such as %20` };
  }
}

/**
 * `schemaPath` is absolute; `from` is where the config names it (for "not found" messages);
 * `boundary`, when given, is the folder every schema file must lie in (the workspace).
 */
export async function loadTeamSchema(schemaPath: string, host: FileHost, from: Place, boundary?: string): Promise<LoadedTeamSchema> {
  const problems: ConfigProblem[] = [];
  const sources: { path: string; text: string }[] = [];
  const loaded = new Map<string, Record<string, unknown>>();

  /** Reads one schema file and, depth first, every file its `$ref`s lead to; false when any could not be used. */
  const load = async (path: string, referrer: Place, what: string): Promise<boolean> => {
    if (loaded.has(path)) return true;
    if (boundary && !isInside(boundary, path)) {
      problems.push({ ...referrer, message: `${what} '${path}', which lies outside the workspace (${boundary}); keep team schemas inside it` });
      return false;
    }
    const { text, error } = await readText(host, path);
    if (text === undefined) {
      problems.push({ ...referrer, message: `${what} '${path}', which cannot be read (${error})` });
      return false;
    }
    sources.push({ path, text });
    const parsed = parseSchemaText(path, text);
    if ('problem' in parsed) { problems.push(parsed.problem); return false; }
    // Relative $refs resolve against this file's own location, whatever $id it declares.
    loaded.set(path, { ...parsed.json, $id: fileUri(path) });
    let ok = true;
    for (const { ref, offset } of findRefs(text)) {
      const target = refTarget(path, ref);
      const place = { file: path, ...lineColumn(text, offset) };
      if ('message' in target) { problems.push({ ...place, message: target.message }); ok = false; continue; }
      if (target.file && !(await load(target.file, place, `$ref '${clip(ref)}' points to`))) ok = false;
    }
    return ok;
  };

  if (!(await load(schemaPath, from, 'The schema setting points to'))) return { problems, sources };
  const [schema, ...extraSchemas] = [...loaded.values()];
  const teamSchema: TeamSchema = { schema, path: schemaPath, extraSchemas };
  const compiled = compileTeamSchema(teamSchema);
  if ('error' in compiled) {
    problems.push({ file: schemaPath, line: 1, column: 1, message: compiled.error.replace(/^The team schema \([^)]*\) /, 'This team schema ') });
    return { problems, sources };
  }
  return { teamSchema, problems, sources };
}
