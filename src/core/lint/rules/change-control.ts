import { clip } from '../../display.js';
import { fieldsOf, frontMatterEnd, readFrontMatterData, writtenValue } from '../../library/fields.js';
import { frontMatterValueRange } from './duplicate-id.js';
import { compareVersions, historyMentions, writtenVersion } from './revision-history.js';
import type { SopDocument } from '../../types.js';
import type { RuleDefinition } from './rule.js';

/** What the procedure says: the body and the title, line endings and trailing blanks aside. */
function content(text: string, title: string | undefined): string {
  const body = text.slice(frontMatterEnd(text)).replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
  return `${title ?? ''}\n${body}`;
}

const NUMBERED = /^v?(?:ersion)?\s*\d+(?:\.\d+)*$/i;

/** True when `now` is a later version than `before` (numbers compared part by part; otherwise any change counts). */
function isHigher(now: string | undefined, before: string | undefined): boolean {
  if (!now) return false;
  if (!before) return true;
  if (NUMBERED.test(now.trim()) && NUMBERED.test(before.trim())) return compareVersions(now, before) > 0;
  return now.trim() !== before.trim();
}

/** What a changed, once-approved SOP still lacks, in the words of the message. */
function missingSteps(doc: SopDocument, base: ReturnType<typeof fieldsOf>): string[] {
  const data = doc.frontMatter.data ?? {};
  const version = writtenVersion(doc)?.text ?? (typeof data.version === 'string' ? data.version : undefined);
  const missing: string[] = [];
  if (!isHigher(version, base.version)) missing.push(`a higher version than ${clip(base.version ?? 'the base had', 30)}${version ? ` (it is still ${clip(version, 30)})` : ''}`);
  else if (!historyMentions(doc.revisions, version!)) missing.push(`a revision-history entry for version ${clip(version!, 30)}`);
  const now = fieldsOf(data);
  const reapproved = now.status === 'approved' && !!now.approvedOn && (!base.approvedOn || now.approvedOn > base.approvedOn);
  if (!reapproved && now.status !== 'draft' && now.status !== 'review') {
    missing.push(`a new approval (approved_on after ${base.approvedOn ?? 'the base'}) or status draft or review until it is approved again`);
  }
  return missing;
}

export const changeControl: RuleDefinition = {
  id: 'change-control',
  description: 'An SOP approved at the base (--base, the committed version) whose content changed has a higher version, a revision entry for it, and a new approval or status draft/review.',
  defaultSeverity: 'error',
  fixable: false,
  check(doc, context) {
    const baseText = context.lintOptions.baseText;
    if (baseText === undefined || baseText === doc.text) return;
    const baseData = readFrontMatterData(baseText);
    const base = fieldsOf(baseData, { version: writtenValue(baseText, 'version') });
    if (base.status !== 'approved') return;
    const title = (data: Record<string, unknown> | null) => (typeof data?.title === 'string' ? data.title.trim() : undefined);
    if (content(baseText, title(baseData)) === content(doc.text, title(doc.frontMatter.data))) return;
    const missing = missingSteps(doc, base);
    if (missing.length === 0) return;
    const range = doc.frontMatter.keys.some((k) => k.key === 'version') ? frontMatterValueRange(doc, 'version') : frontMatterValueRange(doc, 'status');
    context.report({ message: `This SOP was approved at the base${base.version ? ` (version ${clip(base.version, 30)})` : ''} and its content has changed since; it needs ${missing.join('; ')}`, range });
  },
};
