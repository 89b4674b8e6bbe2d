import { expect, it } from 'vitest';
import {
  makePlan,
  makePopulation,
  makeTree,
  months,
  record,
  testContext,
  uniqueCode,
} from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { mergeUnits } from '../units/units.service.js';
import { progressForChildren } from './progress.service.js';
import { progressSeries } from './series.service.js';

describeStores('progress drill-down and series', (store) => {
  const ctx = () => testContext(store());

  it('gives each child its own rows from one aggregate, and a merged child its predecessors’ cùng kỳ', async () => {
    const t = await makeTree(ctx(), 3);
    const [a, b, c] = t.wards as [string, string, string];
    const { plan, indicators } = await makePlan(ctx(), t.city, [{ target: 100 }], 2022);
    const code = indicators[0] as string;
    await record(ctx(), [
      ...months(plan, code, a, 2021, [5, 5, 5]),
      ...months(plan, code, b, 2021, [3, 3, 3]),
      ...months(plan, code, c, 2021, [1, 1, 1]),
      ...months(plan, code, c, 2022, [2, 2, 2]),
      ...months(plan, code, t.city, 2022, [50]),
    ]);
    const merged = uniqueCode('ab');
    await mergeUnits(ctx(), {
      code: merged,
      name: 'Phường AB',
      level: 'phuong',
      parentCode: t.city,
      predecessorCodes: [a, b],
      on: '2022-01-01',
    });
    await record(ctx(), months(plan, code, merged, 2022, [10, 10, 10]));
    const report = await progressForChildren(ctx(), { planCode: plan, period: '2022-03' });
    const by = new Map(report.children.map((ch) => [ch.unit, ch.indicators[0]]));
    // A and B ended before 2022, so only C and the merged ward are listed.
    expect([...by.keys()].sort()).toEqual([c, merged].sort());
    expect(by.get(merged)).toMatchObject({ actual: 30, samePeriodActual: 24, changeVsSamePeriodPct: 25 });
    expect(by.get(c)).toMatchObject({ actual: 6, samePeriodActual: 3 });
  });

  it('adds up the units below each child, weighted rollups too', async () => {
    const t = await makeTree(ctx(), 2);
    const people = await makePopulation(ctx(), t.province);
    const { plan, indicators } = await makePlan(ctx(), t.province, [
      { target: 100 },
      { kind: 'level', measureUnit: '%', rollup: 'weighted', weightIndicatorCode: people, target: 100 },
    ]);
    const [flow, rate] = indicators as [string, string];
    const [a, b] = t.wards as [string, string];
    await record(ctx(), [
      ...months(plan, flow, a, 2021, [1, 2]),
      ...months(plan, flow, b, 2021, [3, 4]),
      ...months(plan, rate, a, 2021, [90, 90]),
      ...months(plan, rate, b, 2021, [60, 60]),
      ...months(plan, people, a, 2021, [100, 100]),
      ...months(plan, people, b, 2021, [200, 200]),
    ]);
    const report = await progressForChildren(ctx(), { planCode: plan, period: '2021-02' });
    const city = report.children.find((c) => c.unit === t.city)?.indicators;
    expect(city?.find((i) => i.code === flow)).toMatchObject({ actual: 10 });
    // (90 × 100 + 60 × 200) / 300
    expect(city?.find((i) => i.code === rate)?.actual).toBeCloseTo(70, 9);
  });

  it('returns the months of one indicator for a chart', async () => {
    const t = await makeTree(ctx(), 0);
    const { plan, indicators } = await makePlan(ctx(), t.city, [{ target: 120 }]);
    const code = indicators[0] as string;
    await record(ctx(), [
      ...months(
        plan,
        code,
        t.city,
        2020,
        Array.from({ length: 12 }, () => 8),
      ),
      ...months(plan, code, t.city, 2021, [10, 11, 12]),
    ]);
    const s = await progressSeries(ctx(), { planCode: plan, period: '2021-03', indicatorCode: code });
    expect(s).toMatchObject({ target: 120, basis: 'NQ', throughMonth: 3 });
    expect(s.months.slice(0, 4).map((m) => [m.value, m.actual, m.lastYearActual])).toEqual([
      [10, 10, 8],
      [11, 21, 16],
      [12, 33, 24],
      [null, null, 32],
    ]);
    expect(s.months[2]?.expectedPercent).toBeCloseTo(25, 6);
    expect(s.months[2]?.expectedValue).toBeCloseTo(30, 6);
    await expect(
      progressSeries(ctx(), { planCode: plan, period: '2021-03', indicatorCode: 'khong-co' }),
    ).rejects.toMatchObject({
      fields: [{ field: 'indicatorCode' }],
    });
  });
});
