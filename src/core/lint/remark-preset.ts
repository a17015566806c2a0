/**
 * sopkit's rules as a remark-lint preset, for teams that already run remark (remark-cli,
 * a unified pipeline): `.use(remarkPresetSopkit)`. The same rule plugins and run state power
 * `lint()`; this preset puts them beside remark-lint itself, so they run next to any remark-lint
 * rules a team uses, each at its default severity (an error rule's message is fatal, as in lint()).
 */
import remarkLint from 'remark-lint';
import type { Root } from 'mdast';
import type { PluggableList, Preset, Plugin } from 'unified';
import type { VFile } from 'vfile';
import { buildFromTree } from '../model/build.js';
import { rules } from './rules/index.js';
import { createRunState, resolveRule, rulePlugins } from './run-state.js';
import type { LintOptions } from '../options.js';

/** Builds the SOP model from the tree remark parsed, once, for the rule plugins that follow. */
export const remarkSopkitModel: Plugin<[LintOptions?], Root> = function (options: LintOptions = {}) {
  return (tree: Root, file: VFile) => {
    const doc = buildFromTree(String(file.value ?? ''), tree, { format: options.format, teamSchema: options.teamSchema });
    file.data.sopkit = createRunState(doc, options);
  };
};

const rulesAtDefaultSeverity: PluggableList = rules.flatMap((rule) => {
  const { severity } = resolveRule(rule, undefined);
  return severity === 'off' ? [] : [[rulePlugins.get(rule.id)!, [severity === 'error' ? 2 : 1, {}]] as PluggableList[number]];
});

export const remarkPresetSopkit: Preset = {
  plugins: [remarkLint, remarkSopkitModel, ...rulesAtDefaultSeverity],
};
