/**
 * sopkit configuration: finds `.sopkit.yaml` / `.sopkit.yml` / `.sopkit.json` upward from a file,
 * merges the configs it passes (the nearer one wins per setting; `root: true` stops the search),
 * applies `overrides` whose globs match the file, loads the team schema, and hands back the
 * LintOptions for that file with every problem found on the way.
 *
 * Pure: every file is read through a host (Node fs in the CLI, vscode.workspace.fs in the
 * extension, in the desktop and the web build alike).
 */
import { clip, terminalText } from '../display.js';
import type { LintOptions, RuleSetting } from '../options.js';
import { rules as ruleRegistry } from '../lint/rules/index.js';
import type { SopFormat } from '../types.js';
import { parseConfigText, type ConfigData, type ConfigProblem, type ParsedConfig } from './parse-config.js';
import { ignoredBy, matchesOverride } from './globs.js';
import { dirname, isInside, normalizePath, relativePath, resolvePath } from './paths.js';
import { loadTeamSchema, type FileHost, type LoadedTeamSchema } from './team-schema.js';

export type { ConfigProblem } from './parse-config.js';
export type { FileHost as ConfigHost } from './team-schema.js';

/** Config file names, in the order that wins when a folder holds more than one. */
export const CONFIG_FILE_NAMES = ['.sopkit.yaml', '.sopkit.yml', '.sopkit.json'] as const;

export interface ConfigResolverOptions {
  /** Use exactly this config file (CLI `--config`) instead of searching upward. */
  configFile?: string;
  /**
   * Do not search above this folder (e.g. the workspace folder). A function gets the folder of
   * the file being configured and returns its stop folder (the CLI: the repository root), so a
   * config that someone else wrote above the checkout is never read.
   */
  stopAt?: string | ((fileFolder: string) => string | undefined);
  /**
   * Team schemas and templates must lie inside this folder (the workspace); anything outside is a
   * problem. A function gets each config's folder (the CLI uses that folder's repository root).
   */
  boundary?: string | ((configFolder: string) => string | undefined);
  /** The clock for review rules (YYYY-MM-DD), passed through to LintOptions. */
  today?: string;
}

export interface FileConfig {
  options: LintOptions;
  /** The nearest config that applies, if any. */
  configPath?: string;
  /** Every config that applies, farthest first. */
  configPaths: string[];
  problems: ConfigProblem[];
  /** True when a config's `ignore` excludes the file. */
  ignored: boolean;
  /** Absolute folder of the team's own templates, when configured. */
  templatesFolder?: string;
  /** Every config and schema file read for this result (cache keys). */
  sources: { path: string; text: string }[];
  /** Where the upward search ended and why (none with `configFile`). */
  searchStop?: { folder: string; reason: 'root: true' | 'stop folder' | 'file system root' };
  /**
   * The folder of the library the file belongs to: the nearest config with `root: true`, else the
   * nearest config's folder; undefined when no config applies (the shell then uses its own folder).
   */
  libraryRoot?: string;
  /** The `library:` settings, nearer configs winning per setting, with the folder `include` is relative to. */
  library?: { include?: string[]; includeBase?: string; idPattern?: string };
}

interface Layer {
  config: ParsedConfig;
  dir: string;
}

interface Layers { layers: Layer[]; stop: NonNullable<FileConfig['searchStop']> }

export function knownRuleIds(): string[] {
  return ruleRegistry.map((r) => r.id);
}

function intervalText(value: string | number | undefined): string | undefined {
  return typeof value === 'number' ? `${value} months` : value?.trim();
}

/** Finds, parses and caches configs; create one per run (CLI) or per workspace (extension). */
export class ConfigResolver {
  private readonly layersByDir = new Map<string, Promise<Layers>>();
  private readonly configByPath = new Map<string, Promise<ParsedConfig | undefined>>();
  private readonly schemaByPath = new Map<string, Promise<LoadedTeamSchema>>();

  constructor(private readonly host: FileHost, private readonly options: ConfigResolverOptions = {}) {}

  /** Forgets everything read so far (a config or schema file changed). */
  clear(): void {
    this.layersByDir.clear();
    this.configByPath.clear();
    this.schemaByPath.clear();
  }

