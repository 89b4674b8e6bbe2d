import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { listAudit } from '../../audit/audit.repo.js';
import type { ServiceContext } from '../../context.js';
import { createIndicator } from '../../plans/plans.service.js';
import type { Store } from '../../store/connect.js';
import { testContext, uniqueCode } from '../../test/factories.js';
import { as, demoApp, type Login, login, type Session } from '../../test/http.js';
import type { Role } from '../../users/access.js';
import { createUser } from '../../users/users.service.js';
import type { ErrorBody } from '../errors.js';

export const LOGINS: readonly Login[] = ['admin', 'vanphong', 'baocao', 'lanhdao'];

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** A request to the API, its path given without the /api/v1 prefix. */
export function req(method: Method, path: string, payload?: object): InjectOptions {
  return { method, url: `/api/v1${path}`, ...(payload === undefined ? {} : { payload }) };
}

export interface Harness {
  ctx(): ServiceContext;
  /** A request as a demo login, another signed-in account, or nobody. */
  call(who: Login | Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Signs in a new account holding `role` over `unitCode`, outside the demo's four. */
  account(unitCode: string, role: Role): Promise<Session>;
}

/** The demo app on the suite's store, with the four demo logins signed in once. */
export function demoHarness(store: () => Store): Harness {
  let app: FastifyInstance;
  const sessions = new Map<Login, Session>();
  beforeAll(async () => {
    app = await demoApp(store());
    for (const who of LOGINS) sessions.set(who, await login(app, who));
  });
  afterAll(async () => {
    await app?.close();
  });
  return {
    ctx: () => testContext(store()),
    call: (who, options) => as(app, typeof who === 'string' ? (sessions.get(who) ?? null) : who, options),
    async account(unitCode, role) {
      const username = uniqueCode('tk');
      const password = 'mat-khau-thu-2021';
      await createUser(
        testContext(store()),
        { username, displayName: 'Tài khoản thử', password, roles: [{ unitCode, role }] },
        { allowWeakPassword: true },
      );
      return login(app, { username, password });
    },
  };
}

/** The response is an error of `status` naming `field`; returns its body for further checks. */
export function expectError(
  res: LightMyRequestResponse,
  status: number,
  field: string,
  message?: RegExp,
): ErrorBody['error'] {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json() as ErrorBody;
  expect(error.fields.map((f) => f.field)).toContain(field);
  if (message) expect(error.message).toMatch(message);
  return error;
}

/** The newest audit entry, to tell whether a request wrote one. */
export async function lastAudit(ctx: ServiceContext) {
  return (await listAudit(ctx.store.db, { limit: 1 }))[0];
}

/** A catalogue indicator of the unit, not yet in any plan. */
export function newIndicator(ctx: ServiceContext, ownerUnitCode: string) {
  return createIndicator(ctx, {
    ownerUnitCode,
    code: uniqueCode('ct'),
    name: 'Chỉ tiêu thử',
    measureUnit: '%',
    kind: 'level',
  });
}
