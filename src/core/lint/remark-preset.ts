/**
 * sopkit's rules as a remark-lint preset, for teams that already run remark (remark-cli,
 * a unified pipeline): `.use(remarkPresetSopkit)`. The same rule plugins power `lint()`; this
 * preset puts them beside remark-lint itself, so they run next to any remark-lint rules a team uses.
 */
import remarkLint from 'remark-lint';
import type { Root } from 'mdast';
import type { Preset, Plugin } from 'unified';
import type { VFile } from 'vfile';
import { buildFromTree } from '../model/build.js';
import { projectionOf, rulePlugins, type RunState } from './run-state.js';
import { validateProjection } from '../schema.js';
import { todayIso } from '../dates.js';
import type { LintOptions } from '../options.js';

/** Builds the SOP model from the tree remark parsed, once, for the rule plugins that follow. */
export const remarkSopkitModel: Plugin<[LintOptions?], Root> = function (options: LintOptions = {}) {
  return (tree: Root, file: VFile) => {
    const doc = buildFromTree(String(file.value ?? ''), tree, { format: options.format, teamSchema: options.teamSchema, sectionAliases: options.sectionAliases });
    const state: RunState = {
      doc,
      base: { lintOptions: options, today: options.today ?? todayIso(), schemaErrors: validateProjection(projectionOf(doc), options.teamSchema), teamSchema: options.teamSchema },
      fixes: new Map(),
    };
    file.data.sopkit = state;
  };
};

export const remarkPresetSopkit: Preset = {
  plugins: [remarkLint, remarkSopkitModel, ...rulePlugins.values()],
};
