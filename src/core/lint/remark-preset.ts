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
import { createRunState, resolveRule, rulePlugins, type RunState } from './run-state.js';
import type { LintOptions } from '../options.js';

/** Builds the SOP model from the tree remark parsed, once, for the rule plugins that follow. */
export const remarkSopkitModel: Plugin<[LintOptions?], Root> = function (options: LintOptions = {}) {
  return (tree: Root, file: VFile) => {
    const doc = buildFromTree(String(file.value ?? ''), tree, { format: options.format, teamSchema: options.teamSchema, sectionAliases: options.sectionAliases });
    file.data.sopkit = createRunState(doc, options);
  };
};

/**
 * unified-lint-rule gives every message of a rule the rule's severity; this lowers the messages
 * whose report asked for less (an unknown front-matter key is a warning even when the rule is an error).
 */
export const remarkSopkitSeverities: Plugin<[], Root> = function () {
  return (_tree: Root, file: VFile) => {
    const state = file.data.sopkit as RunState | undefined;
    if (!state) return;
    for (const message of file.messages) {
      const cap = state.caps.get(message);
      if (cap === 'warning' && message.fatal) message.fatal = false;
      if (cap === 'info') message.fatal = undefined;
    }
  };
};

const rulesAtDefaultSeverity: PluggableList = rules.flatMap((rule) => {
  const { severity } = resolveRule(rule, undefined);
  return severity === 'off' ? [] : [[rulePlugins.get(rule.id)!, [severity === 'error' ? 2 : 1, {}]] as PluggableList[number]];
});

export const remarkPresetSopkit: Preset = {
  plugins: [remarkLint, remarkSopkitModel, ...rulesAtDefaultSeverity, remarkSopkitSeverities],
};
