/**
 * Vietnamese number conventions: "." groups thousands and "," marks decimals
 * ("2.404", "99,273", "73,96%", "3.800.019"). Rounding happens only here, at presentation.
 */

const GROUPED_DOTS = /^\d{1,3}(\.\d{3})+$/;
const GROUPED_COMMAS = /^\d{1,3}(,\d{3}){2,}$/;
const PLAIN = /^\d+$/;
const DECIMAL = /^\d*[.,]\d+$/;
const MIXED_VN = /^\d{1,3}(\.\d{3})*,\d+$/;
const MIXED_EN = /^\d{1,3}(,\d{3})*\.\d+$/;

/**
 * Reads a number written the Vietnamese way. A lone dot followed by exactly three digits is a
 * thousands separator ("2.404"); any other lone dot is a decimal point ("189.26"), since real
 * reports mix both. Returns null for anything that is not a number.
 */
export function parseVnNumber(input: string): number | null {
  let s = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (s === '') return null;
  let canonical: string;
  if (PLAIN.test(s)) canonical = s;
  else if (GROUPED_DOTS.test(s)) canonical = s.replaceAll('.', '');
  else if (GROUPED_COMMAS.test(s)) canonical = s.replaceAll(',', '');
  else if (MIXED_VN.test(s)) canonical = s.replaceAll('.', '').replace(',', '.');
  else if (MIXED_EN.test(s)) canonical = s.replaceAll(',', '');
  else if (DECIMAL.test(s)) canonical = s.replace(',', '.');
  else return null;
  const value = Number(canonical);
  return Number.isFinite(value) ? sign * value : null;
}

/** Reads "73,96%" or "73,96 %" (the sign is optional); the result is the number of percent. */
export function parseVnPercent(input: string): number | null {
  return parseVnNumber(input.trim().replace(/\s*%$/, ''));
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      useGrouping: true,
    });
    formatters.set(key, f);
  }
  return f;
}

export interface FormatOptions {
  /** Most decimals shown; trailing zeros are dropped unless `minDecimals` keeps them. */
  maxDecimals?: number;
  minDecimals?: number;
}

/** 2404 → "2.404", 99.273 → "99,273" (maxDecimals 3), 3800019 → "3.800.019". */
export function formatVnNumber(value: number, options: FormatOptions = {}): string {
  const max = options.maxDecimals ?? 2;
  const min = Math.min(options.minDecimals ?? 0, max);
  // Intl groups four-digit numbers too ("2.404"), which matches Vietnamese reports.
  return formatter(min, max)
    .format(value)
    .replace(/\u2212/, '-');
}

/** 73.96 → "73,96%". */
export function formatVnPercent(value: number, options: FormatOptions = {}): string {
  return `${formatVnNumber(value, options)}%`;
}

/** Units of money used in reports, with their size in đồng. */
export const MONEY_UNITS = {
  đồng: 1,
  'nghìn đồng': 1e3,
  'triệu đồng': 1e6,
  'tỷ đồng': 1e9,
} as const;

export type MoneyUnit = keyof typeof MONEY_UNITS;

const UNIT_SPELLINGS: Record<string, string> = {
  'tỉ đồng': 'tỷ đồng',
  tỷ: 'tỷ đồng',
  tỉ: 'tỷ đồng',
  'tỷ dồng': 'tỷ đồng',
  'tỷ vnđ': 'tỷ đồng',
  'tỷ vnd': 'tỷ đồng',
  triệu: 'triệu đồng',
  'triệu vnđ': 'triệu đồng',
  'triệu vnd': 'triệu đồng',
  'ngàn đồng': 'nghìn đồng',
  'nghìn vnđ': 'nghìn đồng',
  vnđ: 'đồng',
  vnd: 'đồng',
  'phần trăm': '%',
};

/** Brings the spellings found in real reports to one written form ("tỉ đồng" → "tỷ đồng"). */
export function normalizeUnit(unit: string): string {
  const s = unit.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return UNIT_SPELLINGS[s] ?? s;
}

export function isMoneyUnit(unit: string): unit is MoneyUnit {
  return Object.hasOwn(MONEY_UNITS, unit);
}

export class UnitMismatchError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`Không thể đổi đơn vị "${from}" sang "${to}"`);
    this.name = 'UnitMismatchError';
  }
}

/**
 * Converts between money units explicitly ("99,273 tỷ đồng" → 99.273 triệu... is never done
 * silently). Other units convert only to themselves.
 */
export function convertUnit(value: number, from: string, to: string): number {
  const f = normalizeUnit(from);
  const t = normalizeUnit(to);
  if (f === t) return value;
  if (!isMoneyUnit(f) || !isMoneyUnit(t)) throw new UnitMismatchError(from, to);
  const factor = MONEY_UNITS[f] / MONEY_UNITS[t];
  // Twelve significant digits hide binary noise (99.273 × 1000 = 99273.00000000001).
  return Number.parseFloat((value * factor).toPrecision(12));
}
