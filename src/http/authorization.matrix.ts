import type { InjectOptions } from 'fastify';
import type { ServiceContext } from '../context.js';
import { DEMO_LOGINS } from '../demo/users.js';
import { REPORTING_MATRIX } from '../reporting/test-matrix.js';
import { makePlan, uniqueCode } from '../test/factories.js';
import type { as, Login } from '../test/http.js';
import { createUnit } from '../units/units.service.js';
import type { Role } from '../users/access.js';
import { createUser } from '../users/users.service.js';
import { makeDirective, makeMeeting } from './routes/test-conference.js';
import { newIndicator } from './routes/test-harness.js';
import { freshFigure, STRONG_PASSWORD } from './testing.js';

/**
 * The rows of the authorization matrix (authorization.test.ts): for every write route, the least
 * right it takes and how to call it against a given unit, preparing what it needs first.
 */

export type Where = 'own' | 'other';
export type Who = Login | null;

export interface Target {
  who: Who;
  where: Where;
  /** The caller's own unit, or a city in another province. */
  unit: string;
}

export interface Fixture {
  ctx: ServiceContext;
  /** A request as `who`, on the session the matrix holds for them. */
  call(who: Who, options: InjectOptions): ReturnType<typeof as>;
}

export interface Row {
  /** Least role over the target unit; 'signed-in' needs a session only, 'public' not even that. */
  least: Role | 'signed-in' | 'public';
  /** False when the answer does not depend on the unit named (people, text extraction). */
  unitBound: boolean;
  /** The refusal for a caller without the right: 403, or 404 where existence is not revealed. */
  refused?: number;
  /** The request ends the caller's session (login rotates it, logout closes it). */
  endsSession?: boolean;
  build(f: Fixture, t: Target): Promise<InjectOptions> | InjectOptions;
}

export const HOME = Object.fromEntries(DEMO_LOGINS.map((l) => [l.username, l])) as Record<
  Login,
  (typeof DEMO_LOGINS)[number]
>;
const PLAN = 'bac-kan-2021';
const TEXT = 'Tổng mức bán lẻ hàng hóa 9 tháng ước đạt 2.404 tỷ đồng, bằng 73,96% NQ.';

const req = (method: string, path: string, payload?: object): InjectOptions =>
  ({ method, url: `/api/v1${path}`, ...(payload ? { payload } : {}) }) as InjectOptions;

/** A spreadsheet upload, the way the import routes take it. */
const csvUpload = (path: string, csv: string): InjectOptions => ({
  method: 'POST',
  url: `/api/v1${path}`,
  headers: { 'content-type': 'text/csv' },
  payload: csv,
});

async function childOf(ctx: ServiceContext, parentCode: string): Promise<string> {
  const code = uniqueCode('dv');
  await createUnit(ctx, { code, name: 'Đơn vị con thử', level: 'xa', parentCode });
  return code;
}

/** An account holding a viewer role on `unit`, made through the service. */
async function holderOf(ctx: ServiceContext, unitCode: string) {
  const username = uniqueCode('tk');
  const roles = [{ unitCode, role: 'viewer' as const }];
  return createUser(ctx, { username, displayName: 'Tài khoản thử', password: STRONG_PASSWORD, roles });
}

