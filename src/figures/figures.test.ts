import { expect, it } from 'vitest';
import { listAudit } from '../audit/audit.repo.js';
import { ConflictError, InvalidError } from '../errors.js';
import { makePlan, makeTree, testContext, uniqueCode } from '../test/factories.js';
import { describeStores } from '../test/stores.js';
import { createUnit } from '../units/units.service.js';
import { figureHistory, recordFigure, recordFigures } from './figures.service.js';

describeStores('figures', (store) => {
  async function setup() {
    const ctx = testContext(store());
    const t = await makeTree(ctx, 1);
    const { plan, indicators } = await makePlan(ctx, t.city, [
      { target: 100 },
      { kind: 'level', measureUnit: '%' },
    ]);
    return { ctx, t, plan, flow: indicators[0] as string, level: indicators[1] as string };
  }

  it('keeps every revision: a correction never overwrites', async () => {
    const { ctx, t, plan, flow } = await setup();
    const key = { planCode: plan, indicatorCode: flow, unitCode: t.city, period: '2021-03' };
    const first = await recordFigure(ctx, { ...key, value: 10 });
    expect(first).toMatchObject({ revision: 1, isCurrent: true, status: 'estimate', source: 'manual' });
    await expect(recordFigure(ctx, { ...key, value: 11 })).rejects.toBeInstanceOf(ConflictError);
    const second = await recordFigure(ctx, { ...key, value: 12, revision: 1, status: 'official' });
    expect(second).toMatchObject({ revision: 2, value: 12, status: 'official' });
    await expect(recordFigure(ctx, { ...key, value: 13, revision: 1 })).rejects.toMatchObject({
      constructor: ConflictError,
      current: { revision: 2, value: 12 },
    });
    const history = await figureHistory(ctx, key);
    expect(history.map((f) => [f.revision, f.value, f.isCurrent])).toEqual([
      [2, 12, true],
      [1, 10, false],
    ]);
    const audit = await listAudit(store().db, { entity: 'figure', entityId: second.id });
    expect(audit[0]).toMatchObject({ action: 'figure.correct', before: { value: 10 }, after: { value: 12 } });
  });

  it('converts money units explicitly and refuses to mix others', async () => {
    const { ctx, t, plan, flow, level } = await setup();
    const f = await recordFigure(ctx, {
      planCode: plan,
      indicatorCode: flow,
      unitCode: t.city,
      period: '2021-04',
      value: 4500,
      measureUnit: 'triệu đồng',
    });
    expect(f.value).toBe(4.5);
    await expect(
      recordFigure(ctx, {
        planCode: plan,
        indicatorCode: level,
        unitCode: t.city,
        period: '2021-04',
        value: 5,
        measureUnit: 'ha',
      }),
    ).rejects.toMatchObject({
      fields: [{ field: 'measureUnit', message: { vi: expect.stringContaining('Không đổi được') } }],
    });
  });

  it.each([
    ['period 2021-13', { period: '2021-13' }, 'period', 'kỳ báo cáo'],
    ['a negative value', { value: -3 }, 'value', 'không nhận giá trị âm'],
    ['a non-number', { value: 'mười' }, 'value', 'giá trị'],
    ['an unknown unit', { unitCode: 'khong-co' }, 'unitCode', 'Không tìm thấy đơn vị'],
    ['an unknown indicator', { indicatorCode: 'khong-co' }, 'indicatorCode', 'không có chỉ tiêu'],
    ['a year after the plan', { period: '2022-01' }, 'period', 'sau năm của kế hoạch'],
    ['an unknown field', { extra: 1 }, 'extra', 'extra'],
  ])('refuses %s, naming the field in Vietnamese', async (_, change, field, words) => {
    const { ctx, t, plan, flow } = await setup();
    const input = {
      planCode: plan,
      indicatorCode: flow,
      unitCode: t.city,
      period: '2021-05',
      value: 1,
      ...change,
    };
    await expect(recordFigure(ctx, input as never)).rejects.toMatchObject({
      fields: [{ field, message: { vi: expect.stringContaining(words) } }],
    });
  });

  it('refuses a unit outside the plan and a cumulative level', async () => {
    const { ctx, plan, flow, level, t } = await setup();
    const other = uniqueCode('ngoai');
    await createUnit(ctx, { code: other, name: 'Xã ngoài', level: 'xa' });
    await expect(
      recordFigure(ctx, {
        planCode: plan,
        indicatorCode: flow,
        unitCode: other,
        period: '2021-05',
        value: 1,
      }),
    ).rejects.toMatchObject({
      fields: [{ field: 'unitCode', message: { vi: expect.stringContaining('không thuộc phạm vi') } }],
    });
    await expect(
      recordFigure(ctx, {
        planCode: plan,
        indicatorCode: level,
        unitCode: t.city,
        period: '2021-05',
        value: 1,
        cumulative: true,
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'cumulative' }] });
  });

  it('records a batch all-or-nothing and lists every bad row', async () => {
    const { ctx, t, plan, flow } = await setup();
    const row = (period: string, value: number) => ({
      planCode: plan,
      indicatorCode: flow,
      unitCode: t.city,
      period,
      value,
    });
    const before = (await listAudit(store().db, { entity: 'figure', limit: 1000 })).length;
    const attempt = recordFigures(ctx, [
      row('2021-06', 1),
      row('2021-07', -1),
      row('2021-13', 2),
      row('2021-08', 3),
    ]);
    await expect(attempt).rejects.toBeInstanceOf(InvalidError);
    await expect(attempt).rejects.toMatchObject({
      fields: [
        expect.objectContaining({ row: 2, field: 'value' }),
        expect.objectContaining({ row: 3, field: 'period' }),
      ],
    });
    const history = await figureHistory(ctx, {
      planCode: plan,
      indicatorCode: flow,
      unitCode: t.city,
      period: '2021-06',
    });
    expect(history).toEqual([]);
    expect((await listAudit(store().db, { entity: 'figure', limit: 1000 })).length).toBe(before);
    const ok = await recordFigures(ctx, [row('2021-06', 1), row('2021-07', 2)]);
    expect(ok.map((f) => f.value)).toEqual([1, 2]);
  });

  it('stores HTML and SQL as plain text', async () => {
    const { ctx, t, plan, flow } = await setup();
    const note = `<script>alert(1)</script>'); drop table figures; --`;
    const f = await recordFigure(ctx, {
      planCode: plan,
      indicatorCode: flow,
      unitCode: t.city,
      period: '2021-09',
      value: 1,
      note,
    });
    expect(f.note).toBe(note);
  });
});
