/**
 * Progress of one indicator of one unit against its yearly target, through month M: the
 * "đạt 2.404 tỷ đồng, bằng 73,96% NQ" of a review, whether that is on pace, and where the year
 * is heading. Nothing is rounded here; rounding belongs to presentation (numbers.ts).
 */

import {
  cumulativeActual,
  flowTotals,
  type IndicatorKind,
  levelValues,
  type MonthlyPoint,
} from './series.js';

export type { IndicatorKind, MonthlyPoint } from './series.js';
export { cumulativeActual, flowTotals, latestLevel, monthlySeries } from './series.js';

export type Direction = 'increase' | 'decrease';
export type ProgressStatus = 'achieved' | 'on_track' | 'behind' | 'at_risk' | 'no_data';

export interface ProgressSettings {
  onTrackPace: number;
  behindPace: number;
}

export const DEFAULT_PROGRESS_SETTINGS: ProgressSettings = { onTrackPace: 0.95, behindPace: 0.85 };

export interface ProgressInput {
  kind: IndicatorKind;
  direction: Direction;
  /** Yearly target. */
  target: number | null;
  /**
   * Value at the start of the year: needed for decrease indicators, useful for levels. For a
   * decrease flow (accidents, crimes) it is last year's total, the figure the cut is planned from.
   */
  baseline: number | null;
  /** 1..12 */
  throughMonth: number;
  current: readonly MonthlyPoint[];
  /** Index 0 = last year, 1 = the year before, ... */
  previousYears: readonly (readonly MonthlyPoint[])[];
  settings?: ProgressSettings;
}

export interface Progress {
  actual: number | null;
  percentOfTarget: number | null;
  /** 'reduction' for decrease indicators: (baseline − actual) / (baseline − target) × 100. */
  percentMethod: 'ratio' | 'reduction' | null;
  expectedPercent: number | null;
  expectedMethod: 'linear' | 'seasonal' | 'baseline_linear' | null;
  pace: number | null;
  status: ProgressStatus;
  samePeriodActual: number | null;
  changeVsSamePeriodPct: number | null;
  forecast: number | null;
  forecastMethod: 'seasonal' | 'linear' | 'trend' | 'latest' | null;
}

/**
 * The share of the yearly total a flow had reached by month M, averaged over earlier years.
 * A year counts only if its totals at M and at December are known and the year's total is
 * positive (a share of zero or of a negative total means nothing). Null when no year counts,
 * or when the average is not positive: a yardstick of zero can measure no pace and would make
 * the forecast divide by zero.
 */
export function seasonalShare(
  previousYears: readonly (readonly MonthlyPoint[])[],
  month: number,
): number | null {
  const shares: number[] = [];
  for (const points of previousYears) {
    const totals = flowTotals(points);
    const atMonth = totals[month - 1];
    const total = totals[11];
    if (atMonth == null || total == null || total <= 0) continue;
    shares.push(atMonth / total);
  }
  if (shares.length === 0) return null;
  const average = shares.reduce((a, b) => a + b, 0) / shares.length;
  return average > 0 ? average : null;
}

interface Expected {
  /** Share of the year's flow expected by M (flows only; 1 for levels). */
  share: number;
  percent: number;
  method: 'linear' | 'seasonal' | 'baseline_linear';
}

/** The cut a decrease target plans (baseline − target); null unless the baseline is above it. */
function plannedCut(baseline: number | null, target: number | null): number | null {
  return baseline !== null && target !== null && baseline > target ? baseline - target : null;
}

type FlowExpected = Expected & { method: 'seasonal' | 'linear' };

function flowExpected(input: ProgressInput): FlowExpected {
  const seasonal = seasonalShare(input.previousYears, input.throughMonth);
  if (seasonal !== null) return { share: seasonal, percent: seasonal * 100, method: 'seasonal' };
  const linear = input.throughMonth / 12;
  return { share: linear, percent: linear * 100, method: 'linear' };
}

function levelExpected(input: ProgressInput): Expected {
  const { direction, target, baseline, throughMonth: m } = input;
  const linear = m / 12;
  // A level moves from where the year started towards the target. In the reduction metric
  // that path scores m/12 of the cut; in the ratio metric it scores path/target.
  if (direction === 'decrease' && plannedCut(baseline, target) !== null) {
    return { share: 1, percent: linear * 100, method: 'baseline_linear' };
  }
  if (direction === 'increase' && baseline !== null && target !== null && target > 0) {
    const path = baseline + (target - baseline) * linear;
    return { share: 1, percent: (path / target) * 100, method: 'baseline_linear' };
  }
  return { share: 1, percent: linear * 100, method: 'linear' };
}

