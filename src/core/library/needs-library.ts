import type { LintOptions } from '../options.js';

/** The rules that read the library: when all are off for a file, the shell need not build one. */
export const LIBRARY_RULE_IDS = ['duplicate-id', 'sop-reference'] as const;

/** True when some rule that reads the library is on in these options. */
export function needsLibrary(options: LintOptions): boolean {
  return LIBRARY_RULE_IDS.some((id) => {
    const setting = options.rules?.[id];
    const severity = typeof setting === 'object' && setting ? setting.severity : setting;
    return severity !== 'off';
  });
}
