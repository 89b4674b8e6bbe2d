import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../demo/users.js';
import { as, demoApp, login, type Session } from '../test/http.js';
import { describeStores } from '../test/stores.js';
import { buildApp, LOG_REDACT } from './app.js';
import { bearer, createAccount, freshFigure, manualClock } from './testing.js';

const SESSION = { method: 'GET', url: '/api/v1/auth/session' } as const;
const attempt = (app: FastifyInstance, username: string, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

describeStores('sign-in, sessions, CSRF and tokens', (store) => {
  let app: FastifyInstance;
  let admin: Session;
  const clock = manualClock();

  beforeAll(async () => {
    app = await demoApp(store(), {
      now: clock.now,
      loginAttemptsPerMinute: 1000,
      sessions: { idleMinutes: 30, absoluteHours: 2 },
    });
    admin = await login(app, 'admin');
  });

  it('login rate limit: more attempts per minute from one address than allowed get a 429', async () => {
    const limited = await buildApp(store(), { loginAttemptsPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await attempt(limited, 'lanhdao', 'sai')).statusCode).toBe(401);
    const refused = await attempt(limited, 'lanhdao', 'lanhdao2021');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('Quá nhiều'), fields: [] },
    });
    expect((await attempt(limited, 'lanhdao', 'lanhdao2021', '10.0.0.9')).statusCode).toBe(200);
    await limited.close();
  });

  it('login rate limit: an account waits after 5 failures, even for the right password', async () => {
    const acc = await createAccount(app, admin, [{ unitCode: 'bk-duc-xuan', role: 'viewer' }]);
    for (let i = 0; i < 5; i++)
      expect((await attempt(app, acc.username, 'Sai-Mat-Khau-1')).statusCode).toBe(401);
    const locked = await attempt(app, acc.username, acc.password, '10.0.0.7');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().error.message).toMatch(/thử lại sau 1 phút/);
    clock.advanceMinutes(2);
    expect((await attempt(app, acc.username, acc.password)).statusCode).toBe(200);
  });

  it('session expiry: a session idle longer than allowed ends', async () => {
    const s = await login(app, 'lanhdao');
    clock.advanceMinutes(25);
    expect((await as(app, s, SESSION)).statusCode).toBe(200);
    clock.advanceMinutes(25);
    expect((await as(app, s, SESSION)).statusCode).toBe(200);
    clock.advanceMinutes(31);
    const expired = await as(app, s, SESSION);
    expect(expired.statusCode).toBe(401);
    expect(expired.headers['set-cookie']).toMatch(/tiendo_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('session expiry: a session ends after its absolute lifetime however busy it is', async () => {
    const s = await login(app, 'lanhdao');
    for (let minutes = 0; minutes < 115; minutes += 20) {
      expect((await as(app, s, SESSION)).statusCode).toBe(200);
      clock.advanceMinutes(20);
    }
    expect((await as(app, s, SESSION)).statusCode).toBe(401);
  });

  it('session expiry: logout ends the session; a new login rotates it', async () => {
    const s = await login(app, 'lanhdao');
    expect((await as(app, s, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect((await as(app, s, SESSION)).statusCode).toBe(401);

    const first = await login(app, 'lanhdao');
    const creds = DEMO_LOGINS.find((l) => l.username === 'lanhdao');
    const again = await as(app, first, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: creds?.username, password: creds?.password },
    });
    const second = { cookie: `tiendo_session=${again.cookies[0]?.value}`, csrf: again.json().csrfToken };
    expect(second.cookie).not.toBe(first.cookie);
    expect((await as(app, first, SESSION)).statusCode).toBe(401);
    expect((await as(app, second, SESSION)).statusCode).toBe(200);
  });

  it('session expiry: the cookie is HttpOnly, SameSite=Strict, and Secure when configured', async () => {
    const plain = await attempt(app, 'lanhdao', 'lanhdao2021');
    const cookie = String(plain.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect(plain.body).not.toContain(plain.cookies[0]?.value);

    const secure = await buildApp(store(), { secureCookies: true });
    expect(String((await attempt(secure, 'lanhdao', 'lanhdao2021')).headers['set-cookie'])).toMatch(
      /; Secure/,
    );
    await secure.close();
    const proxied = await buildApp(store(), { trustProxy: true });
    const viaTls = await proxied.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'lanhdao', password: 'lanhdao2021' },
    });
    expect(String(viaTls.headers['set-cookie'])).toMatch(/; Secure/);
    await proxied.close();
  });

  it('CSRF rejection: a cookie-authenticated write needs the right X-CSRF-Token', async () => {
    const s = await login(app, 'baocao');
    const write = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/figures', headers, payload: freshFigure('bk-duc-xuan') });
    const missing = await write({ cookie: s.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.fields[0].field).toBe('x-csrf-token');
    expect((await write({ cookie: s.cookie, 'x-csrf-token': `${s.csrf}x` })).statusCode).toBe(403);
    expect((await write({ cookie: s.cookie, 'x-csrf-token': admin.csrf })).statusCode).toBe(403);
    expect((await write({ cookie: s.cookie, 'x-csrf-token': s.csrf })).statusCode).toBe(201);
    // Reads carry no token.
    expect((await app.inject({ ...SESSION, headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });

  it('token revocation: a Bearer token needs no CSRF, is narrowed to its unit, and dies when revoked', async () => {
    const s = await login(app, 'vanphong');
    const made = await as(app, s, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'Máy nhập liệu phường', unitCode: 'bk-duc-xuan' },
    });
    expect(made.statusCode).toBe(201);
    const { id, token } = made.json();
    const write = (unitCode: string, headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/figures', headers, payload: freshFigure(unitCode) });

    expect((await write('bk-duc-xuan', bearer(token))).statusCode).toBe(201);
    expect((await write('tp-bac-kan', bearer(token))).statusCode).toBe(403);
    expect(
      (await as(app, s, { method: 'POST', url: '/api/v1/figures', payload: freshFigure('tp-bac-kan') }))
        .statusCode,
    ).toBe(201);
    const nested = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: bearer(token),
      payload: { name: 'con', unitCode: 'bk-duc-xuan' },
    });
    expect(nested.statusCode).toBe(403);

    expect((await as(app, s, { method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(200);
    const revoked = await write('bk-duc-xuan', bearer(token));
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('unauthorized');
    expect((await app.inject({ ...SESSION, headers: bearer('td_khong-phai-ma') })).statusCode).toBe(401);
    const listed = await as(app, s, { method: 'GET', url: '/api/v1/tokens' });
    expect(listed.json().find((t: { id: number }) => t.id === id).revokedAt).not.toBeNull();
    expect(listed.body).not.toContain(token);
  });

  it('pino never logs passwords, cookies or tokens', async () => {
    let log = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        log += chunk.toString();
        done();
      },
    });
    const logged = await buildApp(store(), { logger: { stream, level: 'trace', redact: LOG_REDACT } });
    const s = await login(logged, 'vanphong');
    await attempt(logged, 'vanphong', 'mat-khau-sai-123');
    const made = await as(logged, s, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'nhật ký', unitCode: 'tp-bac-kan' },
    });
    const token = made.json().token;
    await logged.inject({ ...SESSION, headers: bearer(token) });
    await logged.close();

    expect(log).toContain('incoming request');
    for (const secret of ['vanphong2021', 'mat-khau-sai-123', s.cookie.split('=')[1], s.csrf, token]) {
      expect(log).not.toContain(secret);
    }
  });
});
