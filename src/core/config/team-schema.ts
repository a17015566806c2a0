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

/**
 * `schemaPath` is absolute; `from` is where the config names it (for "not found" messages);
 * `boundary`, when given, is the folder every schema file must lie in (the workspace).
 */
export async function loadTeamSchema(schemaPath: string, host: FileHost, from: Place, boundary?: string): Promise<LoadedTeamSchema> {
  const problems: ConfigProblem[] = [];
  const sources: { path: string; text: string }[] = [];
  const loaded = new Map<string, Record<string, unknown>>();

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
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      const offset = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? 0);
      // The engine's message quotes the file's first bytes; the file may not be a schema at all
      // (a link to a private file), so only its name and the place are reported.
      problems.push({ file: path, ...lineColumn(text, offset), message: /end of JSON input/.test((e as Error).message) ? 'The schema is not valid JSON: it ends too early' : 'The schema is not valid JSON' });
      return false;
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      problems.push({ file: path, line: 1, column: 1, message: 'The schema must be a JSON object' });
      return false;
    }
    // Relative $refs resolve against this file's own location, whatever $id it declares.
    loaded.set(path, { ...(json as Record<string, unknown>), $id: fileUri(path) });
    let ok = true;
    for (const { ref, offset } of findRefs(text)) {
      const target = ref.split('#')[0];
      if (!target) continue; // a reference inside the same file
      if (target === BUILTIN_SCHEMA_ID) continue; // bundled with sopkit
      const place = { file: path, ...lineColumn(text, offset) };
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[A-Za-z]:[\\/]/.test(target)) {
        problems.push({ ...place, message: `$ref '${ref}' points to an address; sopkit never downloads schemas. Save that schema next to this one and refer to it by a relative path` });
        ok = false;
        continue;
      }
      let decoded: string;
      try {
        decoded = decodeURI(target);
      } catch {
        problems.push({ ...place, message: `$ref '${clip(ref)}' is not a valid address: a % must start an escape such as %20` });
        ok = false;
        continue;
      }
      if (!(await load(resolvePath(dirname(path), decoded), place, `$ref '${clip(ref)}' points to`))) ok = false;
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