  private readConfig(path: string, mustExist: boolean): Promise<ParsedConfig | undefined> {
    let pending = this.configByPath.get(path);
    if (!pending) {
      pending = (async () => {
        let text: string | undefined;
        try {
          text = await this.host.readFile(path);
        } catch (error) {
          return { path, text: '', data: {}, problems: [{ file: path, message: `The config cannot be read: ${(error as Error).message}` }], locate: () => undefined };
        }
        if (text === undefined) {
          return mustExist ? { path, text: '', data: {}, problems: [{ file: path, message: 'The config file does not exist' }], locate: () => undefined } : undefined;
        }
        return parseConfigText(path, text, knownRuleIds());
      })();
      this.configByPath.set(path, pending);
    }
    return pending;
  }

  private layersFor(dir: string, stopAt: string | undefined): Promise<Layers> {
    const key = `${dir}\0${stopAt ?? ''}`;
    let pending = this.layersByDir.get(key);
    if (!pending) {
      pending = (async (): Promise<Layers> => {
        let own: ParsedConfig | undefined;
        for (const name of CONFIG_FILE_NAMES) {
          own = await this.readConfig(dir.endsWith('/') ? dir + name : `${dir}/${name}`, false);
          if (own) break;
        }
        const layer = own ? [{ config: own, dir }] : [];
        const parent = dirname(dir);
        if (own?.data.root === true) return { layers: layer, stop: { folder: dir, reason: 'root: true' } };
        if (stopAt !== undefined && stopAt === dir) return { layers: layer, stop: { folder: dir, reason: 'stop folder' } };
        if (parent === dir) return { layers: layer, stop: { folder: dir, reason: 'file system root' } };
        const above = await this.layersFor(parent, stopAt);
        return { layers: [...above.layers, ...layer], stop: above.stop };
      })();
      this.layersByDir.set(key, pending);
    }
    return pending;
  }

  private teamSchema(layer: Layer): Promise<LoadedTeamSchema> {
    const path = resolvePath(layer.dir, layer.config.data.schema!);
    let pending = this.schemaByPath.get(path);
    if (!pending) {
      const at = layer.config.locate(['schema']);
      pending = loadTeamSchema(path, this.host, { file: layer.config.path, ...at }, this.boundaryFor(layer));
      this.schemaByPath.set(path, pending);
    }
    return pending;
  }

