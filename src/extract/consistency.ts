/**
 * Checks an extracted figure against the stored target: the target implied by value ÷ percent of
 * target × 100 must fall within what the printed numbers' rounding allows ("2.404 tỷ đồng, bằng
 * 73,96% NQ" implies a target between 3.250,3 and 3.250,5 tỷ đồng). Outside it, both numbers are
 * reported.
 */
import { convertUnit, formatVnNumber, UnitMismatchError } from '../core/numbers.js';

export interface ConsistencyInput {
  readonly value: number | null;
  readonly unit: string | null;
  readonly percentOfTarget: number | null;
}

export interface ConsistencyResult {
  readonly status: 'consistent' | 'inconsistent' | 'not_applicable';
  /** value × 100 ÷ percentOfTarget, in the stored target's unit. */
  readonly impliedTarget: number | null;
  /** The implied target allowed by the rounding of the printed value and percentage. */
  readonly impliedRange: readonly [number, number] | null;
  readonly storedTarget: number;
  /** (stored − implied) ÷ implied × 100. */
  readonly differencePct: number | null;
  readonly message: string;
  readonly messageEn: string;
}

function decimals(n: number): number {
  const s = String(n);
  if (s.includes('e')) return 12;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function fmt(n: number): string {
  return formatVnNumber(n, { maxDecimals: Math.abs(n) >= 100 ? 1 : 3 });
}

function notApplicable(stored: number, message: string, messageEn: string): ConsistencyResult {
  return {
    status: 'not_applicable',
    impliedTarget: null,
    impliedRange: null,
    storedTarget: stored,
    differencePct: null,
    message,
    messageEn,
  };
}

/**
 * @param storedUnit unit of the stored target when it differs from the figure's ("triệu đồng"
 *   against "tỷ đồng"); money converts, other units must agree.
 */
export function checkConsistency(
  figure: ConsistencyInput,
  storedTarget: number,
  storedUnit?: string,
): ConsistencyResult {
  const { value, percentOfTarget: pct } = figure;
  if (value === null || pct === null || !(pct > 0) || !Number.isFinite(value) || !(storedTarget > 0)) {
    return notApplicable(
      storedTarget,
      'Không kiểm tra được: số liệu thiếu giá trị hoặc tỷ lệ so với chỉ tiêu.',
      'Cannot check: the figure lacks a value or a percentage of target.',
    );
  }
  let factor = 1;
  const unit = storedUnit ?? figure.unit ?? '';
  if (storedUnit !== undefined && figure.unit !== null) {
    try {
      factor = convertUnit(1, figure.unit, storedUnit);
    } catch (e) {
      if (!(e instanceof UnitMismatchError)) throw e;
      return notApplicable(
        storedTarget,
        `Không kiểm tra được: đơn vị "${figure.unit}" của số liệu khác đơn vị "${storedUnit}" của chỉ tiêu.`,
        `Cannot check: the figure's unit "${figure.unit}" differs from the target's "${storedUnit}".`,
      );
    }
  }
  // Half a unit in the last printed decimal of each number.
  const hv = 0.5 * 10 ** -decimals(value);
  const hp = 0.5 * 10 ** -decimals(pct);
  const implied = ((value * 100) / pct) * factor;
  const lo = (((value - hv) * 100) / (pct + hp)) * factor;
  const hi = pct - hp > 0 ? (((value + hv) * 100) / (pct - hp)) * factor : Number.POSITIVE_INFINITY;
  const eps = 1e-9 * Math.max(1, Math.abs(storedTarget));
  const ok = storedTarget >= lo - eps && storedTarget <= hi + eps;
  const diff = Math.round(((storedTarget - implied) / implied) * 10000) / 100;
  const u = unit === '' ? '' : ` ${unit}`;
  const shown = `${fmt(value)}${figure.unit ? ` ${figure.unit}` : ''} bằng ${formatVnNumber(pct, { maxDecimals: 4 })}%`;
  return {
    status: ok ? 'consistent' : 'inconsistent',
    impliedTarget: implied,
    impliedRange: [lo, hi],
    storedTarget,
    differencePct: diff,
    message: ok
      ? `Khớp: ${shown} chỉ tiêu cho chỉ tiêu khoảng ${fmt(implied)}${u}, phù hợp với chỉ tiêu đã lưu ${fmt(storedTarget)}${u}.`
      : `Không khớp: ${shown} chỉ tiêu thì chỉ tiêu phải khoảng ${fmt(implied)}${u} (từ ${fmt(lo)} đến ${fmt(hi)}), nhưng chỉ tiêu đã lưu là ${fmt(storedTarget)}${u} (chênh ${formatVnNumber(diff, { maxDecimals: 2 })}%).`,
    messageEn: ok
      ? `Consistent: the implied target ${implied} matches the stored target ${storedTarget}.`
      : `Inconsistent: the figure implies a target of about ${implied} (${lo} to ${hi}) but ${storedTarget} is stored (${diff}% off).`,
  };
}
