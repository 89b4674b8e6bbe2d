import { describe, expect, it } from 'vitest';
import { cumulativeActual, flowTotals, latestLevel, levelValues, monthlySeries } from './series.js';
import { level, months, total } from './test-points.js';

const nulls = (n: number) => Array.from({ length: n }, () => null);

describe('flowTotals', () => {
  it('adds month values into running totals', () => {
    expect(flowTotals(months([10, 20, 30]))).toEqual([10, 30, 60, ...nulls(9)]);
  });

  it('takes a cumulative point as the total at its month and adds the months after it', () => {
    expect(flowTotals([total(9, 2404), ...months([250, 260], 10)])).toEqual([
      ...nulls(8),
      2404,
      2654,
      2914,
      null,
    ]);
  });

  it('lets a cumulative point supersede month values that disagree with it', () => {
    const points = [...months([10, 20, 30, 40]), total(3, 100)];
    expect(flowTotals(points)).toEqual([10, 30, 100, 140, ...nulls(8)]);
  });

  it('leaves totals unknown after a missing month, until the next cumulative point', () => {
    const points = [...months([10, null, 30, 40]), total(5, 200), ...months([5], 6)];
    expect(flowTotals(points)).toEqual([10, null, null, null, 200, 205, ...nulls(6)]);
  });

  it('lets the later revision of the same month win', () => {
    expect(flowTotals([...months([10]), ...months([12])])[0]).toBe(12);
    expect(flowTotals([total(2, 30), total(2, 35)])[1]).toBe(35);
  });

  it('refuses a month outside 1..12 or a value that is not a number', () => {
    expect(() => flowTotals([{ month: 13, value: 1, cumulative: false }])).toThrow(RangeError);
    expect(() => flowTotals([{ month: 0, value: 1, cumulative: true }])).toThrow(RangeError);
    expect(() => flowTotals([{ month: 2.5, value: 1, cumulative: false }])).toThrow(RangeError);
    expect(() => flowTotals([{ month: 2, value: Number.NaN, cumulative: false }])).toThrow(RangeError);
  });
});

describe('cumulativeActual', () => {
  it('flow: the total through the month', () => {
    expect(cumulativeActual('flow', months([10, 20, 30]), 2)).toBe(30);
    expect(cumulativeActual('flow', [total(9, 2404)], 9)).toBe(2404);
  });

  it('flow: null when a month through M is missing, or nothing was reported', () => {
    expect(cumulativeActual('flow', months([10, 20]), 3)).toBeNull();
    expect(cumulativeActual('flow', months([10, null, 30]), 3)).toBeNull();
    expect(cumulativeActual('flow', [], 1)).toBeNull();
  });

  it('flow: ignores figures after M', () => {
    expect(cumulativeActual('flow', [...months([10, 20]), total(3, 999)], 2)).toBe(30);
  });

  it('level: the latest value at or before M, whatever its cumulative flag', () => {
    const points = [level(3, 5.2), level(6, 4.8), { month: 9, value: 4.1, cumulative: true }];
    expect(cumulativeActual('level', points, 6)).toBe(4.8);
    expect(cumulativeActual('level', points, 8)).toBe(4.8);
    expect(cumulativeActual('level', points, 9)).toBe(4.1);
    expect(cumulativeActual('level', points, 2)).toBeNull();
  });

  it('refuses a month outside 1..12', () => {
    expect(() => cumulativeActual('flow', [], 0)).toThrow(RangeError);
    expect(() => cumulativeActual('level', [], 13)).toThrow(RangeError);
  });
});

describe('latestLevel', () => {
  it('names the month the value comes from', () => {
    expect(latestLevel([level(3, 5.2), level(6, 4.8)], 9)).toEqual({ month: 6, value: 4.8 });
    expect(latestLevel([], 9)).toBeNull();
  });
});

describe('levelValues', () => {
  it('keeps month-end values and carries nothing over', () => {
    expect(levelValues([level(3, 5.2), level(6, 4.8)])).toEqual([
      null,
      null,
      5.2,
      null,
      null,
      4.8,
      ...nulls(6),
    ]);
  });
});

describe('monthlySeries', () => {
  it('flow: month values as reported', () => {
    expect(monthlySeries('flow', months([10, 20, 30]))).toEqual([10, 20, 30, ...nulls(9)]);
  });

  it('flow: splits a cumulative point back into its month', () => {
    const points = [...months([10, 20]), total(3, 100), ...months([5], 4)];
    expect(monthlySeries('flow', points)).toEqual([10, 20, 70, 5, ...nulls(8)]);
  });

  it('flow: a cumulative point in January is January itself', () => {
    expect(monthlySeries('flow', [total(1, 42)])).toEqual([42, ...nulls(11)]);
  });

  it('flow: keeps a month value where the totals around it are unknown', () => {
    const points = [...months([10, null, 30])];
    expect(monthlySeries('flow', points)).toEqual([10, null, 30, ...nulls(9)]);
  });

  it('flow: cannot split a cumulative point that follows a gap', () => {
    const points = [...months([10, null]), total(3, 100), ...months([5], 4)];
    expect(monthlySeries('flow', points)).toEqual([10, null, null, 5, ...nulls(8)]);
  });

  it('flow: the series adds up to the cumulative actual', () => {
    const points = [...months([10, 20, 30, 40, 50]), total(6, 250), ...months([15, 25], 7)];
    const series = monthlySeries('flow', points).slice(0, 8) as number[];
    expect(series).toEqual([10, 20, 30, 40, 50, 100, 15, 25]);
    expect(series.reduce((a, b) => a + b, 0)).toBe(cumulativeActual('flow', points, 8));
  });

  it('level: month-end values', () => {
    expect(monthlySeries('level', [level(12, 40.1)])).toEqual([...nulls(11), 40.1]);
  });
});
