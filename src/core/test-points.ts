import type { ProgressInput } from './progress.js';
import type { MonthlyPoint } from './series.js';

/**
 * Test factories. `months([10, 20, 30])` is January 10, February 20, March 30, each the month's
 * own value; null leaves a month out. `total(9, 2404)` is "9 tháng đạt 2.404".
 */
export function months(values: readonly (number | null)[], startMonth = 1): MonthlyPoint[] {
  return values.flatMap((value, i) =>
    value === null ? [] : [{ month: startMonth + i, value, cumulative: false }],
  );
}

export function total(month: number, value: number): MonthlyPoint {
  return { month, value, cumulative: true };
}

export function level(month: number, value: number): MonthlyPoint {
  return { month, value, cumulative: false };
}

/** A year whose monthly values follow `shape` and add up to `yearTotal`. */
export function yearShaped(shape: readonly number[], yearTotal: number): MonthlyPoint[] {
  const sum = shape.reduce((a, b) => a + b, 0);
  return months(shape.map((s) => (s / sum) * yearTotal));
}

/** A progress input with no history and a target of 100; a case overrides what it is about. */
export function progressInput(kind: ProgressInput['kind'], overrides: Partial<ProgressInput>): ProgressInput {
  return {
    kind,
    direction: 'increase',
    target: 100,
    baseline: null,
    throughMonth: 9,
    current: [],
    previousYears: [],
    ...overrides,
  };
}
