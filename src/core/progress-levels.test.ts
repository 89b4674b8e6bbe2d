import { describe, expect, it } from 'vitest';
import { computeProgress, type ProgressInput } from './progress.js';
import { level, months, progressInput, total, yearShaped } from './test-points.js';

const input = (overrides: Partial<ProgressInput>): ProgressInput => progressInput('level', overrides);

describe('increasing level (forest cover, standard schools)', () => {
  it('follows the straight path from the baseline to the target', () => {
    // 70% at the start of the year, 72% planned: by September the path is at 71,5%.
    const p = computeProgress(input({ target: 72, baseline: 70, current: [level(6, 70.8), level(9, 71)] }));
    expect(p.actual).toBe(71);
    expect(p.percentOfTarget).toBeCloseTo(98.611, 3);
    expect(p.percentMethod).toBe('ratio');
    expect(p.expectedPercent).toBeCloseTo(99.306, 3);
    expect(p.expectedMethod).toBe('baseline_linear');
    expect(p.pace).toBeCloseTo(0.993, 3);
    expect(p.status).toBe('on_track');
  });

  it('is linear without a baseline', () => {
    const p = computeProgress(input({ target: 72, current: [level(9, 71)] }));
    expect(p.expectedPercent).toBe(75);
    expect(p.expectedMethod).toBe('linear');
  });

  it('is linear when the target gives no ratio', () => {
    const p = computeProgress(input({ target: 0, baseline: 5, current: [level(9, -1)] }));
    expect(p.expectedMethod).toBe('linear');
    expect(p.percentOfTarget).toBeNull();
  });

  it('is linear without a target, and has no status then', () => {
    const p = computeProgress(input({ target: null, baseline: 70, current: [level(9, 71)] }));
    expect(p.expectedMethod).toBe('linear');
    expect(p.status).toBe('no_data');
  });

  it('has no pace when the path to the target expects nothing above zero', () => {
    // From −100 to 10: by March the path is at −72,5, a ratio that measures nothing.
    const p = computeProgress(
      input({ target: 10, baseline: -100, throughMonth: 3, current: [level(3, -50)] }),
    );
    expect(p.expectedPercent).toBeCloseTo(-725, 10);
    expect(p.pace).toBeNull();
    expect(p.status).toBe('no_data');
  });

  it('is achieved once the value reaches the target', () => {
    expect(computeProgress(input({ target: 72, baseline: 70, current: [level(3, 72)] })).status).toBe(
      'achieved',
    );
  });

  it('uses the latest value at or before M', () => {
    const p = computeProgress(input({ throughMonth: 8, current: [level(6, 60), level(9, 90)] }));
    expect(p.actual).toBe(60);
  });
});

describe('decreasing level (poverty rate): the reduction from the baseline', () => {
  // 5% poor households at the start of 2021, the plan cuts it to 4%.
  const poverty = (actual: number, overrides: Partial<ProgressInput> = {}) =>
    computeProgress(
      input({
        direction: 'decrease',
        target: 4,
        baseline: 5,
        throughMonth: 6,
        current: [level(6, actual)],
        ...overrides,
      }),
    );

  it('measures the cut achieved against the cut planned', () => {
    const p = poverty(4.6);
    expect(p.percentOfTarget).toBeCloseTo(40, 10);
    expect(p.percentMethod).toBe('reduction');
    expect(p.expectedPercent).toBe(50);
    expect(p.expectedMethod).toBe('baseline_linear');
    expect(p.pace).toBeCloseTo(0.8, 10);
    expect(p.status).toBe('at_risk');
  });

  it('is on track halfway through the cut at midyear', () => {
    expect(poverty(4.5).status).toBe('on_track');
  });

  it('is achieved at or below the target', () => {
    expect(poverty(4).status).toBe('achieved');
    expect(poverty(3.9).percentOfTarget).toBeCloseTo(110, 10);
  });

  it('scores a rise above the baseline below zero', () => {
    expect(poverty(5.5).percentOfTarget).toBeCloseTo(-50, 10);
    expect(poverty(5.5).status).toBe('at_risk');
  });

  it.each([
    ['missing', null],
    ['equal to the target', 4],
    ['below the target', 3.5],
  ])('has no percent when the baseline is %s, but a met target still counts', (_, baseline) => {
    const over = poverty(4.5, { baseline });
    expect(over.percentOfTarget).toBeNull();
    expect(over.percentMethod).toBeNull();
    expect(over.expectedMethod).toBe('linear');
    expect(over.pace).toBeNull();
    expect(over.status).toBe('no_data');
    expect(poverty(3.8, { baseline }).status).toBe('achieved');
  });
});

