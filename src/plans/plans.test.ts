import { expect, it } from 'vitest';
import { ConflictError, InvalidError, NotFoundError } from '../errors.js';
import { makePlan, makeTree, testContext, uniqueCode } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { createIndicator, createPlan, getPlanDetail, setTarget } from './plans.service.js';

describeStores('plans, indicators and targets', (store) => {
  it('creates a plan whose indicators keep their order, baseline and targets', async () => {
    const ctx = testContext(store());
    const t = await makeTree(ctx, 0);
    const { plan, indicators } = await makePlan(ctx, t.city, [
      { target: 100 },
      { kind: 'level', direction: 'decrease', measureUnit: '%', target: 1.5, baseline: 2 },
    ]);
    const detail = await getPlanDetail(ctx, plan);
    expect(detail.plan).toMatchObject({ code: plan, year: 2021, defaultBasis: 'NQ' });
    expect(detail.indicators.map((i) => i.code)).toEqual(indicators);
    expect(detail.indicators[1]).toMatchObject({
      kind: 'level',
      direction: 'decrease',
      baseline: 2,
      sortOrder: 2,
    });
    expect(detail.targets.map((x) => x.value)).toEqual([100, 1.5]);
  });

  it('keeps a second basis for the same figure apart ("dự toán" beside "NQ")', async () => {
    const ctx = testContext(store());
    const t = await makeTree(ctx, 0);
    const { plan, indicators } = await makePlan(ctx, t.city, [{ target: 155 }]);
    const code = indicators[0] as string;
    await setTarget(ctx, {
      planCode: plan,
      indicatorCode: code,
      basis: 'dự toán',
      issuingBody: 'HĐND tỉnh',
      value: 140,
    });
    const detail = await getPlanDetail(ctx, plan);
    expect(detail.targets.map((x) => [x.basis, x.issuingBody, x.value])).toEqual([
      ['NQ', 'Thành ủy Thử', 155],
      ['dự toán', 'HĐND tỉnh', 140],
    ]);
  });

  it('updates a target only from the version the editor saw', async () => {
    const ctx = testContext(store());
    const t = await makeTree(ctx, 0);
    const { plan, indicators } = await makePlan(ctx, t.city, [{ target: 100 }]);
    const key = { planCode: plan, indicatorCode: indicators[0] as string, basis: 'NQ' as const };
    const updated = await setTarget(ctx, { ...key, value: 120, version: 1 });
    expect(updated).toMatchObject({ value: 120, version: 2 });
    const stale = setTarget(ctx, { ...key, value: 130, version: 1 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ current: { value: 120, version: 2 } });
    await expect(setTarget(ctx, { ...key, value: 130 })).rejects.toBeInstanceOf(ConflictError);
    expect((await getPlanDetail(ctx, plan)).targets[0]?.value).toBe(120);
  });

  it('refuses bad input with the field named', async () => {
    const ctx = testContext(store());
    const t = await makeTree(ctx, 0);
    await expect(getPlanDetail(ctx, 'khong-co')).rejects.toMatchObject({
      constructor: NotFoundError,
      text: { vi: 'Không tìm thấy kế hoạch có mã "khong-co"' },
    });
    await expect(
      createPlan(ctx, { code: uniqueCode('kh'), name: 'KH', year: 1800, unitCode: t.city, issuingBody: 'X' }),
    ).rejects.toMatchObject({
      constructor: InvalidError,
      fields: [{ field: 'year', message: { vi: expect.stringMatching(/^năm: /) } }],
    });
    await expect(
      createIndicator(ctx, {
        ownerUnitCode: t.city,
        code: uniqueCode('w'),
        name: 'W',
        measureUnit: '%',
        kind: 'level',
        rollup: 'weighted',
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'weightIndicatorCode' }] });
    const { plan, indicators } = await makePlan(ctx, t.city, [{}]);
    await expect(
      setTarget(ctx, { planCode: plan, indicatorCode: indicators[0] as string, basis: 'NQ', value: -5 }),
    ).rejects.toMatchObject({ fields: [{ field: 'value' }] });
    await expect(
      createPlan(ctx, { code: plan, name: 'KH', year: 2021, unitCode: t.city, issuingBody: 'X' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
