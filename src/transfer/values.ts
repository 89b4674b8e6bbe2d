import { parseVnNumber } from '../core/numbers.js';
import { type Cell, cellText, normalizeLabel } from './cells.js';

/** A number cell as stored, or text in Vietnamese format ("2.404", "99,273", "3.800.019"). */
export function cellNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return parseVnNumber(cell);
}

const MONTH_FIRST = /^(?:thang|t)?\s*(\d{1,2})\s*(?:\/|nam|\s)\s*(\d{4})$/;
const YEAR_FIRST = /^(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*\d{1,2})?$/;

/**
 * A period as offices write it: "2021-09", "09/2021", "tháng 9/2021", "T9/2021",
 * "tháng 9 năm 2021", or a date cell ("2021-09-01"). Returns "YYYY-MM", or null.
 */
export function cellPeriod(cell: Cell): string | null {
  const s = normalizeLabel(cellText(cell)).replace(/\s+/g, ' ');
  const m = YEAR_FIRST.exec(cellText(cell)) ?? null;
  let year: number;
  let month: number;
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else {
    const v = MONTH_FIRST.exec(s);
    if (!v) return null;
    month = Number(v[1]);
    year = Number(v[2]);
  }
  if (month < 1 || month > 12 || year < 1900 || year > 2200) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

const YES = new Set(['co', 'x', 'yes', 'y', '1', 'true', 'luy ke', 'lk', 'dung']);
const NO = new Set(['', 'khong', 'k', 'no', 'n', '0', 'false', 'sai', '-']);

/** "có"/"x"/"yes" → true, "không"/blank → false, anything else → null. */
export function cellYesNo(cell: Cell): boolean | null {
  const s = normalizeLabel(cellText(cell));
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

const ESTIMATE = new Set(['uoc', 'uoc tinh', 'uoc dat', 'uoc thuc hien', 'estimate', 'e']);
const OFFICIAL = new Set(['chinh thuc', 'so chinh thuc', 'ct', 'official', 'o']);

/** "ước" → estimate, "chính thức" → official, blank → undefined, anything else → null. */
export function cellStatus(cell: Cell): 'estimate' | 'official' | undefined | null {
  const s = normalizeLabel(cellText(cell));
  if (s === '') return undefined;
  if (ESTIMATE.has(s)) return 'estimate';
  if (OFFICIAL.has(s)) return 'official';
  return null;
}

export const STATUS_WORDS = { estimate: 'ước', official: 'chính thức' } as const;