  /** The lint options for one file (absolute path), with every problem of the configs involved. */
  async forFile(filePath: string): Promise<FileConfig> {
    const file = normalizePath(filePath);
    const { stopAt } = this.options;
    const stopFolder = typeof stopAt === 'function' ? stopAt(dirname(file)) : stopAt;
    const searched = this.options.configFile ? undefined : await this.layersFor(dirname(file), stopFolder === undefined ? undefined : normalizePath(stopFolder));
    const layers = searched
      ? searched.layers
      : await this.readConfig(normalizePath(this.options.configFile!), true).then((c) => [{ config: c!, dir: dirname(normalizePath(this.options.configFile!)) }]);
    const problems: ConfigProblem[] = [];
    const sources: { path: string; text: string }[] = [];
    const rules: Record<string, RuleSetting> = {};
    let format: SopFormat | undefined;
    let reviewInterval: string | undefined;
    let placeholderPatterns: string[] | undefined;
    let approvalIndependent: boolean | undefined;
    const sectionAliases: Record<string, string[]> = {};
    let schemaLayer: Layer | undefined;
    let templatesFolder: string | undefined;
    let ignored = false;
    const library: NonNullable<FileConfig['library']> = {};

    for (const layer of layers) {
      const { data } = layer.config;
      problems.push(...layer.config.problems);
      sources.push({ path: layer.config.path, text: layer.config.text });
      Object.assign(rules, data.rules);
      if (data.reviewInterval !== undefined) reviewInterval = intervalText(data.reviewInterval);
      if (data.placeholders?.patterns) placeholderPatterns = data.placeholders.patterns;
      // Nearer config files add names; they never take away a farther file's.
      for (const [id, entry] of Object.entries(data.sections ?? {})) {
        const aliases = (entry?.aliases ?? []).filter((a) => typeof a === 'string' && a.trim());
        if (aliases.length) sectionAliases[id] = [...new Set([...(sectionAliases[id] ?? []), ...aliases])];
      }
      if (data.schema) schemaLayer = layer;
      if (data.approval?.independent !== undefined) approvalIndependent = data.approval.independent;
      if (data.library?.include) { library.include = data.library.include; library.includeBase = layer.dir; }
      if (data.library?.idPattern) library.idPattern = data.library.idPattern;
      if (data.templates) templatesFolder = this.checkedPath(layer, 'templates', problems);
      const relative = relativePath(layer.dir, file);
      const inside = isInside(layer.dir, file) && relative !== '';
      if (inside && data.ignore?.length && ignoredBy(data.ignore, relative)) ignored = true;
      for (const override of overridesOf(data)) {
        if (!inside || !matchesOverride(override.files, relative)) continue;
        Object.assign(rules, override.rules);
        if (override.format) format = override.format;
        if (override.reviewInterval !== undefined) reviewInterval = intervalText(override.reviewInterval);
      }
    }

    const options: LintOptions = {};
    if (Object.keys(rules).length) options.rules = rules;
    if (format) options.format = format;
    if (reviewInterval) options.reviewInterval = reviewInterval;
    if (placeholderPatterns?.length) options.placeholderPatterns = placeholderPatterns;
    if (Object.keys(sectionAliases).length) options.sectionAliases = sectionAliases;
    if (this.options.today) options.today = this.options.today;
    if (approvalIndependent !== undefined) options.approval = { independent: approvalIndependent };
    if (schemaLayer && this.checkedPath(schemaLayer, 'schema', problems) !== undefined) {
      const loaded = await this.teamSchema(schemaLayer);
      problems.push(...loaded.problems);
      sources.push(...loaded.sources);
      if (loaded.teamSchema) options.teamSchema = loaded.teamSchema;
    }
    return {
      options,
      configPath: layers.length ? layers[layers.length - 1].config.path : undefined,
      configPaths: layers.map((l) => l.config.path),
      problems: dedupe(problems),
      ignored,
      templatesFolder,
      sources,
      ...(searched ? { searchStop: searched.stop } : {}),
      libraryRoot: libraryRootFor(file, layers, searched),
      ...(Object.keys(library).length ? { library } : {}),
    };
  }

  private boundaryFor(layer: Layer): string | undefined {
    const { boundary } = this.options;
    const folder = typeof boundary === 'function' ? boundary(layer.dir) : boundary;
    return folder ? normalizePath(folder) : undefined;
  }

  /** A path setting resolved against its config's folder, or undefined (with a problem) when outside the boundary. */
  private checkedPath(layer: Layer, key: 'schema' | 'templates', problems: ConfigProblem[]): string | undefined {
    const path = resolvePath(layer.dir, layer.config.data[key]!);
    const boundary = this.boundaryFor(layer);
    if (boundary && !isInside(boundary, path)) {
      problems.push({ file: layer.config.path, ...layer.config.locate([key]), message: `${key} points to '${path}', which lies outside the workspace (${boundary})` });
      return undefined;
    }
    return path;
  }
}

/** The nearest `root: true` config's folder, else the nearest config's; an explicit config counts only for files below it. */
function libraryRootFor(file: string, layers: Layer[], searched: Layers | undefined): string | undefined {
  if (searched?.stop.reason === 'root: true') return searched.stop.folder;
  const nearest = layers[layers.length - 1]?.dir;
  return nearest !== undefined && (searched || isInside(nearest, file)) ? nearest : undefined;
}

function overridesOf(data: ConfigData) {
  return Array.isArray(data.overrides) ? data.overrides : [];
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One-off lookup for a single file; keep a ConfigResolver instead when linting many files. */
export function loadConfigForFile(filePath: string, host: FileHost, options?: ConfigResolverOptions): Promise<FileConfig> {
  return new ConfigResolver(host, options).forFile(filePath);
}

/**
 * "file:line:column: message", the form terminals and editors turn into links. One line, whatever
 * the file name or the quoted values hold, and never longer than a screenful.
 */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}` : problem.file;
  return terminalText(clip(`${where}: ${problem.message}`, 2000));
}
