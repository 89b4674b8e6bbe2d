/**
 * Calendar dates as ISO strings 'YYYY-MM-DD': they compare as text, survive JSON and both
 * databases unchanged, and carry no time zone to get wrong.
 */

export type IsoDate = string;

export class InvalidDateError extends Error {
  constructor(readonly input: string) {
    super(`Ngày "${input}" không hợp lệ: cần dạng YYYY-MM-DD có thật trên lịch, ví dụ 2021-10-06`);
    this.name = 'InvalidDateError';
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

// Date.UTC reads years 0..99 as 1900..1999; setUTCFullYear does not.
function epochDay(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / 86_400_000;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** True for a real calendar day written 'YYYY-MM-DD' ('2021-02-29' is false). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function parts(iso: IsoDate): [year: number, month: number, day: number] {
  if (!isIsoDate(iso)) throw new InvalidDateError(iso);
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Throws InvalidDateError unless `iso` is a real 'YYYY-MM-DD' date; returns it for chaining. */
export function assertIsoDate(iso: string): IsoDate {
  parts(iso);
  return iso;
}

/**
 * Party documents (Hướng dẫn 36-HD/VPTW) pad every day and month below 10 with a zero; state
 * documents (Nghị định 30/2020/NĐ-CP) pad days below 10 but only months 1 and 2.
 */
export type DateStyle = 'party' | 'state';

/** '2021-10-06' → "ngày 06 tháng 10 năm 2021". */
export function formatVnDate(iso: IsoDate, style: DateStyle = 'party'): string {
  const [year, month, day] = parts(iso);
  const monthText = style === 'party' || month <= 2 ? pad(month) : String(month);
  return `ngày ${pad(day)} tháng ${monthText} năm ${year}`;
}

/** '2021-10-06' → "06/10/2021". */
export function formatVnShortDate(iso: IsoDate): string {
  const [year, month, day] = parts(iso);
  return `${pad(day)}/${pad(month)}/${year}`;
}

const SHORT = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const LONG = /^ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$/;

/**
 * Reads a date as Vietnamese write it, day first: "06/10/2021", "6/10/2021", "06-10-2021",
 * "06.10.2021", "ngày 06 tháng 10 năm 2021". An ISO date passes through. Null if it is not a
 * real day; two-digit years are refused since "21" could be 1921 or 2021.
 */
export function parseVnDate(input: string): IsoDate | null {
  const s = input.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (isIsoDate(s)) return s;
  const m = SHORT.exec(s) ?? LONG.exec(s);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDate(year, month, day) ? toIso(year, month, day) : null;
}

/** Sorts ISO dates: text order is calendar order, so no parsing (and no validation) is done. */
export function compareIsoDate(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return epochDay(y2, m2, d2) - epochDay(y1, m1, d1);
}

/**
 * The calendar day of an instant in a time zone. "Today" for a deadline is Vietnam's today:
 * at 23:00 UTC it is already tomorrow in Hà Nội.
 */
export function toIsoDate(instant: Date, timeZone = 'Asia/Ho_Chi_Minh'): IsoDate {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(fields.find((f) => f.type === type)?.value);
  return toIso(get('year'), get('month'), get('day'));
}
