/**
 * Reporting periods. Vietnamese reviews speak of windows inside one year: "9 tháng" (Jan..Sep,
 * cumulative), "quý IV", "3 tháng cuối năm", "tháng 7". A window never crosses a year: targets
 * are yearly, so a period that did would have no target to be compared with.
 */

export interface Month {
  year: number;
  month: number;
}

/** Months within one year, both ends inclusive. */
export interface Window {
  year: number;
  fromMonth: number;
  toMonth: number;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export class InvalidPeriodError extends Error {
  constructor(
    readonly input: string,
    message?: string,
  ) {
    super(message ?? `Kỳ báo cáo "${input}" không hợp lệ`);
    this.name = 'InvalidPeriodError';
  }
}

function isYear(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR;
}

function isMonthNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 12;
}

export function isValidWindow(w: Window): boolean {
  return isYear(w.year) && isMonthNumber(w.fromMonth) && isMonthNumber(w.toMonth) && w.fromMonth <= w.toMonth;
}

// Constructors take numbers from code, not from users: a bad one is a bug, hence RangeError.
function checkWindow(w: Window): Window {
  if (!isValidWindow(w)) throw new RangeError(`Invalid window ${JSON.stringify(w)}`);
  return w;
}

const MONTH_KEY = /^(\d{4})-(\d{1,2})$/;

