import type { PlanIndicator } from '../src/plans/plans.repo.js';
import type { RawResult } from './raw-sql.js';

/** What the service reported for one indicator; the fields the check compares. */
export interface ReportedRow {
  code: string;
  actual: number | null;
  samePeriodActual: number | null;
}

export interface CheckLine {
  code: string;
  rule: string;
  what: 'actual' | 'cùng kỳ';
  /** What the raw SQL read: the figures, or the month sums the database keeps. */
  against: 'figures' | 'sums';
  service: number | null;
  sql: number | null;
  ok: boolean;
}

/**
 * The actual the raw sums imply: a flow's total over January..M, a level's value in month M
 * (summed, averaged or weighted over the communes). All generated figures are communes', so the
 * commune level is the only one that reports and no level choice is needed.
 */
export function actualFromRaw(raw: RawResult, indicator: PlanIndicator, year: number, month: number) {
  const groups = raw.groups.filter((g) => g.indicatorId === indicator.id && g.year === year);
  if (indicator.kind === 'flow') {
    const months = groups.filter((g) => g.month <= month);
    return months.length ? months.reduce((s, g) => s + g.sum, 0) : null;
  }
  if (indicator.rollup === 'weighted') {
    const w = raw.weighted.find(
      (r) => r.indicatorId === indicator.id && r.year === year && r.month === month,
    );
    return w && w.weightSum !== 0 ? w.weightedSum / w.weightSum : null;
  }
  const g = groups.find((r) => r.month === month);
  if (!g) return null;
  return indicator.rollup === 'mean' ? g.sum / g.count : g.sum;
}

/** Sums added in another order differ in the last bits; the service keeps 12 significant digits. */
const same = (a: number | null, b: number | null) =>
  a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

/** One indicator of each kind and rollup: enough to prove every path of the rollup. */
export function sampleIndicators(indicators: readonly PlanIndicator[]): PlanIndicator[] {
  const seen = new Set<string>();
  return indicators.filter((i) => {
    const key = `${i.kind}/${i.rollup}/${i.direction}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function checkReport(
  rows: readonly ReportedRow[],
  raw: RawResult,
  indicators: readonly PlanIndicator[],
  year: number,
  month: number,
  against: CheckLine['against'] = 'figures',
): CheckLine[] {
  return sampleIndicators(indicators).flatMap((indicator) => {
    const row = rows.find((r) => r.code === indicator.code);
    const rule = `${indicator.kind}/${indicator.rollup}`;
    const pairs: [CheckLine['what'], number | null, number | null][] = [
      ['actual', row?.actual ?? null, actualFromRaw(raw, indicator, year, month)],
      ['cùng kỳ', row?.samePeriodActual ?? null, actualFromRaw(raw, indicator, year - 1, month)],
    ];
    return pairs.map(([what, service, sql]) => ({
      code: indicator.code,
      rule,
      what,
      against,
      service,
      sql,
      // A first generated year has no "cùng kỳ": both sides then rightly say nothing.
      ok: same(service, sql) && (sql !== null || what === 'cùng kỳ'),
    }));
  });
}
