import { expect, it } from 'vitest';
import type { ServiceContext } from '../context.js';
import { findIndicator } from '../plans/plans.repo.js';
import { makePlan, makePopulation, months, record, testContext, uniqueCode } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { findUnitByCode, type Unit } from '../units/units.repo.js';
import { createUnit, mergeUnits } from '../units/units.service.js';
import { aggregateMonthValues, figureSums, type MonthGroup, type Scope } from './progress.repo.js';
import { progressFor } from './progress.service.js';

/** A country with two provinces; the first has a city with two wards. */
async function makeCountry(ctx: ServiceContext) {
  const code = (p: string) => uniqueCode(p);
  const country = code('qg');
  const [a, b, city, w1, w2] = [code('tinh-a'), code('tinh-b'), code('tp'), code('p1'), code('p2')];
  await createUnit(ctx, { code: country, name: 'Cả nước', level: 'quoc_gia' });
  await createUnit(ctx, { code: a, name: 'Tỉnh A', level: 'tinh', parentCode: country });
  await createUnit(ctx, { code: b, name: 'Tỉnh B', level: 'tinh', parentCode: country });
  await createUnit(ctx, { code: city, name: 'Thành phố A', level: 'thanh_pho', parentCode: a });
  await createUnit(ctx, { code: w1, name: 'Phường 1', level: 'phuong', parentCode: city });
  await createUnit(ctx, { code: w2, name: 'Phường 2', level: 'phuong', parentCode: city });
  return { country, a, b, city, w1, w2 };
}

const byKey = (groups: MonthGroup[]) =>
  [...groups].sort(
    (x, y) =>
      x.child.localeCompare(y.child) ||
      x.year - y.year ||
      x.indicatorId - y.indicatorId ||
      x.depth - y.depth ||
      x.month - y.month,
  );

