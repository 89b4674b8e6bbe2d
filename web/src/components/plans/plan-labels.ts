import type { Frequency } from '../../../../src/core/periods.js';
import { parseNumber } from '../../format';
import type { Lang } from '../../i18n';

/** The bases a target can be set on (src/plans/plans.schema.ts TARGET_BASES). */
export const BASES = ['NQ', 'KH', 'dự toán', 'chỉ tiêu'] as const;
export type Basis = (typeof BASES)[number];

const BASIS_LABELS: Record<Basis, { vi: string; en: string }> = {
  NQ: { vi: 'NQ (nghị quyết)', en: 'NQ (resolution)' },
  KH: { vi: 'KH (kế hoạch)', en: 'KH (plan)' },
  'dự toán': { vi: 'dự toán', en: 'dự toán (budget estimate)' },
  'chỉ tiêu': { vi: 'chỉ tiêu (giao)', en: 'chỉ tiêu (assigned target)' },
};

export function basisLabel(basis: string, lang: Lang): string {
  return BASIS_LABELS[basis as Basis]?.[lang] ?? basis;
}

export const KINDS = {
  flow: { vi: 'lũy kế (cộng dồn theo tháng)', en: 'flow (adds up over months)' },
  level: { vi: 'thời điểm (giá trị cuối kỳ)', en: 'level (value at a point in time)' },
} as const;

export const DIRECTIONS = {
  increase: { vi: 'càng cao càng tốt', en: 'higher is better' },
  decrease: { vi: 'càng thấp càng tốt', en: 'lower is better' },
} as const;

/** How often it is reported (src/core FREQUENCIES), and the months a figure is then owed. */
export const FREQUENCIES = {
  monthly: { vi: 'hằng tháng', en: 'monthly' },
  quarterly: { vi: 'hằng quý (tháng 3, 6, 9, 12)', en: 'quarterly (March, June, September, December)' },
  half_yearly: { vi: '6 tháng một lần (tháng 6, 12)', en: 'every six months (June, December)' },
  yearly: { vi: 'hằng năm (tháng 12)', en: 'yearly (December)' },
} as const satisfies Record<Frequency, { vi: string; en: string }>;

export const ROLLUPS = {
  sum: { vi: 'cộng các đơn vị', en: 'sum of units' },
  mean: { vi: 'bình quân các đơn vị', en: 'mean of units' },
  weighted: { vi: 'bình quân có trọng số', en: 'weighted mean' },
  none: { vi: 'không tổng hợp', en: 'not rolled up' },
} as const;

export function label<K extends string>(
  table: Record<K, { vi: string; en: string }>,
  key: string,
  lang: Lang,
): string {
  return (table as Record<string, { vi: string; en: string }>)[key]?.[lang] ?? key;
}

/** The choices of a drop-down, in the table's order, worded in `lang`. */
export function choices<K extends string>(
  table: Record<K, { vi: string; en: string }>,
  lang: Lang,
): [string, string][] {
  return Object.keys(table).map((k) => [k, label(table, k, lang)]);
}

/** "lũy kế (cộng dồn theo tháng)" → "lũy kế": tables show the word, forms the explanation. */
export function short(text: string): string {
  return text.replace(/\s*\(.*\)$/, '');
}

/** The default fields of a resolution, in the order plans list them. */
export const FIELDS = [
  'kinh_te',
  'van_hoa_xa_hoi',
  'tai_nguyen_moi_truong',
  'quoc_phong_an_ninh',
  'xay_dung_dang',
];

/** A baseline as typed: empty is none, anything not a number is refused. */
export function baselineOf(text: string, lang: 'vi' | 'en'): number | undefined | 'invalid' {
  if (text.trim() === '') return undefined;
  return parseNumber(text, lang) ?? 'invalid';
}
