/**
 * Team configuration for the editor: the same `.sopkit.yaml` / `.sopkit.yml` / `.sopkit.json`
 * resolution as the CLI (src/core/config/resolver.ts: nearest config wins per setting, overrides, ignore,
 * team schema), with files read through `vscode.workspace.fs` so it works on vscode.dev too.
 *
 * A broken config is reported once per distinct set of problems (never on every keystroke); its
 * usable parts still apply and a broken team schema falls back to the built-in one.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, ConfigResolver, formatConfigProblem, type ConfigHost, type FileConfig } from '../core/index.js';
import { log, logError } from './log.js';

const DEFAULTS: FileConfig = { options: {}, configPaths: [], problems: [], ignored: false, sources: [] };

function fileHost(base: vscode.Uri): ConfigHost {
  return {
    async readFile(path: string) {
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(base.with({ path })));
      } catch (error) {
        if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileIsADirectory')) return undefined;
        throw error;
      }
    },
  };
}

export class ConfigService implements vscode.Disposable {
  /** One resolver per workspace folder: it caches what it reads until a config or schema changes. */
  private readonly resolvers = new Map<string, ConfigResolver>();
  /** Every config and schema file read so far, so a change to one of them re-lints. */
  private readonly sources = new Set<string>();
  private readonly shown = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    // Config files plus any JSON/YAML a team schema may live in; unrelated files are filtered below.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}');
    const onFile = (uri: vscode.Uri) => this.fileChanged(uri);
    this.disposables.push(watcher, watcher.onDidChange(onFile), watcher.onDidCreate(onFile), watcher.onDidDelete(onFile));
    // Saves inside the editor are seen here even where the watcher is slow (remote, web).
    this.disposables.push(vscode.workspace.onDidSaveTextDocument((d) => this.fileChanged(d.uri)));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()));
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()));
  }

  private fileChanged(uri: vscode.Uri): void {
    const isConfig = CONFIG_FILE_NAMES.some((n) => uri.path.endsWith(`/${n}`));
    if (isConfig || this.sources.has(uri.path)) this.invalidate();
  }

  invalidate(): void {
    this.resolvers.forEach((r) => r.clear());
    this.changed.fire();
  }

  private resolverFor(folder: vscode.WorkspaceFolder): ConfigResolver {
    const key = folder.uri.toString();
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      resolver = new ConfigResolver(fileHost(folder.uri), { stopAt: folder.uri.path, boundary: folder.uri.path });
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }

  /** The configuration for one document; built-in defaults outside a workspace folder. */
  async configFor(uri: vscode.Uri): Promise<FileConfig> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return DEFAULTS;
    try {
      const config = await this.resolverFor(folder).forFile(uri.path);
      config.sources.forEach((s) => this.sources.add(s.path));
      if (config.problems.length) this.report(config, folder);
      return vscode.workspace.isTrusted ? config : this.restricted(config);
    } catch (error) {
      logError(`reading the sopkit configuration for ${uri.path}`, error);
      return DEFAULTS;
    }
  }

  /**
   * Restricted Mode (package.json declares "limited" support): a team schema is compiled into
   * code by Ajv and placeholder patterns are regular expressions from the workspace, so neither
   * is used until the workspace is trusted; severities and overrides still apply.
   */
  private restricted(config: FileConfig): FileConfig {
    const { teamSchema, placeholderPatterns, ...safe } = config.options;
    if ((teamSchema || placeholderPatterns) && !this.shown.has('restricted')) {
      this.shown.add('restricted');
      log()?.info('Restricted Mode: the team schema and custom placeholder patterns are ignored until the workspace is trusted.');
    }
    return { ...config, options: safe };
  }

  /** The team's templates folder that applies in `dir` (from the nearest config naming one). */
  async templatesFolder(dir: vscode.Uri): Promise<vscode.Uri | undefined> {
    const config = await this.configFor(vscode.Uri.joinPath(dir, 'new.sop.md'));
    return config.templatesFolder ? dir.with({ path: config.templatesFolder }) : undefined;
  }

  /** Tells the writer once about a broken config; the same problems are not shown again. */
  private report(config: FileConfig, folder: vscode.WorkspaceFolder): void {
    const key = JSON.stringify(config.problems);
    if (this.shown.has(key)) return;
    this.shown.add(key);
    const lines = config.problems.map((p) => formatConfigProblem({ ...p, file: vscode.workspace.asRelativePath(folder.uri.with({ path: p.file }), false) }));
    lines.forEach((l) => log()?.warn(l));
    const more = lines.length > 1 ? ` (and ${lines.length - 1} more; see Output › sopkit)` : '';
    const fallback = config.configPath && !config.options.teamSchema && config.problems.some((p) => /schema/i.test(p.message))
      ? ' The built-in SOP schema is used until it is fixed.' : '';
    const configUri = config.configPath ? folder.uri.with({ path: config.configPath }) : undefined;
    void vscode.window.showWarningMessage(`sopkit configuration: ${lines[0]}${more}.${fallback}`, ...(configUri ? ['Open configuration'] : [])).then((choice) => {
      if (choice && configUri) void vscode.window.showTextDocument(configUri);
    });
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