describeStores('month sums', (store) => {
  const ctx = () => testContext(store());
  const db = () => store().db;

  /** The scope of a whole-province (or country) report over `indicators`, without the service. */
  async function scopeOf(rootCode: string, indicatorIds: number[], weights: [number, number][] = []) {
    const root = (await findUnitByCode(db(), rootCode)) as Unit;
    const scope: Scope = {
      paths: [root.path],
      provinceIds: root.provinceId === null ? null : [root.provinceId],
      unitIds: null,
      indicatorIds,
      fromYear: 2020,
      toYear: 2021,
      weights: new Map(weights),
      childrenOf: null,
      childrenAreProvinces: false,
      dialect: store().dialect,
    };
    return scope;
  }

  async function indicatorId(ownerCode: string, code: string): Promise<number> {
    const owner = (await findUnitByCode(db(), ownerCode)) as Unit;
    return (await findIndicator(db(), owner.id, code))?.id as number;
  }

  it('keeps every province’s and the country’s groups equal to the figures summed afresh', async () => {
    const u = await makeCountry(ctx());
    const people = await makePopulation(ctx(), u.country);
    const { plan, indicators } = await makePlan(ctx(), u.country, [
      { target: 1000 },
      { kind: 'level', measureUnit: '%', rollup: 'weighted', weightIndicatorCode: people, target: 100 },
    ]);
    const [flow, rate] = indicators as [string, string];
    await record(ctx(), [
      // Province B's weight arrives before its rate, ward 1's and 2's after theirs.
      ...months(plan, people, u.b, 2021, [400]),
      ...months(plan, rate, u.b, 2021, [50]),
      ...months(plan, flow, u.country, 2021, [500]),
      ...months(plan, flow, u.a, 2020, [100, 110.5]),
      ...months(plan, flow, u.city, 2021, [40, 41]),
      ...months(plan, flow, u.w1, 2021, [10.25, 11, 12]),
      ...months(plan, flow, u.w2, 2021, [20, 21]),
      ...months(plan, flow, u.b, 2021, [300, 301]),
      ...months(plan, rate, u.w1, 2021, [90, 91]),
      ...months(plan, rate, u.w2, 2021, [80]),
      ...months(plan, people, u.w1, 2021, [3000, 3000]),
      ...months(plan, people, u.w2, 2021, [1000]),
      // A running total is reconciled unit by unit, never added to the month sums.
      { planCode: plan, indicatorCode: flow, unitCode: u.w2, period: '2021-03', value: 70, cumulative: true },
    ]);
    // Corrections: a new revision each; the weight of ward 2 too.
    await record(ctx(), [
      ...months(plan, flow, u.w1, 2021, [10.5], { revision: 1 }),
      ...months(plan, people, u.w2, 2021, [2000], { revision: 1 }),
    ]);
    const ids = [await indicatorId(u.country, flow), await indicatorId(u.country, rate)];
    const weights: [number, number][] = [[ids[1] as number, await indicatorId(u.country, people)]];
    for (const root of [u.a, u.b, u.country]) {
      const scope = await scopeOf(root, ids, weights);
      const kept = await aggregateMonthValues(db(), scope);
      expect(kept.length).toBeGreaterThan(0);
      expect(byKey(kept)).toEqual(byKey(await figureSums(db(), scope)));
    }
    const january = (await aggregateMonthValues(db(), await scopeOf(u.a, ids, weights))).find(
      (g) => g.indicatorId === ids[1] && g.year === 2021 && g.month === 1,
    );
    expect(january).toMatchObject({
      sum: 170,
      count: 2,
      weightedSum: 90 * 3000 + 80 * 2000,
      weightSum: 5000,
    });

    // The country's drill-down into its provinces reads the same sums, one child per province.
    const country = await scopeOf(u.country, ids, weights);
    const drill = { ...country, childrenOf: country.paths[0] as string };
    const kept = await aggregateMonthValues(db(), { ...drill, childrenAreProvinces: true });
    expect(new Set(kept.map((g) => g.child)).size).toBe(3);
    expect(byKey(kept)).toEqual(byKey(await figureSums(db(), drill)));

    // Should the rate's weight change (the app never does it), its groups are summed again.
    const reweigh = (weightId: number | null) =>
      db()
        .updateTable('indicators')
        .set({ weight_indicator_id: weightId })
        .where('id', '=', ids[1] as number)
        .execute();
    const weightedTotals = async () =>
      (
        await db()
          .selectFrom('figure_month_sums')
          .select('weighted_total')
          .where('indicator_id', '=', ids[1] as number)
          .execute()
      ).map((r) => r.weighted_total);
    await reweigh(null);
    expect(new Set(await weightedTotals())).toEqual(new Set([null]));
    await reweigh(weights[0]?.[1] as number);
    expect((await weightedTotals()).every((t) => t !== null)).toBe(true);
    const scopeA = await scopeOf(u.a, ids, weights);
    expect(byKey(await aggregateMonthValues(db(), scopeA))).toEqual(byKey(await figureSums(db(), scopeA)));

    // A figure removed behind the app's back (it never deletes) leaves its group too.
    await db()
      .deleteFrom('figures')
      .where('unit_id', '=', ((await findUnitByCode(db(), u.b)) as Unit).id)
      .execute();
    const scope = await scopeOf(u.b, ids, weights);
    expect(await aggregateMonthValues(db(), scope)).toEqual([]);
    expect(await figureSums(db(), scope)).toEqual([]);
  });

  it('leaves no trace of a value typed far too big and then corrected', async () => {
    const u = await makeCountry(ctx());
    const { plan, indicators } = await makePlan(ctx(), u.a, [{ target: 200 }]);
    const code = indicators[0] as string;
    await record(ctx(), [
      ...months(plan, code, u.w1, 2021, [10.1, 20.2]),
      ...months(plan, code, u.w2, 2021, [0.3]),
    ]);
    await record(ctx(), months(plan, code, u.w2, 2021, [null, 2_404_000_000_000]));
    await record(ctx(), months(plan, code, u.w2, 2021, [null, 0.4], { revision: 1 }));
    const report = await progressFor(ctx(), { planCode: plan, period: '2021-02' });
    expect(report.indicators[0]?.actual).toBe(31);
  });

  it('reads a merged province with its predecessors’ years and no other province', async () => {
    const u = await makeCountry(ctx());
    const third = uniqueCode('tinh-c');
    await createUnit(ctx(), { code: third, name: 'Tỉnh C', level: 'tinh', parentCode: u.country });
    const { plan, indicators } = await makePlan(ctx(), u.country, [{ target: 100 }], 2022);
    const code = indicators[0] as string;
    await record(ctx(), [
      ...months(plan, code, u.a, 2021, [5, 5]),
      ...months(plan, code, u.b, 2021, [7, 7]),
      ...months(plan, code, third, 2021, [1000, 1000]),
    ]);
    const merged = uniqueCode('tinh-ab');
    await mergeUnits(ctx(), {
      code: merged,
      name: 'Tỉnh AB',
      level: 'tinh',
      parentCode: u.country,
      predecessorCodes: [u.a, u.b],
      on: '2022-01-01',
    });
    await record(ctx(), months(plan, code, merged, 2022, [30, 30]));
    const report = await progressFor(ctx(), { planCode: plan, period: '2022-02', unitCode: merged });
    expect(report.indicators[0]).toMatchObject({ actual: 60, samePeriodActual: 24 });
    const country = await progressFor(ctx(), { planCode: plan, period: '2022-02' });
    expect(country.indicators[0]).toMatchObject({ actual: 60, samePeriodActual: 2024 });
  });
});
