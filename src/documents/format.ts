/**
 * Figures as documents write them: "2.404 tỷ đồng", "72,6%", "bằng 73,96% NQ". Values come
 * unrounded from the progress service and are rounded here, at presentation, only.
 */
import { formatVnNumber, formatVnPercent } from '../core/numbers.js';

/**
 * How a percentage of the target is printed. Reports print two decimals ("64,01%"); a news
 * article prints what a reader would say: a value within `wholeTolerance` of a whole number
 * loses its decimals (64,006 → "64%"), any other keeps `decimals` (73,96 → "73,96%"). The
 * tolerance is 0,01: wide enough for 64,006, narrow enough to keep 73,96 (0,05 would print
 * "74%", which is not what the conference reported).
 */
export interface PercentStyle {
  wholeTolerance: number;
  decimals: number;
}

export const REPORT_PERCENT: PercentStyle = { wholeTolerance: 0, decimals: 2 };
export const ARTICLE_PERCENT: PercentStyle = { wholeTolerance: 0.01, decimals: 2 };

export function formatPercent(value: number, style: PercentStyle = REPORT_PERCENT): string {
  const whole = Math.round(value);
  if (Math.abs(value - whole) < style.wholeTolerance) return formatVnPercent(whole, { maxDecimals: 0 });
  return formatVnPercent(value, { maxDecimals: style.decimals });
}

/** A figure with its unit: "2.404 tỷ đồng", "99,273 tỷ đồng", "72,6%", "3 hợp tác xã". */
export function formatQuantity(value: number, unit: string, decimals: number): string {
  const n = formatVnNumber(value, { maxDecimals: decimals });
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/**
 * The target a percentage refers to, as reports name it: "NQ", "KH", "dự toán HĐND tỉnh giao".
 * The issuing body is named only when it is not the plan's own.
 */
export function basisLabel(basis: string | null, issuingBody: string | null, planIssuer: string): string {
  const b = basis ?? 'NQ';
  if (!issuingBody || issuingBody === planIssuer) return b;
  return `${b} ${issuingBody} giao`;
}

/** "tăng 4,6%" / "giảm 14,6%" / "bằng cùng kỳ" for a change against the same period last year. */
export function changeWords(changePct: number): string {
  const rounded = Math.round(changePct * 10) / 10;
  if (rounded === 0) return 'tương đương cùng kỳ';
  const size = formatVnPercent(Math.abs(changePct), { maxDecimals: 1 });
  return `${rounded > 0 ? 'tăng' : 'giảm'} ${size} so với cùng kỳ`;
}

/** Decimals a value actually needs, up to `max`: 155,1 needs one, 250 none. */
export function decimalsNeeded(value: number, max: number): number {
  for (let d = 0; d < max; d++) {
    if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-9 * 10 ** d) return d;
  }
  return max;
}