/** "2021-09" (or "2021-9") → { year: 2021, month: 9 }. */
export function parseMonthKey(s: string): Month {
  const match = MONTH_KEY.exec(s.trim());
  if (!match)
    throw new InvalidPeriodError(s, `Kỳ báo cáo "${s}" không hợp lệ: cần dạng YYYY-MM, ví dụ 2021-09`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (!isYear(year)) {
    throw new InvalidPeriodError(
      s,
      `Kỳ báo cáo "${s}" không hợp lệ: năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`,
    );
  }
  if (!isMonthNumber(month)) {
    throw new InvalidPeriodError(s, `Kỳ báo cáo "${s}" không hợp lệ: tháng phải từ 01 đến 12`);
  }
  return { year, month };
}

export function monthKey(m: Month): string {
  if (!isYear(m.year) || !isMonthNumber(m.month)) throw new RangeError(`Invalid month ${JSON.stringify(m)}`);
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** Lũy kế: January through the given month. */
export function cumulativeWindow(m: Month): Window {
  return checkWindow({ year: m.year, fromMonth: 1, toMonth: m.month });
}

export function quarterWindow(year: number, quarter: 1 | 2 | 3 | 4): Window {
  return checkWindow({ year, fromMonth: quarter * 3 - 2, toMonth: quarter * 3 });
}

/** "3 tháng cuối năm" = October..December. */
export function lastMonthsWindow(year: number, months: number): Window {
  return checkWindow({ year, fromMonth: 13 - months, toMonth: 12 });
}

/** How often an indicator is reported (kỳ báo cáo): every month, quarter, half year or year. */
export const FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const MONTHS_PER_REPORT: Record<Frequency, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };

/** Whether `month` ends a reporting period of that frequency, so a figure is owed for it. */
export function closesReportingPeriod(frequency: Frequency, month: number): boolean {
  return month % MONTHS_PER_REPORT[frequency] === 0;
}

export function sameWindowPreviousYear(w: Window): Window {
  return checkWindow({ ...w, year: w.year - 1 });
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** The quarter a window is exactly, or null. */
export function quarterOf(w: Window): 1 | 2 | 3 | 4 | null {
  if (w.fromMonth % 3 !== 1 || w.toMonth !== w.fromMonth + 2) return null;
  return (w.toMonth / 3) as 1 | 2 | 3 | 4;
}

/**
 * The label a report would print. Jan..3 reads "3 tháng năm" rather than "quý I" and Oct..Dec
 * reads "quý IV" rather than "3 tháng cuối năm": both parse back to the same window.
 */
export function formatWindowLabel(w: Window): string {
  const { year, fromMonth: from, toMonth: to } = checkWindow(w);
  if (from === to) return `tháng ${to}/${year}`;
  if (from === 1 && to === 12) return `năm ${year}`;
  if (from === 1 && to === 6) return `6 tháng đầu năm ${year}`;
  if (from === 1) return `${to} tháng năm ${year}`;
  const quarter = quarterOf(w);
  if (quarter) return `quý ${ROMAN[quarter - 1]}/${year}`;
  if (to === 12) return `${13 - from} tháng cuối năm ${year}`;
  return `tháng ${from}–${to}/${year}`;
}

/** Lower case, no diacritics, đ → d, one space between words, dashes as "-". */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/ ?([/-]) ?/g, '$1')
    .replace(/^[\s.,;:()"']+|[\s.,;:()"']+$/g, '');
}

// What follows a period word before the year: "/2021", " năm 2021", " 2021", "-2021".
const YEAR = '(?:(?:/|-| nam | )(?<year>\\d{4}))?';

type Shape = 'year' | 'from_start' | 'month' | 'other';

interface Parsed {
  shape: Shape;
  year: number | null;
  fromMonth: number;
  toMonth: number;
}

const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => Omit<Parsed, 'year'>][] = [
  [/^(?:ca )?nam (?<year>\d{4})$/, () => ({ shape: 'year', fromMonth: 1, toMonth: 12 })],
  [new RegExp(`^(\\d{1,2}) thang cuoi(?: nam)?${YEAR}$`), (m) => last(Number(m[1]))],
  [new RegExp(`^(\\d{1,2}) thang(?: dau)?(?: nam)?${YEAR}$`), (m) => fromStart(Number(m[1]))],
  [/^(\d{1,2})t\/(?<year>\d{4})$/, (m) => fromStart(Number(m[1]))],
  [new RegExp(`^quy (iv|i{1,3}|[1-4])${YEAR}$`), (m) => quarter(m[1] ?? '')],
  [new RegExp(`^(?:thang |t)(\\d{1,2})${YEAR}$`), (m) => single(Number(m[1]))],
  [new RegExp(`^thang (\\d{1,2})-(\\d{1,2})${YEAR}$`), (m) => range(Number(m[1]), Number(m[2]))],
  [
    new RegExp(`^tu thang (\\d{1,2}) den(?: het)? thang (\\d{1,2})${YEAR}$`),
    (m) => range(Number(m[1]), Number(m[2])),
  ],
];

function fromStart(n: number): Omit<Parsed, 'year'> {
  return { shape: 'from_start', fromMonth: 1, toMonth: n };
}
function last(n: number): Omit<Parsed, 'year'> {
  return { shape: 'other', fromMonth: 13 - n, toMonth: 12 };
}
function single(n: number): Omit<Parsed, 'year'> {
  return { shape: 'month', fromMonth: n, toMonth: n };
}
function range(from: number, to: number): Omit<Parsed, 'year'> {
  return { shape: 'other', fromMonth: from, toMonth: to };
}
const ROMAN_VALUE: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

function quarter(q: string): Omit<Parsed, 'year'> {
  const n = ROMAN_VALUE[q] ?? Number(q);
  return { shape: 'other', fromMonth: n * 3 - 2, toMonth: n * 3 };
}

function parseShape(folded: string): Parsed | null {
  for (const [pattern, build] of PATTERNS) {
    const m = pattern.exec(folded);
    if (!m) continue;
    const yearText = m.groups?.year;
    return { ...build(m), year: yearText === undefined ? null : Number(yearText) };
  }
  return null;
}

const CUMULATIVE = /^(?:luy ke|tich luy)(?: tu dau nam)?(?: (?:den|toi)(?: het)?)?(?: (.*))?$/;

/**
 * Reads a period label as written in reports, tolerant of diacritics, case and spacing.
 * `defaultYear` fills in a label that names no year ("9 tháng đầu năm"); without it such a
 * label gives null. "Lũy kế" with no month ("lũy kế từ đầu năm 2021", "lũy kế năm 2023") also
 * gives null: it means "up to whenever this was written", which the label alone cannot tell.
 */
export function parseWindowLabel(label: string, defaultYear?: number): Window | null {
  let folded = fold(label);
  const cumulative = CUMULATIVE.exec(folded);
  if (cumulative) folded = cumulative[1] ?? '';
  const parsed = parseShape(folded);
  if (!parsed) return null;
  const year = parsed.year ?? defaultYear ?? null;
  if (year === null) return null;
  let window: Window = { year, fromMonth: parsed.fromMonth, toMonth: parsed.toMonth };
  if (cumulative) {
    // "lũy kế tháng 9" and "lũy kế đến tháng 9" both mean January through September.
    if (parsed.shape === 'month') window = { ...window, fromMonth: 1 };
    else if (parsed.shape !== 'from_start') return null;
  }
  return isValidWindow(window) ? window : null;
}
