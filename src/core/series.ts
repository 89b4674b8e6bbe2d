/**
 * Monthly figures of one indicator, one unit, one year, reconciled into running totals.
 * Units report flows sometimes month by month ("tháng 7 đạt 250 tỷ") and sometimes as a total
 * since January ("9 tháng ước đạt 2.404 tỷ"); both kinds end up in the same year.
 */

export type IndicatorKind = 'flow' | 'level';

/**
 * One stored figure of one month. For flows, cumulative=false means the month's own value,
 * cumulative=true means the total Jan..month ("lũy kế", "9 tháng ước đạt ..."). For levels,
 * cumulative is ignored (value at month end).
 */
export interface MonthlyPoint {
  month: number;
  value: number;
  cumulative: boolean;
}

type Months = (number | null)[];

function emptyYear(): Months {
  return Array.from({ length: 12 }, () => null);
}

function checkPoint(p: MonthlyPoint): void {
  // Figures are validated where they enter; a bad one here is a bug, and a silently wrong
  // total on a conference slide is worse than an error.
  if (!Number.isInteger(p.month) || p.month < 1 || p.month > 12) {
    throw new RangeError(`Invalid month ${p.month} in a monthly point`);
  }
  if (!Number.isFinite(p.value)) throw new RangeError(`Invalid value ${p.value} in month ${p.month}`);
}

function checkThroughMonth(m: number): void {
  if (!Number.isInteger(m) || m < 1 || m > 12) throw new RangeError(`Invalid month ${m}`);
}

/**
 * The points by month, 0-based. Callers pass revisions in the order they were recorded, so a
 * later point for the same month and kind wins.
 */
function byMonth(points: readonly MonthlyPoint[], cumulative: boolean | null): Months {
  const months = emptyYear();
  for (const p of points) {
    checkPoint(p);
    if (cumulative === null || p.cumulative === cumulative) months[p.month - 1] = p.value;
  }
  return months;
}

/**
 * Running totals Jan..m for each month of a flow (null where unknown). A cumulative point
 * fixes the total at its month; the months after it add their own values. A month's own value
 * that disagrees with a later cumulative point is superseded by it: the cumulative figure is
 * what the unit reported as the total, and the month of that point absorbs the difference. A
 * month with no figure leaves the totals unknown until the next cumulative point, since
 * reading it as zero would understate the total.
 */
export function flowTotals(points: readonly MonthlyPoint[]): Months {
  const own = byMonth(points, false);
  const cumulative = byMonth(points, true);
  const totals = emptyYear();
  let running: number | null = 0;
  for (let i = 0; i < 12; i++) {
    const ownValue = own[i] ?? null;
    running = cumulative[i] ?? (running === null || ownValue === null ? null : running + ownValue);
    totals[i] = running;
  }
  return totals;
}

/** Month-end values of a level; months without a figure stay null (nothing is carried over). */
export function levelValues(points: readonly MonthlyPoint[]): Months {
  return byMonth(points, null);
}

/** The month and value of the latest level figure at or before `throughMonth`. */
export function latestLevel(
  points: readonly MonthlyPoint[],
  throughMonth: number,
): { month: number; value: number } | null {
  checkThroughMonth(throughMonth);
  const values = levelValues(points);
  for (let m = throughMonth; m >= 1; m--) {
    const value = values[m - 1];
    if (value !== null && value !== undefined) return { month: m, value };
  }
  return null;
}

/**
 * Flow: the total Jan..throughMonth, null when a month in it is unknown. Level: the latest
 * value at or before throughMonth.
 */
export function cumulativeActual(
  kind: IndicatorKind,
  points: readonly MonthlyPoint[],
  throughMonth: number,
): number | null {
  if (kind === 'level') return latestLevel(points, throughMonth)?.value ?? null;
  checkThroughMonth(throughMonth);
  return flowTotals(points)[throughMonth - 1] ?? null;
}

/**
 * Twelve entries. Flow: each month's own value, taken as the difference of consecutive totals
 * where both are known (so cumulative points are split back into months), else the month's own
 * figure as reported. Level: the month-end values.
 */
export function monthlySeries(kind: IndicatorKind, points: readonly MonthlyPoint[]): (number | null)[] {
  if (kind === 'level') return levelValues(points);
  const totals = flowTotals(points);
  const own = byMonth(points, false);
  return totals.map((total, i) => {
    const before = i === 0 ? 0 : totals[i - 1];
    if (total !== null && before !== null && before !== undefined) return total - before;
    return own[i] ?? null;
  });
}
