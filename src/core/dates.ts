/**
 * Dates as SOP authors write them: ISO (2026-01-15, 2026/01/15), "June 27, 2024",
 * "27 June 2024", "Jun 2024". Every pattern is linear (no nested quantifiers) so adversarial
 * text cannot make it backtrack.
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

const ISO = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH},? (\\d{4})\\b`, 'i');
const MONTH_YEAR = new RegExp(`\\b${MONTH},? (\\d{4})\\b`, 'i');
const SLASHED = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/;
const YEAR_MONTH = /\b(\d{4})-(\d{2})\b(?!-\d)/;

export interface FoundDate {
  iso: string;
  precision: 'day' | 'month';
  index: number;
  length: number;
  text: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A real calendar date written YYYY-MM-DD (`--today`): 2026-02-30 and 2026-13-01 are not. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().replace('.', '').slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

/** Collapses runs of whitespace so "June  27,\n2024" matches; indexes refer to the collapsed text only when `collapsed` is used. */
export function findDate(text: string): FoundDate | undefined {
  const candidates: FoundDate[] = [];
  let m = ISO.exec(text);
  if (m && isValidDate(+m[1], +m[2], +m[3])) candidates.push({ iso: `${m[1]}-${pad(+m[2])}-${pad(+m[3])}`, precision: 'day', index: m.index, length: m[0].length, text: m[0] });
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[1]);
    if (isValidDate(+m[3], month, +m[2])) candidates.push({ iso: `${m[3]}-${pad(month)}-${pad(+m[2])}`, precision: 'day', index: m.index, length: m[0].length, text: m[0] });
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[2]);
    if (isValidDate(+m[3], month, +m[1])) candidates.push({ iso: `${m[3]}-${pad(month)}-${pad(+m[1])}`, precision: 'day', index: m.index, length: m[0].length, text: m[0] });
  }
  if (candidates.length === 0) {
    m = MONTH_YEAR.exec(text);
    if (m) {
      const month = monthNumber(m[1]);
      if (isValidDate(+m[2], month, 1)) candidates.push({ iso: `${m[2]}-${pad(month)}-01`, precision: 'month', index: m.index, length: m[0].length, text: m[0] });
    }
    m = YEAR_MONTH.exec(text);
    if (m && isValidDate(+m[1], +m[2], 1)) candidates.push({ iso: `${m[1]}-${m[2]}-01`, precision: 'month', index: m.index, length: m[0].length, text: m[0] });
  }
  m = SLASHED.exec(text);
  if (m) {
    // 05/11/2026 could be either; 25/11/2026 and 11/25/2026 cannot.
    const [a, b, year] = [+m[1], +m[2], +m[3]];
    const dayFirst = a > 12 && b <= 12;
    const monthFirst = b > 12 && a <= 12;
    if ((dayFirst && isValidDate(year, b, a)) || (monthFirst && isValidDate(year, a, b))) {
      const [month, day] = dayFirst ? [b, a] : [a, b];
      candidates.push({ iso: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', index: m.index, length: m[0].length, text: m[0] });
    }
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0];
}

/** "05/11/2026": a slashed date whose day and month could be swapped. */
export function ambiguousSlashedDate(text: string): string | undefined {
  const m = SLASHED.exec(text);
  return m && +m[1] <= 12 && +m[2] <= 12 && +m[1] !== +m[2] ? m[0] : undefined;
}

/** Parses a whole value that should be a date (front matter); undefined when it is not one. */
export function parseDateValue(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  return findDate(value.trim())?.iso;
}

export interface Interval {
  amount: number;
  unit: 'day' | 'week' | 'month' | 'year';
}

export function parseInterval(value: unknown): Interval | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return { amount: value, unit: 'month' };
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{1,4})\s*(day|week|month|year)s?\s*$/i.exec(value);
  if (!m || +m[1] === 0) return undefined;
  return { amount: +m[1], unit: m[2].toLowerCase() as Interval['unit'] };
}

export function addInterval(isoDate: string, interval: Interval): string {
  const [y, mo, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  switch (interval.unit) {
    case 'day': date.setUTCDate(date.getUTCDate() + interval.amount); break;
    case 'week': date.setUTCDate(date.getUTCDate() + 7 * interval.amount); break;
    case 'month': {
      const day = date.getUTCDate();
      date.setUTCDate(1);
      date.setUTCMonth(date.getUTCMonth() + interval.amount);
      const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      date.setUTCDate(Math.min(day, last));
      break;
    }
    case 'year': date.setUTCFullYear(date.getUTCFullYear() + interval.amount); break;
  }
  return date.toISOString().slice(0, 10);
}

export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatInterval(interval: Interval): string {
  return `${interval.amount} ${interval.unit}${interval.amount === 1 ? '' : 's'}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
