import { beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../audit/audit.repo.js';
import { getPlanDetail } from '../../plans/plans.service.js';
import { makePlan, makeTree, months, record, uniqueCode } from '../../test/factories.js';
import { describeStores } from '../../test/stores.js';
import { demoHarness, expectError, newIndicator, req } from './test-harness.js';

describeStores('indicator and target routes', (store) => {
  const h = demoHarness(store);
  let elsewhere: string;
  beforeAll(async () => {
    elsewhere = (await makeTree(h.ctx(), 0)).city;
  });

  /** A city plan with one indicator (tỷ đồng, no target yet) and, if asked, a recorded figure. */
  const cityPlan = async (withFigure = false) => {
    const ctx = h.ctx();
    const { plan, indicators } = await makePlan(ctx, 'tp-bac-kan', [{}]);
    const code = indicators[0] as string;
    if (withFigure) await record(ctx, months(plan, code, 'tp-bac-kan', 2021, [12.5]));
    const indicator = (await getPlanDetail(ctx, plan)).indicators[0];
    return { plan, code, id: indicator?.id as number };
  };

  const auditOf = async (entity: string, entityId: number) =>
    (await listAudit(store().db, { entity, entityId, limit: 1 }))[0];

  it('adds an indicator to a unit’s catalogue, then to a plan with its baseline', async () => {
    const code = uniqueCode('ct');
    const body = {
      ownerUnitCode: 'tp-bac-kan',
      code,
      name: 'Tỷ lệ hộ nghèo',
      measureUnit: '%',
      kind: 'level',
    };
    const made = await h.call('vanphong', req('POST', '/indicators', { ...body, direction: 'decrease' }));
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      code,
      field: 'kinh_te',
      rollup: 'sum',
      frequency: 'monthly',
      aliases: [],
      version: 1,
    });
    expect(await auditOf('indicator', made.json().id)).toMatchObject({ action: 'indicator.create' });

    const { plan } = await makePlan(h.ctx(), 'tp-bac-kan', []);
    const include = (payload: object) =>
      h.call('vanphong', req('POST', `/plans/${plan}/indicators`, payload));
    const included = await include({ indicatorCode: code, baseline: 4.2 });
    expect(included.statusCode, included.body).toBe(201);
    expect(included.json()).toMatchObject({ code, baseline: 4.2, sortOrder: 1 });
    expect((await getPlanDetail(h.ctx(), plan)).indicators.map((i) => i.code)).toEqual([code]);
    expect(await auditOf('plan', (await getPlanDetail(h.ctx(), plan)).plan.id)).toMatchObject({
      action: 'plan.include_indicator',
    });

    // The catalogue lists it for whoever reads the unit (a ward reads its city); not for another city.
    const catalogue = await h.call('lanhdao', req('GET', '/indicators?owner=tp-bac-kan'));
    expect(catalogue.statusCode, catalogue.body).toBe(200);
    expect(catalogue.json().items.map((i: { code: string }) => i.code)).toContain(code);
    expect((await h.call('baocao', req('GET', '/indicators?owner=tp-bac-kan'))).statusCode).toBe(200);
    expect((await h.call('lanhdao', req('GET', `/indicators?owner=${elsewhere}`))).statusCode).toBe(403);
    expectError(await h.call('lanhdao', req('GET', '/indicators?owner=khong-co')), 404, 'owner');

    expectError(await include({ indicatorCode: code }), 409, 'indicatorCode', /đã có trong kế hoạch/);
    expectError(await include({ indicatorCode: 'khong-co' }), 404, 'indicatorCode', /"khong-co"/);
    expectError(await include({ baseline: 1 }), 400, 'indicatorCode', /^mã chỉ tiêu: /);
    const unknownPlan = await h.call(
      'vanphong',
      req('POST', '/plans/khong-co/indicators', { indicatorCode: code }),
    );
    expectError(unknownPlan, 404, 'code', /^Không tìm thấy kế hoạch có mã "khong-co"$/);
  });

  it('edits an indicator from the version seen; a stale version changes nothing', async () => {
    const { id } = await newIndicator(h.ctx(), 'tp-bac-kan');
    const edit = (body: object) => h.call('vanphong', req('PATCH', `/indicators/${id}`, body));
    const changes = {
      name: 'Tỷ lệ che phủ rừng',
      field: 'tai_nguyen_moi_truong',
      decimals: 1,
      aliases: ['che phủ'],
    };
    const first = await edit({ ...changes, allowNegative: true, measureUnit: 'phần trăm', version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      ...changes,
      allowNegative: true,
      measureUnit: 'phần trăm',
      version: 2,
    });
    expect(await auditOf('indicator', id)).toMatchObject({
      action: 'indicator.update',
      after: { decimals: 1 },
    });

    const stale = expectError(await edit({ name: 'Khác', version: 1 }), 409, 'version', /người khác sửa/);
    expect(stale.current).toMatchObject({ name: changes.name, version: 2 });
    expect((await edit({ decimals: 3, version: 2 })).json()).toMatchObject({
      name: changes.name,
      decimals: 3,
    });
    // Reported by the year from now on: which months are owed changes, not how figures add up.
    expect((await edit({ frequency: 'yearly', version: 3 })).json()).toMatchObject({ frequency: 'yearly' });
    expectError(await edit({ frequency: 'weekly', version: 4 }), 400, 'frequency', /^tần suất báo cáo: /);
  });

  it('keeps the unit of measure once figures are stored in it, but allows respelling it', async () => {
    const { id } = await cityPlan(true);
    const edit = (measureUnit: string, version: number) =>
      h.call('vanphong', req('PATCH', `/indicators/${id}`, { measureUnit, version }));
    const refused = await edit('triệu đồng', 1);
    expectError(
      refused,
      422,
      'measureUnit',
      /^Không đổi được đơn vị tính .* đã có số liệu lưu theo "tỷ đồng"$/,
    );
    expect((await edit('Tỷ đồng', 1)).json()).toMatchObject({ measureUnit: 'Tỷ đồng', version: 2 });
  });

  it.each([
    {
      label: 'an unknown field',
      body: { kind: 'flow', version: 1 },
      status: 400,
      field: 'kind',
      message: /"kind"/,
    },
    { label: 'a wrong type', body: { decimals: '2', version: 1 }, status: 400, field: 'decimals' },
    { label: 'too many decimals', body: { decimals: 9, version: 1 }, status: 400, field: 'decimals' },
    { label: 'a missing version', body: { name: 'X' }, status: 400, field: 'version' },
  ])('PATCH /indicators/:id with $label → $status', async ({ body, status, field, message }) => {
    const { id } = await newIndicator(h.ctx(), 'tp-bac-kan');
    expectError(await h.call('vanphong', req('PATCH', `/indicators/${id}`, body)), status, field, message);
  });

  it('names an unknown indicator id, and refuses a catalogue of an unknown unit', async () => {
    expectError(
      await h.call('vanphong', req('PATCH', '/indicators/999999', { version: 1 })),
      404,
      'id',
      /999999/,
    );
    expectError(await h.call('vanphong', req('PATCH', '/indicators/abc', { version: 1 })), 400, 'id');
    const body = { ownerUnitCode: 'khong-co', code: 'x', name: 'X', measureUnit: '%', kind: 'level' };
    expectError(await h.call('admin', req('POST', '/indicators', body)), 404, 'ownerUnitCode', /"khong-co"/);
  });

  it('sets a target, then changes it only from the version seen', async () => {
    const { plan, code } = await cityPlan();
    const put = (body: object) =>
      h.call('vanphong', req('PUT', `/plans/${plan}/targets`, { indicatorCode: code, basis: 'NQ', ...body }));
    const created = await put({ value: 155 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ value: 155, issuingBody: 'Thành ủy Thử', version: 1 });
    expect(await auditOf('target', created.json().id)).toMatchObject({ action: 'target.create' });

    const updated = await put({ value: 160, version: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(await auditOf('target', created.json().id)).toMatchObject({
      action: 'target.update',
      after: { value: 160 },
    });

    const stale = expectError(await put({ value: 170, version: 1 }), 409, 'version');
    expect(stale.current).toMatchObject({ value: 160, version: 2 });
    expectError(await put({ value: 170 }), 409, 'version');
    expect((await getPlanDetail(h.ctx(), plan)).targets.map((t) => t.value)).toEqual([160]);
  });

  it('sets a ward’s own target in the city plan, never one of another branch', async () => {
    const { plan, code } = await cityPlan();
    const put = (unitCode: string) =>
      h.call(
        'vanphong',
        req('PUT', `/plans/${plan}/targets`, { indicatorCode: code, unitCode, basis: 'KH', value: 9 }),
      );
    expect((await put('bk-duc-xuan')).json()).toMatchObject({ value: 9, basis: 'KH' });
    const [target] = (await getPlanDetail(h.ctx(), plan)).targets;
    expect(target).toMatchObject({ unitCode: 'bk-duc-xuan', indicatorCode: code });

    const foreign = await h.account(elsewhere, 'editor');
    const res = await h.call(
      foreign,
      req('PUT', `/plans/${plan}/targets`, {
        indicatorCode: code,
        unitCode: elsewhere,
        basis: 'KH',
        value: 9,
      }),
    );
    expectError(res, 422, 'unitCode', /không thuộc phạm vi kế hoạch/);
  });

  it.each([
    {
      label: 'a negative value',
      body: { value: -5 },
      status: 422,
      field: 'value',
      message: /không nhận giá trị âm/,
    },
    { label: 'a text value', body: { value: '155' }, status: 400, field: 'value', message: /^giá trị: / },
    { label: 'no value', body: {}, status: 400, field: 'value', message: /^giá trị: / },
    {
      label: 'an unknown basis',
      body: { value: 1, basis: 'QĐ' },
      status: 400,
      field: 'basis',
      message: /^căn cứ/,
    },
    {
      label: 'an unknown field',
      body: { value: 1, planCode: 'x' },
      status: 400,
      field: 'planCode',
      message: /"planCode"/,
    },
    {
      label: 'an unknown indicator',
      body: { value: 1, indicatorCode: 'khong-co' },
      status: 404,
      field: 'indicatorCode',
    },
    { label: 'an unknown unit', body: { value: 1, unitCode: 'khong-co' }, status: 404, field: 'unitCode' },
    { label: 'a version never saved', body: { value: 1, version: 1 }, status: 404, field: 'version' },
  ])('PUT /plans/:code/targets with $label → $status', async ({ body, status, field, message }) => {
    const { plan, code } = await cityPlan();
    const res = await h.call(
      'vanphong',
      req('PUT', `/plans/${plan}/targets`, { indicatorCode: code, basis: 'NQ', ...body }),
    );
    expectError(res, status, field, message);
    expect((await getPlanDetail(h.ctx(), plan)).targets).toEqual([]);
  });
});
