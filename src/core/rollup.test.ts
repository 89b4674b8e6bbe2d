import { describe, expect, it } from 'vitest';
import { type RollupItem, rollupValues, type UnitLineage, unitsStandingFor } from './rollup.js';

const values = (...vs: (number | null)[]): RollupItem[] => vs.map((value) => ({ value }));

describe('rollupValues', () => {
  it('sums, skipping missing values', () => {
    expect(rollupValues('sum', values(10, 20, 30))).toBe(60);
    expect(rollupValues('sum', values(10, null, 30))).toBe(40);
    expect(rollupValues('sum', values(-5, 5))).toBe(0);
  });

  it('averages over the values present only', () => {
    expect(rollupValues('mean', values(10, 20))).toBe(15);
    expect(rollupValues('mean', values(10, null, 20))).toBe(15);
  });

  it('ignores NaN and infinite values like missing ones', () => {
    expect(rollupValues('sum', values(10, Number.NaN, Number.POSITIVE_INFINITY))).toBe(10);
  });

  it('weights by the weight, leaving out items with none', () => {
    const items: RollupItem[] = [
      { value: 10, weight: 1000 },
      { value: 20, weight: 3000 },
      { value: 99, weight: null },
      { value: 99 },
      { value: null, weight: 500 },
    ];
    expect(rollupValues('weighted', items)).toBe(17.5);
  });

  it('leaves out negative weights and keeps zero weights harmlessly', () => {
    const items: RollupItem[] = [
      { value: 10, weight: 2 },
      { value: 50, weight: -2 },
      { value: 70, weight: 0 },
    ];
    expect(rollupValues('weighted', items)).toBe(10);
  });

  it('is null when nothing can be rolled up', () => {
    expect(rollupValues('sum', [])).toBeNull();
    expect(rollupValues('mean', values(null, null))).toBeNull();
    expect(rollupValues('weighted', [{ value: 5 }])).toBeNull();
    expect(rollupValues('weighted', [{ value: 5, weight: 0 }])).toBeNull();
  });

  it("is always null for 'none'", () => {
    expect(rollupValues('none', values(1, 2, 3))).toBeNull();
  });
});

const unit = (
  id: number,
  validFrom: string | null,
  validTo: string | null,
  predecessorIds: number[] = [],
): [number, UnitLineage] => [id, { id, validFrom, validTo, predecessorIds }];

describe('unitsStandingFor', () => {
  // Communes 1, 2, 3 merge on 2025-07-01 into 10 (from 1 and 2) and 11 (from 3 alone).
  // District-era commune 4 merged into 2 on 2020-01-01. Unit 20 later merged 10 and 11.
  const tree = new Map([
    unit(4, null, '2020-01-01'),
    unit(1, null, '2025-07-01'),
    unit(2, '2020-01-01', '2025-07-01', [4]),
    unit(3, null, '2025-07-01'),
    unit(10, '2025-07-01', '2027-01-01', [1, 2]),
    unit(11, '2025-07-01', '2027-01-01', [3]),
    unit(20, '2027-01-01', null, [10, 11]),
  ]);

  it('a unit that existed stands for itself', () => {
    expect(unitsStandingFor(1, '2024-09-30', tree)).toEqual([1]);
    expect(unitsStandingFor(10, '2025-09-30', tree)).toEqual([10]);
  });

  it('counts validFrom as inclusive and validTo as exclusive', () => {
    expect(unitsStandingFor(10, '2025-07-01', tree)).toEqual([10]);
    expect(unitsStandingFor(10, '2025-06-30', tree)).toEqual([1, 2]);
  });

  it('a merged unit stands for its predecessors as of the date', () => {
    expect(unitsStandingFor(10, '2024-09-30', tree)).toEqual([1, 2]);
    expect(unitsStandingFor(11, '2024-09-30', tree)).toEqual([3]);
  });

  it('follows mergers of mergers back as far as needed', () => {
    expect(unitsStandingFor(20, '2026-09-30', tree)).toEqual([10, 11]);
    expect(unitsStandingFor(20, '2024-09-30', tree)).toEqual([1, 2, 3]);
    expect(unitsStandingFor(20, '2019-09-30', tree)).toEqual([1, 4, 3]);
  });

  it('deduplicates an ancestor reached along two paths', () => {
    const diamond = new Map([
      unit(1, null, '2020-01-01'),
      unit(2, '2020-01-01', '2022-01-01', [1]),
      unit(3, '2020-01-01', '2022-01-01', [1]),
      unit(4, '2022-01-01', null, [2, 3]),
    ]);
    expect(unitsStandingFor(4, '2019-06-01', diamond)).toEqual([1]);
  });

  it('gives each successor of a split the whole predecessor', () => {
    const split = new Map([
      unit(1, null, '2022-01-01'),
      unit(2, '2022-01-01', null, [1]),
      unit(3, '2022-01-01', null, [1]),
    ]);
    expect(unitsStandingFor(2, '2021-06-01', split)).toEqual([1]);
    expect(unitsStandingFor(3, '2021-06-01', split)).toEqual([1]);
  });

  it('survives a cycle in bad data', () => {
    const cycle = new Map([unit(1, '2022-01-01', null, [2]), unit(2, '2022-01-01', null, [1])]);
    expect(unitsStandingFor(1, '2021-06-01', cycle)).toEqual([]);
  });

  it('stands for nothing when the unit is unknown or had already ended', () => {
    expect(unitsStandingFor(99, '2024-09-30', tree)).toEqual([]);
    expect(unitsStandingFor(1, '2026-01-01', tree)).toEqual([]);
    expect(unitsStandingFor(10, '2024-09-30', new Map([unit(10, '2025-07-01', null, [1])]))).toEqual([]);
  });

  it('a unit created later with no predecessors stands for nothing', () => {
    const fresh = new Map([unit(5, '2023-01-01', null)]);
    expect(unitsStandingFor(5, '2022-06-01', fresh)).toEqual([]);
  });
});
