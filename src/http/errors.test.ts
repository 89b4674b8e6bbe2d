import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { as, demoApp, login, type Session } from '../test/http.js';
import { createTestStore, describeStores } from '../test/stores.js';
import { buildApp } from './app.js';
import { type Account, createAccount, freshFigure, STRONG_PASSWORD } from './testing.js';

/** What must never reach a client: stack frames, file paths, SQL, driver names. */
const INTERNALS =
  /\bat .+:\d+:\d+|node_modules|\/src\/|\bselect\b|\binsert\b|\bfrom "|sqlite|postgres|kysely|stack/i;
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/** The one error shape, nothing more. */
function expectErrorShape(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String), fields: expect.any(Array) });
  expect(res.body).not.toMatch(INTERNALS);
  return body.error as { message: string; fields: { field: string; message: string }[] };
}

interface Case {
  name: string;
  status: number;
  code: string;
  /** A field the error must name, when it is about one. */
  field?: string;
  send: (headers: Record<string, string>) => Promise<LightMyRequestResponse>;
}

describeStores('error shapes and languages', (store) => {
  let app: FastifyInstance;
  /** Filled before the tests run; the cases below read it lazily. */
  const signedIn: Partial<Record<'admin' | 'baocao', Session>> = {};
  let account: Account;
  let limited: FastifyInstance;

  beforeAll(async () => {
    app = await demoApp(store(), { loginAttemptsPerMinute: 1000 });
    const admin = await login(app, 'admin');
    signedIn.admin = admin;
    signedIn.baocao = await login(app, 'baocao');
    account = await createAccount(app, admin, [{ unitCode: 'bk-duc-xuan', role: 'viewer' }]);
    await as(app, admin, {
      method: 'PATCH',
      url: `/api/v1/users/${account.id}`,
      payload: { displayName: 'Đã sửa', version: account.version },
    });
    limited = await buildApp(store(), { loginAttemptsPerMinute: 1 });
    await limited.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x', password: 'y' },
    });
  });

  const send =
    (who: keyof typeof signedIn | null, options: InjectOptions) => (headers: Record<string, string>) =>
      as(app, who ? (signedIn[who] ?? null) : null, {
        ...options,
        headers: { ...(options.headers as object), ...headers },
      });
  const figure = (payload: object) => send('baocao', { method: 'POST', url: '/api/v1/figures', payload });
  const raw = (contentType: string, payload: string) =>
    send('baocao', {
      method: 'POST',
      url: '/api/v1/figures',
      headers: { 'content-type': contentType },
      payload,
    });
  const { value: _value, ...noValue } = freshFigure('bk-duc-xuan');

  const cases: Case[] = [
    {
      name: 'wrong type',
      status: 400,
      code: 'bad_request',
      field: 'value',
      send: figure({ ...freshFigure('bk-duc-xuan'), value: 'nhiều' }),
    },
    {
      name: 'unknown field',
      status: 400,
      code: 'bad_request',
      send: figure({ ...freshFigure('bk-duc-xuan'), isAdmin: true }),
    },
    { name: 'missing field', status: 400, code: 'bad_request', field: 'value', send: figure(noValue) },
    {
      name: 'not signed in',
      status: 401,
      code: 'unauthorized',
      send: send(null, { method: 'GET', url: '/api/v1/users' }),
    },
    {
      name: 'not allowed',
      status: 403,
      code: 'forbidden',
      send: send('baocao', { method: 'GET', url: '/api/v1/users' }),
    },
    {
      name: 'unknown route',
      status: 404,
      code: 'not_found',
      send: send(null, { method: 'GET', url: '/api/v1/khong-co' }),
    },
    {
      name: 'unknown code',
      status: 404,
      code: 'not_found',
      send: send('baocao', { method: 'GET', url: '/api/v1/progress?plan=khong-co&period=2021-09' }),
    },
    {
      name: 'stale version',
      status: 409,
      code: 'conflict',
      field: 'version',
      send: (headers) =>
        send('admin', {
          method: 'PATCH',
          url: `/api/v1/users/${account.id}`,
          payload: { displayName: 'Cũ', version: account.version },
        })(headers),
    },
    {
      name: 'body over the limit',
      status: 413,
      code: 'too_large',
      send: figure({ ...freshFigure('bk-duc-xuan'), note: 'x'.repeat(1_100_000) }),
    },
    { name: 'text/plain', status: 415, code: 'unsupported_media_type', send: raw('text/plain', 'value=1') },
    {
      name: 'form post',
      status: 415,
      code: 'unsupported_media_type',
      send: raw('application/x-www-form-urlencoded', 'value=1'),
    },
    {
      name: 'weak password',
      status: 422,
      code: 'invalid',
      field: 'password',
      send: send('admin', {
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: 'yeu.qua', displayName: 'Yếu', password: 'matkhau123' },
      }),
    },
    {
      name: 'too many attempts',
      status: 429,
      code: 'rate_limited',
      send: (headers) =>
        limited.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers,
          payload: { username: 'x', password: STRONG_PASSWORD },
        }),
    },
  ];

  it.each(cases)('$status $name: our shape, Vietnamese by default, English on request', async (c) => {
    const vi = expectErrorShape(await c.send({}), c.status, c.code);
    const en = expectErrorShape(await c.send({ 'accept-language': 'en-US,en;q=0.9' }), c.status, c.code);
    expect(vi.message).not.toBe(en.message);
    if (c.status !== 404) expect(vi.message).toMatch(VIETNAMESE);
    expect(en.message).not.toMatch(VIETNAMESE);
    if (c.field) {
      expect(vi.fields.map((f) => f.field)).toContain(c.field);
      expect(en.fields.find((f) => f.field === c.field)?.message).not.toMatch(VIETNAMESE);
    }
  });

  it('answers an internal failure with 500 or 503 and no stack trace or SQL', async () => {
    const own = await createTestStore(store().dialect);
    try {
      const broken = await demoApp(own);
      const boss = await login(broken, 'admin');
      await sql`drop table audit_log`.execute(own.db);
      const failed = await as(broken, boss, { method: 'GET', url: '/api/v1/audit' });
      expectErrorShape(failed, 500, 'internal');
      expect(failed.body).not.toContain('audit_log');

      await own.close();
      const closed = await as(broken, boss, {
        method: 'GET',
        url: '/api/v1/progress?plan=bac-kan-2021&period=2021-09',
        headers: { 'accept-language': 'en' },
      });
      expect([500, 503]).toContain(closed.statusCode);
      expectErrorShape(closed, closed.statusCode, closed.statusCode === 503 ? 'store' : 'internal');
      expect((await broken.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
      await broken.close();
    } finally {
      await own.close().catch(() => {});
    }
  });
});
