/**
 * The authoring catalogue: policy modifiers, brand tones and sectors, read from the JSON data in
 * schemas/ (policies.json, tones.json, sectors.json). The wizard and the snippet generator both
 * read the data through here, so lookups (by id or by name, any case) behave the same everywhere.
 * Pure: no fs, no Node built-ins.
 */
import policyData from '../../../schemas/policies.json' with { type: 'json' };
import toneData from '../../../schemas/tones.json' with { type: 'json' };
import sectorData from '../../../schemas/sectors.json' with { type: 'json' };

export interface PolicyBranch { if: string; action: string; /** 1-based step of the policy's procedure the branch leads to. */ next?: number }
export interface PolicyScript { title: string; channel: string; body: string[] }
export interface PolicyKpi { metric: string; target: string }

export interface PolicyModifier {
  id: string;
  name: string;
  description: string;
  focus: string[];
  overview: string;
  objectives: string[];
  procedure: string[];
  decision: { at: number; condition: string; branches: PolicyBranch[] };
  scripts: PolicyScript[];
  bestPractices: string[];
  kpis: PolicyKpi[];
  compliance: string[];
}

export const TONE_PHRASE_KEYS = ['greeting', 'thanks', 'apology', 'empathy', 'reassurance', 'closing', 'signOff'] as const;
export type TonePhraseKey = (typeof TONE_PHRASE_KEYS)[number];

export interface Tone {
  id: string;
  name: string;
  description: string;
  phrases: Record<TonePhraseKey, string>;
  do: string[];
  avoid: string[];
}

export interface SectorInquiry {
  question: string;
  check: string;
  condition: string;
  branches: { if: string; action: string }[];
  resolve: string;
  reply: string;
}

export interface Sector { id: string; name: string; inquiries: SectorInquiry[] }

const policies = policyData.policies as PolicyModifier[];
const tones = toneData.tones as Tone[];
const sectors = sectorData.sectors as Sector[];

/** What a picker shows: `{{businessName}}` reads as "your business" outside a generated SOP. */
export function listPolicies(): { id: string; name: string; description: string; focus: string[] }[] {
  return policies.map((p) => ({ id: p.id, name: p.name, description: fillCatalogueFields(p.description, { businessName: 'your business' }), focus: [...p.focus] }));
}

export function policyCatalogue(): readonly PolicyModifier[] {
  return policies;
}

export function toneCatalogue(): readonly Tone[] {
  return tones;
}

export function sectorCatalogue(): readonly Sector[] {
  return sectors;
}

/** Lower-case letters and digits only, so "SaaS / Software", "saas-software" and "saas" compare alike. */
function lookupKey(text: string): string {
  return text.toLowerCase().replace(/&/g, 'and').replace(/[^\p{L}\p{N}]+/gu, '');
}

function findBy<T extends { id: string; name: string }>(items: readonly T[], wanted: string): T | undefined {
  const key = lookupKey(wanted);
  if (!key) return undefined;
  return items.find((item) => lookupKey(item.id) === key || lookupKey(item.name) === key);
}

export function findPolicy(idOrName: string): PolicyModifier | undefined {
  return findBy(policies, idOrName);
}

export function findTone(idOrName: string): Tone | undefined {
  return findBy(tones, idOrName);
}

/**
 * A sector by id or name; also "SaaS" for "SaaS and software" or "Travel" for "Hospitality and
 * travel" (any word of the name), so free-typed answers still find their inquiries.
 */
export function findSector(idOrName: string): Sector | undefined {
  const exact = findBy(sectors, idOrName);
  if (exact) return exact;
  const key = lookupKey(idOrName);
  if (key.length < 4) return undefined;
  return sectors.find((s) => s.id !== 'other' && s.name.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => word.length >= 4 && lookupKey(word) === key));
}

/**
 * Fills the `{{name}}` fields of catalogue text (policy, sector and tone wording) in one pass, so a value that itself contains `{{…}}` is never
 * expanded again. Unknown fields are left as they are (tests assert none survive).
 */
export function fillCatalogueFields(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole));
}

/**
 * Inline Markdown that renders exactly as typed: no emphasis, links, HTML, code, table cells or
 * `{{fields}}`. Whitespace (newlines included) collapses, so an answer cannot start a new block.
 */
export function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
    .replace(/[\\`*_[\]<>|~{}#]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Like escapeInline, for text that starts a line: list, quote, heading and thematic-break markers are escaped too. */
export function escapeLineStart(text: string): string {
  return escapeInline(text).replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^([-+=])/, '\\$1');
}

/** Paragraphs (split on blank lines) escaped for use as Markdown blocks. */
export function escapeParagraphs(text: string): string[] {
  return text.split(/\r?\n[ \t]*\r?\n/).map((p) => escapeLineStart(p)).filter(Boolean);
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}
