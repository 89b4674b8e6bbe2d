import { beforeAll, expect, it } from 'vitest';
import { listAudit } from '../../audit/audit.repo.js';
import { getPlanDetail } from '../../plans/plans.service.js';
import { makePlan, makeTree, uniqueCode } from '../../test/factories.js';
import { describeStores } from '../../test/stores.js';
import { demoHarness, expectError, req } from './test-harness.js';

const DEMO_PLAN = 'bac-kan-2021';

describeStores('plans routes', (store) => {
  const h = demoHarness(store);
  let elsewhere: string;
  let foreignPlan: string;
  beforeAll(async () => {
    elsewhere = (await makeTree(h.ctx(), 0)).city;
    foreignPlan = (await makePlan(h.ctx(), elsewhere, [{ target: 1 }])).plan;
  });

  const listCodes = async (who: Parameters<typeof h.call>[0], query: string) => {
    const res = await h.call(who, req('GET', `/plans${query}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items.map((p: { code: string }) => p.code) as string[];
  };

  it('lists the plans of the units the caller may read, by year, a page at a time', async () => {
    expect(await listCodes('baocao', '?year=2021')).toContain(DEMO_PLAN);
    expect(await listCodes('admin', '?year=2021')).not.toContain(foreignPlan);
    expect(await listCodes(await h.account(elsewhere, 'viewer'), '')).toEqual([foreignPlan]);

    const made = [];
    for (let i = 0; i < 3; i++) made.push((await makePlan(h.ctx(), 'bk-duc-xuan', [], 2031)).plan);
    const first = await h.call('baocao', req('GET', '/plans?year=2031&limit=2'));
    expect(first.json()).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.json().items[0]).toMatchObject({
      year: 2031,
      unitCode: 'bk-duc-xuan',
      unitName: 'Phường Đức Xuân',
    });
    const rest = await listCodes('baocao', '?year=2031&limit=2&offset=2');
    expect([...first.json().items.map((p: { code: string }) => p.code), ...rest].sort()).toEqual(made.sort());
    expect(await listCodes('vanphong', '?year=2031')).toHaveLength(3);
  });

  it.each([
    { query: '?limit=0', field: 'limit' },
    { query: '?year=abc', field: 'year' },
    { query: '?page=2', field: 'page' },
  ])('refuses the query $query naming $field', async ({ query, field }) => {
    expectError(await h.call('admin', req('GET', `/plans${query}`)), 400, field);
  });

  it.each([
    { who: 'admin', actions: { editPlan: true, editTargets: true, recordFigures: true } },
    { who: 'vanphong', actions: { editPlan: true, editTargets: true, recordFigures: true } },
    { who: 'baocao', actions: { editPlan: false, editTargets: false, recordFigures: true } },
    { who: 'lanhdao', actions: { editPlan: false, editTargets: false, recordFigures: false } },
  ] as const)('shows the plan to $who with what they may do', async ({ who, actions }) => {
    const res = await h.call(who, req('GET', `/plans/${DEMO_PLAN}`));
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json();
    expect(detail.actions).toEqual(actions);
    expect(detail.plan).toMatchObject({ code: DEMO_PLAN, year: 2021, documentNumber: 'Số 05-NQ/TU' });
    expect(detail.indicators.map((i: { code: string }) => i.code)).toContain('ban-le');
    expect(detail.targets).toContainEqual(
      expect.objectContaining({ indicatorCode: 'ban-le', unitCode: 'tp-bac-kan', basis: 'NQ' }),
    );
  });

  it('asks a stranger to sign in before saying whether a plan exists', async () => {
    for (const path of ['/plans', `/plans/${DEMO_PLAN}`, '/plans/khong-co', '/units']) {
      expect((await h.call(null, req('GET', path))).statusCode).toBe(401);
    }
  });

  it('hides a plan of another branch, and names an unknown plan', async () => {
    expect((await h.call('vanphong', req('GET', `/plans/${foreignPlan}`))).statusCode).toBe(403);
    expectError(await h.call('vanphong', req('GET', '/plans/khong-co')), 404, 'code', /"khong-co"/);
  });

  it('creates a plan for a unit and audits it', async () => {
    const code = uniqueCode('kh');
    const body = {
      code,
      name: 'Nghị quyết năm 2022',
      year: 2022,
      unitCode: 'tp-bac-kan',
      issuingBody: 'Thành ủy',
    };
    const res = await h.call('vanphong', req('POST', '/plans', body));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code, defaultBasis: 'NQ', documentNumber: null, version: 1 });
    const [entry] = await listAudit(store().db, { entity: 'plan', entityId: res.json().id });
    expect(entry).toMatchObject({ action: 'plan.create', after: { code } });
    expectError(await h.call('vanphong', req('POST', '/plans', body)), 409, 'code', /đã tồn tại/);
  });

  it('edits a plan from the version the editor saw; a stale version changes nothing', async () => {
    const { plan } = await makePlan(h.ctx(), 'tp-bac-kan', []);
    const edit = (body: object) => h.call('vanphong', req('PATCH', `/plans/${plan}`, body));
    const first = await edit({
      name: 'Nghị quyết sửa',
      documentNumber: 'Số 07-NQ/TU',
      defaultBasis: 'KH',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Nghị quyết sửa', defaultBasis: 'KH', version: 2 });

    const stale = expectError(await edit({ name: 'Bản khác', version: 1 }), 409, 'version', /người khác sửa/);
    expect(stale.current).toMatchObject({ name: 'Nghị quyết sửa', version: 2 });
    expect((await getPlanDetail(h.ctx(), plan)).plan).toMatchObject({ name: 'Nghị quyết sửa', version: 2 });

    const cleared = await edit({ documentNumber: null, adoptedOn: '2021-01-05', version: 2 });
    expect(cleared.json()).toMatchObject({ documentNumber: null, adoptedOn: '2021-01-05', version: 3 });
    const [entry] = await listAudit(store().db, { entity: 'plan', entityId: first.json().id });
    expect(entry).toMatchObject({ action: 'plan.update', before: { documentNumber: 'Số 07-NQ/TU' } });
  });

  it.each([
    {
      label: 'an unknown field',
      body: { year: 2022, version: 1 },
      status: 400,
      field: 'year',
      message: /"year"/,
    },
    { label: 'a wrong type', body: { name: 7, version: 1 }, status: 400, field: 'name', message: /^tên: / },
    {
      label: 'a missing version',
      body: { name: 'X' },
      status: 400,
      field: 'version',
      message: /^phiên bản: /,
    },
    {
      label: 'an unknown basis',
      body: { defaultBasis: 'QĐ', version: 1 },
      status: 400,
      field: 'defaultBasis',
    },
    { label: 'a bad date', body: { adoptedOn: '2021-13-01', version: 1 }, status: 400, field: 'adoptedOn' },
  ])('PATCH /plans/:code with $label → $status', async ({ body, status, field, message }) => {
    expectError(await h.call('vanphong', req('PATCH', `/plans/${DEMO_PLAN}`, body)), status, field, message);
  });

  it('names an unknown plan on edit, in English when asked', async () => {
    const res = await h.call('vanphong', {
      ...req('PATCH', '/plans/khong-co', { name: 'X', version: 1 }),
      headers: { 'accept-language': 'en' },
    });
    expectError(res, 404, 'code', /^No plan with code "khong-co"$/);
  });
});