describe('decreasing flow (traffic accidents): the cut so far against the baseline due so far', () => {
  // 100 accidents last year, at most 90 planned this year.
  const accidents = (actual: number, throughMonth = 9, overrides: Partial<ProgressInput> = {}) =>
    computeProgress(
      input({
        kind: 'flow',
        direction: 'decrease',
        target: 90,
        baseline: 100,
        throughMonth,
        current: [total(throughMonth, actual)],
        ...overrides,
      }),
    );

  it('is on pace when the forecast lands on the target', () => {
    const p = accidents(67.5);
    expect(p.percentOfTarget).toBeCloseTo(75, 10);
    expect(p.percentMethod).toBe('reduction');
    expect(p.expectedPercent).toBe(75);
    expect(p.pace).toBeCloseTo(1, 10);
    expect(p.forecast).toBeCloseTo(90, 10);
    expect(p.status).toBe('on_track');
  });

  it('is at risk when the forecast overshoots the cap', () => {
    const p = accidents(70);
    expect(p.percentOfTarget).toBeCloseTo(50, 10);
    expect(p.pace).toBeCloseTo(2 / 3, 10);
    expect(p.forecast).toBeCloseTo(93.33, 2);
    expect(p.status).toBe('at_risk');
  });

  it('is achieved once the cut so far covers the whole planned cut', () => {
    expect(accidents(65).percentOfTarget).toBeCloseTo(100, 10);
    expect(accidents(65).status).toBe('achieved');
  });

  it('at year end is the plain reduction', () => {
    expect(accidents(89, 12).percentOfTarget).toBeCloseTo(110, 10);
    expect(accidents(89, 12).status).toBe('achieved');
    expect(accidents(95, 12).status).toBe('at_risk');
  });

  it('follows the season of earlier years', () => {
    // Half of last year's accidents had happened by September: 50 due, 45 allowed.
    const shape = [5, 5, 5, 5, 5, 5, 6, 7, 7, 15, 15, 20];
    const p = accidents(45, 9, { previousYears: [yearShaped(shape, 100)] });
    expect(p.expectedPercent).toBeCloseTo(50, 10);
    expect(p.expectedMethod).toBe('seasonal');
    expect(p.percentOfTarget).toBeCloseTo(50, 10);
    expect(p.pace).toBeCloseTo(1, 10);
    expect(p.forecast).toBeCloseTo(90, 10);
  });

  it('without a baseline can only be judged at year end', () => {
    expect(accidents(60, 9, { baseline: null }).status).toBe('no_data');
    expect(accidents(85, 12, { baseline: null }).status).toBe('achieved');
    expect(accidents(95, 12, { baseline: null }).status).toBe('no_data');
  });
});

describe('same period last year', () => {
  it('flow: the same cumulative window', () => {
    const p = computeProgress(
      input({ kind: 'flow', current: [total(9, 2404)], previousYears: [[total(9, 2000), total(12, 2800)]] }),
    );
    expect(p.samePeriodActual).toBe(2000);
    expect(p.changeVsSamePeriodPct).toBeCloseTo(20.2, 10);
  });

  it('level: the value at M last year, or the latest before it', () => {
    const p = computeProgress(input({ current: [level(9, 4.5)], previousYears: [[level(6, 5)]] }));
    expect(p.samePeriodActual).toBe(5);
    expect(p.changeVsSamePeriodPct).toBeCloseTo(-10, 10);
  });

  it('reads a rise from a negative figure as a rise', () => {
    const p = computeProgress(
      input({ kind: 'flow', current: [total(9, -5)], previousYears: [[total(9, -10)]] }),
    );
    expect(p.changeVsSamePeriodPct).toBe(50);
  });

  it.each([
    ['no earlier year', []],
    ['no figure last year', [[]]],
    ['a gap in last year', [months([1, null, 3, 4, 5, 6, 7, 8, 9])]],
  ])('is null with %s', (_, previousYears) => {
    const p = computeProgress(input({ kind: 'flow', current: [total(9, 10)], previousYears }));
    expect(p.samePeriodActual).toBeNull();
    expect(p.changeVsSamePeriodPct).toBeNull();
  });

  it('gives last year but no change when last year was zero or this year is missing', () => {
    const zero = computeProgress(
      input({ kind: 'flow', current: [total(9, 10)], previousYears: [[total(9, 0)]] }),
    );
    expect(zero.samePeriodActual).toBe(0);
    expect(zero.changeVsSamePeriodPct).toBeNull();
    const missing = computeProgress(input({ kind: 'flow', previousYears: [[total(9, 8)]] }));
    expect(missing.samePeriodActual).toBe(8);
    expect(missing.changeVsSamePeriodPct).toBeNull();
  });
});

describe('forecast of a level', () => {
  it('extends the trend of this year to December', () => {
    const p = computeProgress(input({ current: [level(3, 5), level(6, 4.7), level(9, 4.4)] }));
    expect(p.forecast).toBeCloseTo(4.1, 10);
    expect(p.forecastMethod).toBe('trend');
  });

  it('fits a least-squares line through scattered points', () => {
    const p = computeProgress(input({ current: [level(1, 1), level(2, 3), level(3, 2)] }));
    // slope 0,5 through the mean (2; 2): 2 + 0,5 × 10 = 7.
    expect(p.forecast).toBeCloseTo(7, 10);
  });

  it('ignores figures after M', () => {
    const p = computeProgress(input({ throughMonth: 6, current: [level(3, 5), level(6, 4.7), level(9, 9)] }));
    expect(p.forecast).toBeCloseTo(4.1, 10);
  });

  it('takes the latest value with a single point, or once December is known', () => {
    const single = computeProgress(input({ current: [level(6, 40)] }));
    expect(single.forecast).toBe(40);
    expect(single.forecastMethod).toBe('latest');
    const december = computeProgress(input({ throughMonth: 12, current: [level(6, 30), level(12, 41)] }));
    expect(december.forecast).toBe(41);
    expect(december.forecastMethod).toBe('latest');
  });

  it('is null with no figure', () => {
    const p = computeProgress(input({ current: [] }));
    expect(p.forecast).toBeNull();
    expect(p.forecastMethod).toBeNull();
  });
});