export const MATRIX: Record<string, Row> = {
  ...REPORTING_MATRIX,
  'POST /api/v1/auth/login': {
    least: 'public',
    unitBound: false,
    endsSession: true,
    build: (_f, t) => {
      const { username, password } = HOME[t.who ?? 'lanhdao'];
      return req('POST', '/auth/login', { username, password });
    },
  },
  'POST /api/v1/auth/logout': {
    least: 'public',
    unitBound: false,
    endsSession: true,
    build: () => req('POST', '/auth/logout'),
  },
  'POST /api/v1/tokens': {
    least: 'viewer',
    unitBound: true,
    build: (_f, t) => req('POST', '/tokens', { name: 'Máy thử', unitCode: t.unit }),
  },
  'DELETE /api/v1/tokens/:id': {
    least: 'signed-in',
    unitBound: true,
    refused: 404,
    // "Own" is a token of the caller; "other" one of somebody else, which must not be found.
    build: async (f, t) => {
      const owner = t.where === 'own' && t.who ? t.who : t.who === 'admin' ? 'vanphong' : 'admin';
      const made = await f.call(
        owner,
        req('POST', '/tokens', { name: 'Máy thử', unitCode: HOME[owner].unitCode }),
      );
      return req('DELETE', `/tokens/${made.json().id}`);
    },
  },
  'POST /api/v1/units': {
    least: 'admin',
    unitBound: true,
    build: (_f, t) =>
      req('POST', '/units', {
        code: uniqueCode('dv'),
        name: 'Phòng mới',
        level: 'phong_ban',
        parentCode: t.unit,
      }),
  },
  'POST /api/v1/units/merge': {
    least: 'admin',
    unitBound: true,
    build: async (f, t) =>
      req('POST', '/units/merge', {
        code: uniqueCode('dv'),
        name: 'Xã hợp nhất',
        level: 'xa',
        parentCode: t.unit,
        predecessorCodes: [await childOf(f.ctx, t.unit), await childOf(f.ctx, t.unit)],
        on: '2025-07-01',
      }),
  },
  'PATCH /api/v1/units/:code': {
    least: 'admin',
    unitBound: true,
    build: async (f, t) =>
      req('PATCH', `/units/${await childOf(f.ctx, t.unit)}`, { name: 'Tên mới', version: 1 }),
  },
  'POST /api/v1/plans': {
    least: 'editor',
    unitBound: true,
    build: (_f, t) =>
      req('POST', '/plans', {
        code: uniqueCode('kh'),
        name: 'Kế hoạch 2022',
        year: 2022,
        issuingBody: 'Thành ủy',
        unitCode: t.unit,
      }),
  },
  'PATCH /api/v1/plans/:code': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const { plan } = await makePlan(f.ctx, t.unit, []);
      return req('PATCH', `/plans/${plan}`, { documentNumber: 'Số 01-NQ/TU', version: 1 });
    },
  },
  'POST /api/v1/plans/:code/indicators': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const { plan } = await makePlan(f.ctx, t.unit, []);
      const { code } = await newIndicator(f.ctx, t.unit);
      return req('POST', `/plans/${plan}/indicators`, { indicatorCode: code, baseline: 2 });
    },
  },
  'PUT /api/v1/plans/:code/targets': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const { plan, indicators } = await makePlan(f.ctx, t.unit, [{}]);
      return req('PUT', `/plans/${plan}/targets`, { indicatorCode: indicators[0], basis: 'NQ', value: 10 });
    },
  },
  'POST /api/v1/indicators': {
    least: 'editor',
    unitBound: true,
    build: (_f, t) =>
      req('POST', '/indicators', {
        ownerUnitCode: t.unit,
        code: uniqueCode('ct'),
        name: 'Tỷ lệ thử',
        measureUnit: '%',
        kind: 'level',
      }),
  },
  'PATCH /api/v1/indicators/:id': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) =>
      req('PATCH', `/indicators/${(await newIndicator(f.ctx, t.unit)).id}`, { decimals: 1, version: 1 }),
  },
  'POST /api/v1/figures': {
    least: 'reporter',
    unitBound: true,
    build: (_f, t) => req('POST', '/figures', freshFigure(t.unit)),
  },
  'POST /api/v1/figures/bulk': {
    least: 'reporter',
    unitBound: true,
    build: (_f, t) => req('POST', '/figures/bulk', { figures: [freshFigure(t.unit)] }),
  },
  'POST /api/v1/imports/figures': {
    least: 'reporter',
    unitBound: true,
    build: async (f, t) => {
      const { plan, indicators } = await makePlan(f.ctx, t.unit, [{}]);
      return csvUpload(
        `/imports/figures?plan=${plan}`,
        `Mã đơn vị,Mã chỉ tiêu,Kỳ,Giá trị\n${t.unit},${indicators[0]},2021-09,1\n`,
      );
    },
  },
  'POST /api/v1/imports/targets': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const { plan, indicators } = await makePlan(f.ctx, t.unit, [{}]);
      return csvUpload(`/imports/targets?plan=${plan}`, `Mã chỉ tiêu,Giá trị\n${indicators[0]},10\n`);
    },
  },
  'POST /api/v1/extract': {
    least: 'signed-in',
    unitBound: false,
    build: () => req('POST', '/extract', { text: TEXT }),
  },
  'POST /api/v1/extract/review': {
    least: 'viewer',
    unitBound: true,
    build: (_f, t) =>
      req('POST', '/extract/review', { text: TEXT, planCode: PLAN, period: '2021-09', unitCode: t.unit }),
  },
  'POST /api/v1/extract/apply': {
    least: 'reporter',
    unitBound: true,
    build: (_f, t) =>
      req('POST', '/extract/apply', { text: TEXT, planCode: PLAN, period: '2021-09', unitCode: t.unit }),
  },
  'POST /api/v1/meetings': {
    least: 'editor',
    unitBound: true,
    build: (_f, t) =>
      req('POST', '/meetings', { unitCode: t.unit, body: 'BTV', title: 'Họp thử', heldOn: '2021-11-01' }),
  },
  'PATCH /api/v1/meetings/:id': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const m = await makeMeeting(f.ctx, t.unit);
      return req('PATCH', `/meetings/${m.id}`, { version: m.version, place: 'Hội trường' });
    },
  },
  'POST /api/v1/meetings/:id/directives': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const m = await makeMeeting(f.ctx, t.unit);
      const items = [{ conclusionItemId: m.conclusionItems[0]?.id, leadUnitCode: t.unit }];
      return req('POST', `/meetings/${m.id}/directives`, { items });
    },
  },
  'POST /api/v1/directives': {
    least: 'editor',
    unitBound: true,
    build: (_f, t) => req('POST', '/directives', { title: 'Việc thử', leadUnitCode: t.unit }),
  },
  'PATCH /api/v1/directives/:id': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const d = await makeDirective(f.ctx, t.unit);
      return req('PATCH', `/directives/${d.id}`, { version: d.version, deadline: '2021-12-31' });
    },
  },
  'POST /api/v1/directives/:id/updates': {
    least: 'reporter',
    unitBound: true,
    build: async (f, t) =>
      req('POST', `/directives/${(await makeDirective(f.ctx, t.unit)).id}/updates`, {
        reportedOn: '2021-11-30',
        text: 'Đang làm',
      }),
  },
  // Recording a person takes being an editor somewhere, whatever unit the position names.
  'POST /api/v1/people': {
    least: 'editor',
    unitBound: false,
    build: (_f, t) =>
      req('POST', '/people', {
        fullName: `Cán bộ ${uniqueCode('cb')}`,
        positions: [{ title: 'Chuyên viên', unitCode: t.unit }],
      }),
  },
  'POST /api/v1/users': {
    least: 'admin',
    unitBound: true,
    build: (_f, t) =>
      req('POST', '/users', {
        username: uniqueCode('tk'),
        displayName: 'Cán bộ mới',
        password: STRONG_PASSWORD,
        roles: [{ unitCode: t.unit, role: 'viewer' }],
      }),
  },
  'PATCH /api/v1/users/:id': {
    least: 'admin',
    unitBound: true,
    build: async (f, t) =>
      req('PATCH', `/users/${(await holderOf(f.ctx, t.unit)).id}`, { displayName: 'Tên mới', version: 1 }),
  },
};
