import { describe, expect, it } from 'vitest';
import {
  computeProgress,
  DEFAULT_PROGRESS_SETTINGS,
  type MonthlyPoint,
  type ProgressInput,
  seasonalShare,
} from './progress.js';
import { months, progressInput, total, yearShaped } from './test-points.js';

/** An increasing flow with no history; override what a case is about. */
const flow = (overrides: Partial<ProgressInput>): ProgressInput => progressInput('flow', overrides);

// Budget revenue arrives late in the year: 60% of it by September.
const BACK_LOADED = [5, 5, 5, 5, 5, 5, 10, 10, 10, 13, 13, 14];
// Retail sales run ahead: 80% of the year by September.
const FRONT_LOADED = [10, 10, 10, 10, 8, 8, 8, 8, 8, 6, 7, 7];

describe('the Bắc Kạn review of 6 October 2021, 9 months, no history', () => {
  it('retail sales: 2.404 of 3.250,4 tỷ is 73,96% NQ, on pace against a linear 75%', () => {
    const p = computeProgress(flow({ target: 3250.4, current: [total(9, 2404)] }));
    expect(p.actual).toBe(2404);
    expect(p.percentOfTarget).toBeCloseTo(73.96, 2);
    expect(p.percentMethod).toBe('ratio');
    expect(p.expectedPercent).toBe(75);
    expect(p.expectedMethod).toBe('linear');
    expect(p.pace).toBeCloseTo(0.986, 3);
    expect(p.status).toBe('on_track');
    expect(p.forecast).toBeCloseTo(3205.33, 2);
    expect(p.forecastMethod).toBe('linear');
  });

  it('budget revenue: 99,273 of 155,1 tỷ is 64% NQ, behind a linear 75%', () => {
    const p = computeProgress(flow({ target: 155.1, current: [total(9, 99.273)] }));
    expect(p.percentOfTarget).toBeCloseTo(64.01, 2);
    expect(p.pace).toBeCloseTo(0.853, 3);
    expect(p.status).toBe('behind');
  });
});

describe('the same review with earlier years that show the season', () => {
  it('back-loaded budget revenue is on pace after all', () => {
    const history = [yearShaped(BACK_LOADED, 140), yearShaped(BACK_LOADED, 120)];
    const p = computeProgress(flow({ target: 155.1, current: [total(9, 99.273)], previousYears: history }));
    expect(p.expectedPercent).toBeCloseTo(60, 10);
    expect(p.expectedMethod).toBe('seasonal');
    expect(p.pace).toBeCloseTo(1.0668, 4);
    expect(p.status).toBe('on_track');
    expect(p.forecast).toBeCloseTo(165.455, 3);
    expect(p.forecastMethod).toBe('seasonal');
  });

  it('front-loaded retail sales fall behind', () => {
    const p = computeProgress(
      flow({ target: 3250.4, current: [total(9, 2404)], previousYears: [yearShaped(FRONT_LOADED, 3000)] }),
    );
    expect(p.expectedPercent).toBeCloseTo(80, 10);
    expect(p.pace).toBeCloseTo(0.9245, 4);
    expect(p.status).toBe('behind');
    expect(p.forecast).toBeCloseTo(3005, 6);
  });
});