/**
 * Increase: the ratio to the target (null for a target of zero or below, where a ratio says
 * nothing). Decrease: the share of the planned cut achieved. For a flow the baseline is a
 * whole year, so the cut so far is measured against the part of the baseline due by M
 * (baseline × expected share): a unit with 60 accidents by September against 100 last year is
 * credited with the 15 it avoided, not with 40. The pace then equals the reduction metric of
 * the forecast, so "on pace" and "forecast meets the target" agree.
 */
function percentOfTarget(
  input: ProgressInput,
  actual: number,
  share: number,
): Pick<Progress, 'percentOfTarget' | 'percentMethod'> {
  const { direction, target, baseline } = input;
  if (direction === 'increase') {
    if (target === null || target <= 0) return { percentOfTarget: null, percentMethod: null };
    return { percentOfTarget: (actual / target) * 100, percentMethod: 'ratio' };
  }
  const cut = plannedCut(baseline, target);
  if (cut === null || baseline === null) return { percentOfTarget: null, percentMethod: null };
  return { percentOfTarget: ((baseline * share - actual) / cut) * 100, percentMethod: 'reduction' };
}

/**
 * Met outright, even where no percentage can be computed (a decrease level with no baseline).
 * A decrease flow can only be known to stay under its cap once the year is complete.
 */
function targetMet(input: ProgressInput, actual: number, target: number): boolean {
  if (input.direction === 'increase') return actual >= target;
  return (input.kind === 'level' || input.throughMonth === 12) && actual <= target;
}

function status(
  input: ProgressInput,
  actual: number | null,
  percent: number | null,
  pace: number | null,
): ProgressStatus {
  const { target } = input;
  if (actual === null || target === null) return 'no_data';
  if ((percent !== null && percent >= 100) || targetMet(input, actual, target)) return 'achieved';
  // Data exist but no yardstick does (say a decrease with no baseline): nothing to judge by.
  if (pace === null) return 'no_data';
  const settings = input.settings ?? DEFAULT_PROGRESS_SETTINGS;
  if (pace >= settings.onTrackPace) return 'on_track';
  if (pace >= settings.behindPace) return 'behind';
  return 'at_risk';
}

/** Least-squares line through the month-end values, read at December. */
function levelForecast(
  points: readonly MonthlyPoint[],
  throughMonth: number,
): Pick<Progress, 'forecast' | 'forecastMethod'> {
  const known = levelValues(points)
    .slice(0, throughMonth)
    .flatMap((value, i) => (value === null ? [] : [{ x: i + 1, y: value }]));
  const latest = known.at(-1);
  if (!latest) return { forecast: null, forecastMethod: null };
  // December itself is known: the year-end value is no longer a forecast.
  if (known.length < 2 || latest.x === 12) return { forecast: latest.y, forecastMethod: 'latest' };
  const n = known.length;
  const meanX = known.reduce((s, p) => s + p.x, 0) / n;
  const meanY = known.reduce((s, p) => s + p.y, 0) / n;
  const sxy = known.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  const sxx = known.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  return { forecast: meanY + (sxy / sxx) * (12 - meanX), forecastMethod: 'trend' };
}

/** The year's total implied by the share of it expected by M. */
function flowForecast(
  actual: number | null,
  expected: FlowExpected,
): Pick<Progress, 'forecast' | 'forecastMethod'> {
  if (actual === null) return { forecast: null, forecastMethod: null };
  return { forecast: actual / expected.share, forecastMethod: expected.method };
}

/** Last year read the way this year is: the same months' total, or the latest level by M. */
function samePeriod(input: ProgressInput, actual: number | null) {
  const lastYear = input.previousYears[0];
  const samePeriodActual = lastYear ? cumulativeActual(input.kind, lastYear, input.throughMonth) : null;
  // Divide by the magnitude so that a rise from a negative figure still reads as a rise.
  const changeVsSamePeriodPct =
    actual === null || samePeriodActual === null || samePeriodActual === 0
      ? null
      : ((actual - samePeriodActual) / Math.abs(samePeriodActual)) * 100;
  return { samePeriodActual, changeVsSamePeriodPct };
}

export function computeProgress(input: ProgressInput): Progress {
  const actual = cumulativeActual(input.kind, input.current, input.throughMonth);
  const flow = input.kind === 'flow' ? flowExpected(input) : null;
  const exp = flow ?? levelExpected(input);
  const percent =
    actual === null
      ? { percentOfTarget: null, percentMethod: null }
      : percentOfTarget(input, actual, exp.share);
  const pace =
    percent.percentOfTarget !== null && exp.percent > 0 ? percent.percentOfTarget / exp.percent : null;
  return {
    actual,
    ...percent,
    expectedPercent: exp.percent,
    expectedMethod: exp.method,
    pace,
    status: status(input, actual, percent.percentOfTarget, pace),
    ...samePeriod(input, actual),
    ...(flow ? flowForecast(actual, flow) : levelForecast(input.current, input.throughMonth)),
  };
}
