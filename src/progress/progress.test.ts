import { expect, it } from 'vitest';
import { InvalidError } from '../errors.js';
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
import { progressFor } from './progress.service.js';

const EVEN = Array.from({ length: 12 }, () => 10);

describeStores('progress', (store) => {
  const ctx = () => testContext(store());

  async function row(plan: string, code: string, period = '2021-09', unitCode?: string) {
    const report = await progressFor(ctx(), { planCode: plan, period, ...(unitCode ? { unitCode } : {}) });
    const found = report.indicators.find((i) => i.code === code);
    if (!found) throw new Error(`no row ${code}`);
    return found;
  }

  it('takes the unit’s own figure over its wards, never both', async () => {
    const t = await makeTree(ctx(), 2);
    const { plan, indicators } = await makePlan(ctx(), t.city, [{ target: 200 }]);
    const code = indicators[0] as string;
    await record(ctx(), [
      ...months(plan, code, t.city, 2021, [10, 10, 10]),
      ...months(plan, code, t.wards[0] as string, 2021, [4, 4, 4]),
      ...months(plan, code, t.wards[1] as string, 2021, [5, 5, 5]),
    ]);
    expect((await row(plan, code, '2021-03')).actual).toBe(30);
    expect((await row(plan, code, '2021-03', t.wards[1])).actual).toBe(15);
  });

  it('sums the wards where the unit reported nothing, and reconciles a cumulative total', async () => {
    const t = await makeTree(ctx(), 2);
    const { plan, indicators } = await makePlan(ctx(), t.city, [{ target: 200 }]);
    const code = indicators[0] as string;
    const [a, b] = t.wards as [string, string];
    await record(ctx(), [
      ...months(plan, code, a, 2021, [10, 10, 10, 10]),
      // Ward B sends January and February, then "4 tháng ước đạt 50" as one running total.
      ...months(plan, code, b, 2021, [12, 13]),
      { planCode: plan, indicatorCode: code, unitCode: b, period: '2021-04', value: 50, cumulative: true },
    ]);
    const r = await row(plan, code, '2021-04');
    expect(r.actual).toBe(90);
    expect(r.percentOfTarget).toBe(45);
    expect(r.target).toBe(200);
    expect((await row(plan, code, '2021-04', b)).actual).toBe(50);
    // Ward B's March is unknown until its April total, so neither B's nor the city's March is known.
    expect((await row(plan, code, '2021-03', b)).actual).toBeNull();
    expect((await row(plan, code, '2021-03')).actual).toBeNull();
    expect((await row(plan, code, '2021-02')).actual).toBe(45);
  });

  it('rolls levels up by mean and by a weight', async () => {
    const t = await makeTree(ctx(), 2);
    const people = await makePopulation(ctx(), t.city);
    const { plan, indicators } = await makePlan(ctx(), t.city, [
      { kind: 'level', measureUnit: '%', rollup: 'mean', target: 100 },
      { kind: 'level', measureUnit: '%', rollup: 'weighted', weightIndicatorCode: people, target: 100 },
    ]);
    const [mean, weighted] = indicators as [string, string];
    const [a, b] = t.wards as [string, string];
    await record(ctx(), [
      ...months(plan, mean, a, 2021, [90]),
      ...months(plan, mean, b, 2021, [80]),
      ...months(plan, weighted, a, 2021, [90]),
      ...months(plan, weighted, b, 2021, [80]),
      ...months(plan, people, a, 2021, [3000]),
      ...months(plan, people, b, 2021, [1000]),
    ]);
    expect((await row(plan, mean, '2021-01')).actual).toBe(85);
    expect((await row(plan, weighted, '2021-01')).actual).toBe(87.5);
  });

  it('reads a `none` rollup from the unit alone', async () => {
    const t = await makeTree(ctx(), 1);
    const { plan, indicators } = await makePlan(ctx(), t.city, [
      { kind: 'level', measureUnit: '%', rollup: 'none', target: 80 },
    ]);
    const code = indicators[0] as string;
    await record(ctx(), months(plan, code, t.wards[0] as string, 2021, [70]));
    const r = await row(plan, code, '2021-01');
    expect(r).toMatchObject({ actual: null, status: 'no_data' });
  });

  it('compares a merged ward with what its predecessors did a year earlier', async () => {
    const t = await makeTree(ctx(), 2);
    const { plan, indicators } = await makePlan(ctx(), t.city, [{ target: 300 }], 2022);
    const code = indicators[0] as string;
    const [a, b] = t.wards as [string, string];
    await record(ctx(), [...months(plan, code, a, 2021, EVEN), ...months(plan, code, b, 2021, EVEN)]);
    const merged = uniqueCode('moi');
    await mergeUnits(ctx(), {
      code: merged,
      name: 'Phường Mới',
      level: 'phuong',
      parentCode: t.city,
      predecessorCodes: [a, b],
      on: '2022-01-01',
    });
    await record(ctx(), months(plan, code, merged, 2022, [25, 25, 25]));
    const r = await row(plan, code, '2022-03', merged);
    expect(r.actual).toBe(75);
    expect(r.samePeriodActual).toBe(60);
    expect(r.changeVsSamePeriodPct).toBe(25);
    // The city's own rollup counts the old wards in 2021 and the new one in 2022.
    const city = await row(plan, code, '2022-03');
    expect([city.actual, city.samePeriodActual]).toEqual([75, 60]);
  });

  it('uses last year’s season for the expected pace', async () => {
    const t = await makeTree(ctx(), 0);
    const { plan, indicators } = await makePlan(ctx(), t.city, [{ target: 100 }, { target: 120 }]);
    const [seasonal, linear] = indicators as [string, string];
    await record(ctx(), [
      ...months(plan, seasonal, t.city, 2020, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 89]),
      ...months(plan, seasonal, t.city, 2021, [1, 1, 1]),
      ...months(plan, linear, t.city, 2021, [10, 10, 10]),
    ]);
    const s = await row(plan, seasonal, '2021-03');
    expect(s).toMatchObject({ expectedMethod: 'seasonal', status: 'on_track', forecastMethod: 'seasonal' });
    expect(s.expectedPercent).toBeCloseTo(3, 6);
    expect(s.pace).toBeCloseTo(1, 6);
    expect(s.forecast).toBe(100);
    const l = await row(plan, linear, '2021-03');
    expect(l).toMatchObject({
      expectedMethod: 'linear',
      expectedPercent: 25,
      pace: 1,
      status: 'on_track',
      forecast: 120,
    });
  });

  it('measures a decrease indicator by the reduction from its baseline', async () => {
    const t = await makeTree(ctx(), 0);
    const { plan, indicators } = await makePlan(ctx(), t.city, [
      { kind: 'level', measureUnit: '%', direction: 'decrease', rollup: 'none', target: 1.5, baseline: 2 },
    ]);
    const code = indicators[0] as string;
    await record(ctx(), months(plan, code, t.city, 2021, [1.9, 1.85, 1.8, 1.75, 1.7, 1.65]));
    const r = await row(plan, code, '2021-06');
    expect(r.percentMethod).toBe('reduction');
    expect(r.percentOfTarget).toBeCloseTo(70, 6);
    expect(r.status).toBe('on_track');
  });

  it('refuses a period outside the plan year and a unit outside the plan', async () => {
    const t = await makeTree(ctx(), 0);
    const { plan } = await makePlan(ctx(), t.city, [{ target: 1 }]);
    await expect(progressFor(ctx(), { planCode: plan, period: '2022-01' })).rejects.toMatchObject({
      constructor: InvalidError,
      fields: [{ field: 'period' }],
    });
    await expect(progressFor(ctx(), { planCode: plan, period: '2021-13' })).rejects.toMatchObject({
      fields: [{ field: 'period', message: { vi: expect.stringContaining('YYYY-MM') } }],
    });
    await expect(
      progressFor(ctx(), { planCode: plan, period: '2021-01', unitCode: t.province }),
    ).rejects.toMatchObject({
      fields: [{ field: 'unitCode' }],
    });
  });
});