describe('seasonalShare', () => {
  it('averages the share reached by the month over the years', () => {
    const history = [yearShaped(BACK_LOADED, 100), yearShaped(FRONT_LOADED, 100)];
    expect(seasonalShare(history, 9)).toBeCloseTo(0.7, 10);
    expect(seasonalShare(history, 12)).toBeCloseTo(1, 10);
  });

  it('uses a year reported only as totals at M and in December', () => {
    expect(seasonalShare([[total(9, 30), total(12, 120)]], 9)).toBe(0.25);
  });

  it('ignores a year whose total is zero or negative', () => {
    const zero = months(Array.from({ length: 12 }, () => 0));
    const negative = [total(9, 10), total(12, -5)];
    expect(seasonalShare([zero, negative, [total(9, 30), total(12, 120)]], 9)).toBe(0.25);
    expect(seasonalShare([zero, negative], 9)).toBeNull();
  });

  it('ignores a year with a month missing through M or December', () => {
    const gapBeforeM = months([10, null, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    const noDecember = months([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(seasonalShare([gapBeforeM, noDecember], 9)).toBeNull();
    // The gap is after M and is bridged by a December total: the year counts.
    const gapAfterM = [...months([10, 10, 10, 10, 10, 10, 10, 10, 10, null, 10]), total(12, 120)];
    expect(seasonalShare([gapAfterM], 9)).toBe(0.75);
  });

  it('gives no yardstick when history expects nothing by the month', () => {
    expect(seasonalShare([[total(1, 0), total(12, 50)]], 1)).toBeNull();
  });

  it('is null with no history', () => {
    expect(seasonalShare([], 9)).toBeNull();
    expect(seasonalShare([[]], 9)).toBeNull();
  });
});

describe('expected percent of a flow', () => {
  it('falls back to linear when no earlier year is usable', () => {
    const p = computeProgress(flow({ throughMonth: 3, previousYears: [[total(12, 0)]] }));
    expect(p.expectedPercent).toBe(25);
    expect(p.expectedMethod).toBe('linear');
  });

  it('is computed even before anything is reported', () => {
    const p = computeProgress(flow({ throughMonth: 6 }));
    expect(p.expectedPercent).toBe(50);
    expect(p.status).toBe('no_data');
  });
});

describe('status, first match wins', () => {
  const atYearEnd = (actual: number, settings = DEFAULT_PROGRESS_SETTINGS) =>
    computeProgress(flow({ throughMonth: 12, current: [total(12, actual)], settings }));

  it('has the documented defaults', () => {
    expect(DEFAULT_PROGRESS_SETTINGS).toEqual({ onTrackPace: 0.95, behindPace: 0.85 });
  });

  it.each([
    [120, 'achieved'],
    [100, 'achieved'],
    [99.99, 'on_track'],
    [95, 'on_track'],
    [94.99, 'behind'],
    [85, 'behind'],
    [84.99, 'at_risk'],
    [0, 'at_risk'],
    [-5, 'at_risk'],
  ])('%d of 100 at year end → %s', (actual, status) => {
    expect(atYearEnd(actual).status).toBe(status);
  });

  it('calls a flow achieved as soon as it reaches the yearly target', () => {
    const p = computeProgress(flow({ throughMonth: 4, current: [total(4, 101)] }));
    expect(p.status).toBe('achieved');
    expect(p.pace).toBeCloseTo(3.03, 2);
  });

  it('reads the thresholds from the settings', () => {
    const lenient = { onTrackPace: 0.5, behindPace: 0.25 };
    expect(atYearEnd(50, lenient).status).toBe('on_track');
    expect(atYearEnd(49, lenient).status).toBe('behind');
    expect(atYearEnd(25, lenient).status).toBe('behind');
    expect(atYearEnd(24, lenient).status).toBe('at_risk');
  });

  it('has no data without an actual', () => {
    const p = computeProgress(flow({ current: months([10, 20]) }));
    expect(p.actual).toBeNull();
    expect(p.percentOfTarget).toBeNull();
    expect(p.percentMethod).toBeNull();
    expect(p.pace).toBeNull();
    expect(p.forecast).toBeNull();
    expect(p.forecastMethod).toBeNull();
    expect(p.status).toBe('no_data');
  });

  it('has no data without a target, though the actual and forecast are still given', () => {
    const p = computeProgress(flow({ target: null, current: [total(9, 75)] }));
    expect(p.actual).toBe(75);
    expect(p.percentOfTarget).toBeNull();
    expect(p.forecast).toBe(100);
    expect(p.status).toBe('no_data');
  });

  it('has no ratio for a target of zero or below, yet meeting it counts', () => {
    const zero = computeProgress(flow({ target: 0, current: [total(9, 3)] }));
    expect(zero.percentOfTarget).toBeNull();
    expect(zero.status).toBe('achieved');
    const below = computeProgress(flow({ target: 0, current: [total(9, -3)] }));
    expect(below.status).toBe('no_data');
  });
});

describe('input checks', () => {
  it('refuses a month outside 1..12', () => {
    expect(() => computeProgress(flow({ throughMonth: 0 }))).toThrow(RangeError);
    expect(() => computeProgress(flow({ throughMonth: 13 }))).toThrow(RangeError);
  });

  it('refuses a malformed point in history', () => {
    const bad: MonthlyPoint[] = [{ month: 14, value: 1, cumulative: true }];
    expect(() => computeProgress(flow({ previousYears: [bad] }))).toThrow(RangeError);
  });
});
