/**
 * Turns the command line's files, folders and globs into the list of Markdown files to lint.
 * Folders expand to every *.md / *.markdown below them; .gitignore files (from the repository
 * root down) are respected unless `--no-gitignore`; node_modules and .git are never searched.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface Expansion {
  files: string[];
  /** Globs that matched nothing (a usage error). */
  unmatched: string[];
}

/** The folder holding `.git` at or above `from`, if any. */
export function findGitRoot(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** .gitignore rules, each applied relative to the folder of its own .gitignore. */
class GitIgnores {
  private readonly byDir = new Map<string, Ignore | null>();
  constructor(private readonly top: string) {}

  private rulesIn(dir: string): Ignore | null {
    let rules = this.byDir.get(dir);
    if (rules === undefined) {
      let text: string | undefined;
      try { text = readFileSync(join(dir, '.gitignore'), 'utf8'); } catch { text = undefined; }
      rules = text === undefined ? null : ignore().add(text);
      this.byDir.set(dir, rules);
    }
    return rules;
  }

  ignores(file: string): boolean {
    const dirs: string[] = [];
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      dirs.push(dir);
      if (dir === this.top || dirname(dir) === dir) break;
    }
    if (!dirs.includes(this.top)) return false;
    return dirs.some((dir) => {
      const rules = this.rulesIn(dir);
      const rel = relative(dir, file).split('\\').join('/');
      return !!rules && rel !== '' && !rel.startsWith('..') && rules.ignores(rel);
    });
  }
}

export async function expandFileArguments(args: string[], cwd: string, useGitignore: boolean): Promise<Expansion> {
  const patterns = args.length ? args : ['.'];
  const found = new Set<string>();
  const unmatched: string[] = [];
  const gitRoot = useGitignore ? findGitRoot(cwd) : undefined;
  const gitIgnores = new GitIgnores(gitRoot ?? cwd);
  const keep = (file: string) => !useGitignore || !gitIgnores.ignores(file);

  for (const pattern of patterns) {
    const absolute = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
    let stat: ReturnType<typeof statSync> | undefined;
    try { stat = statSync(absolute); } catch { stat = undefined; }
    let matches: string[];
    if (stat?.isFile()) {
      matches = [absolute]; // named explicitly: linted even when a .gitignore lists it
    } else if (stat?.isDirectory()) {
      matches = (await glob(['**/*.md', '**/*.markdown'], { cwd: absolute, absolute: true, ignore: ALWAYS_SKIPPED, dot: false })).filter(keep);
    } else if (isDynamicPattern(pattern)) {
      matches = (await glob([pattern.split('\\').join('/')], { cwd, absolute: true, ignore: ALWAYS_SKIPPED, dot: false })).filter(keep);
    } else {
      matches = [absolute]; // does not exist or is not a regular file: reported when read
    }
    if (matches.length === 0 && !stat?.isDirectory()) unmatched.push(pattern);
    for (const file of matches) found.add(resolve(file));
  }
  return { files: [...found].sort(), unmatched };
}
