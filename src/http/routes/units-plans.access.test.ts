import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { DEMO_LOGINS } from '../../demo/users.js';
import { makePlan, makeTree, uniqueCode } from '../../test/factories.js';
import type { Login } from '../../test/http.js';
import { describeStores } from '../../test/stores.js';
import { createUnit } from '../../units/units.service.js';
import { ROLES, type Role } from '../../users/access.js';
import { demoHarness, LOGINS, lastAudit, newIndicator, req } from './test-harness.js';

/** A write endpoint: the least role it needs, the audit entry it leaves, and how to call it. */
interface Endpoint {
  name: string;
  least: Role;
  status: number;
  action: string;
  /** Builds what the request needs under `unit` (with the system's rights) and returns it. */
  build: (ctx: ServiceContext, unit: string) => Promise<InjectOptions>;
}

async function childOf(ctx: ServiceContext, parentCode: string): Promise<string> {
  const code = uniqueCode('dv');
  await createUnit(ctx, { code, name: 'Đơn vị con thử', level: 'xa', parentCode });
  return code;
}

const newPlan = { name: 'Kế hoạch năm 2022', year: 2022, issuingBody: 'Thành ủy Thử' };

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /units',
    least: 'admin',
    status: 201,
    action: 'unit.create',
    build: async (_ctx, unit) =>
      req('POST', '/units', {
        code: uniqueCode('dv'),
        name: 'Phòng mới',
        level: 'phong_ban',
        parentCode: unit,
      }),
  },
  {
    name: 'POST /units/merge',
    least: 'admin',
    status: 201,
    action: 'unit.merge',
    build: async (ctx, unit) =>
      req('POST', '/units/merge', {
        code: uniqueCode('dv'),
        name: 'Xã hợp nhất',
        level: 'xa',
        parentCode: unit,
        predecessorCodes: [await childOf(ctx, unit), await childOf(ctx, unit)],
        on: '2025-07-01',
      }),
  },
  {
    name: 'PATCH /units/:code',
    least: 'admin',
    status: 200,
    action: 'unit.update',
    build: async (ctx, unit) =>
      req('PATCH', `/units/${await childOf(ctx, unit)}`, { name: 'Tên mới', version: 1 }),
  },
  {
    name: 'POST /plans',
    least: 'editor',
    status: 201,
    action: 'plan.create',
    build: async (_ctx, unit) =>
      req('POST', '/plans', { ...newPlan, code: uniqueCode('kh'), unitCode: unit }),
  },
  {
    name: 'PATCH /plans/:code',
    least: 'editor',
    status: 200,
    action: 'plan.update',
    build: async (ctx, unit) => {
      const { plan } = await makePlan(ctx, unit, []);
      return req('PATCH', `/plans/${plan}`, { documentNumber: 'Số 01-NQ/TU', version: 1 });
    },
  },
  {
    name: 'POST /indicators',
    least: 'editor',
    status: 201,
    action: 'indicator.create',
    build: async (_ctx, unit) =>
      req('POST', '/indicators', {
        ownerUnitCode: unit,
        code: uniqueCode('ct'),
        name: 'Tỷ lệ thử',
        measureUnit: '%',
        kind: 'level',
      }),
  },
  {
    name: 'PATCH /indicators/:id',
    least: 'editor',
    status: 200,
    action: 'indicator.update',
    build: async (ctx, unit) => {
      const { id } = await newIndicator(ctx, unit);
      return req('PATCH', `/indicators/${id}`, { decimals: 1, version: 1 });
    },
  },
  {
    name: 'POST /plans/:code/indicators',
    least: 'editor',
    status: 201,
    action: 'plan.include_indicator',
    build: async (ctx, unit) => {
      const { plan } = await makePlan(ctx, unit, []);
      const { code } = await newIndicator(ctx, unit);
      return req('POST', `/plans/${plan}/indicators`, { indicatorCode: code, baseline: 2 });
    },
  },
  {
    name: 'PUT /plans/:code/targets',
    least: 'editor',
    status: 201,
    action: 'target.create',
    build: async (ctx, unit) => {
      const { plan, indicators } = await makePlan(ctx, unit, [{}]);
      return req('PUT', `/plans/${plan}/targets`, { indicatorCode: indicators[0], basis: 'NQ', value: 10 });
    },
  },
];

const GRANT = new Map(DEMO_LOGINS.map((l) => [l.username as Login, l]));

function allowed(who: Login, least: Role): boolean {
  const role = GRANT.get(who)?.role as Role;
  return ROLES.indexOf(role) <= ROLES.indexOf(least);
}

describeStores('unit and plan writes by role and unit', (store) => {
  const h = demoHarness(store);
  let elsewhere: string;
  beforeAll(async () => {
    elsewhere = (await makeTree(h.ctx(), 0)).city;
  });

  describe.each(ENDPOINTS)('$name', (endpoint) => {
    const cases = LOGINS.flatMap((who) => [
      { who, where: 'own', status: allowed(who, endpoint.least) ? endpoint.status : 403 },
      { who, where: 'other', status: 403 },
    ]);

    it.each(cases)('$who on $where unit → $status', async ({ who, where, status }) => {
      const ctx = h.ctx();
      const unit = where === 'own' ? (GRANT.get(who)?.unitCode as string) : elsewhere;
      const request = await endpoint.build(ctx, unit);
      const before = await lastAudit(ctx);
      const res = await h.call(who, request);
      expect(res.statusCode, res.body).toBe(status);
      const after = await lastAudit(ctx);
      if (status === 403) {
        expect(res.json().error.message).toMatch(/^Bạn không có quyền/);
        expect(after?.id).toBe(before?.id);
      } else {
        expect(after).toMatchObject({ action: endpoint.action, userId: expect.any(Number) });
        expect(after?.id).toBeGreaterThan(before?.id ?? 0);
      }
    });

    it('without a session → 401, nothing written', async () => {
      const ctx = h.ctx();
      const request = await endpoint.build(ctx, 'tp-bac-kan');
      const before = await lastAudit(ctx);
      const res = await h.call(null, request);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('Cần đăng nhập');
      expect((await lastAudit(ctx))?.id).toBe(before?.id);
    });
  });
});
