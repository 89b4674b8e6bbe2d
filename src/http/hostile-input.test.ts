import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { uniqueCode } from '../test/factories.js';
import { as, demoApp, login, type Session } from '../test/http.js';
import { describeStores } from '../test/stores.js';
import { STRONG_PASSWORD } from './testing.js';

const LEVELS = 100_000;
const SQL_TEXT = `Robert'); DROP TABLE users; -- " OR 1=1; SELECT * FROM sessions`;
const HTML_TEXT = `<script>alert("x")</script><img src=x onerror=alert(1)> &amp; ‘Đức Xuân’`;

describeStores('hostile input (error shapes and languages)', (store) => {
  let app: FastifyInstance;
  let admin: Session;

  beforeAll(async () => {
    app = await demoApp(store(), { loginAttemptsPerMinute: 1000 });
    admin = await login(app, 'admin');
  });

  const post = (url: string, payload: string | Buffer, session: Session | null = null) =>
    as(app, session, { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

  it('refuses bytes that are not UTF-8 with a 400 instead of storing replacement characters', async () => {
    const body = Buffer.concat([
      Buffer.from('{"username":"'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('","password":"x"}'),
    ]);
    const res = await post('/api/v1/auth/login', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('UTF-8'),
    });
  });

  it.each([
    ['arrays', `{"username":${'['.repeat(LEVELS)}${']'.repeat(LEVELS)},"password":"x"}`],
    ['objects', `${'{"a":'.repeat(LEVELS)}1${'}'.repeat(LEVELS)}`],
  ])('answers JSON nested %s 100 000 levels deep with a quick 4xx and stays up', async (_kind, body) => {
    const started = performance.now();
    const res = await post('/api/v1/auth/login', body);
    // Generous: a parser that recursed per level would overflow or take many seconds.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.code).toBe('bad_request');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('stores SQL and HTML as plain text and returns them verbatim, as JSON', async () => {
    const username = uniqueCode('hostile');
    const made = await as(app, admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { username, displayName: `${SQL_TEXT} ${HTML_TEXT}`, password: STRONG_PASSWORD },
    });
    expect(made.statusCode).toBe(201);
    const listed = await as(app, admin, { method: 'GET', url: '/api/v1/users?limit=500' });
    expect(listed.headers['content-type']).toMatch(/^application\/json/);
    expect(listed.headers['x-content-type-options']).toBe('nosniff');
    const user = listed.json().items.find((u: { username: string }) => u.username === username);
    expect(user.displayName).toBe(`${SQL_TEXT} ${HTML_TEXT}`);
    expect(listed.json().total).toBeGreaterThan(4);

    const token = await as(app, admin, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: HTML_TEXT, unitCode: 'bac-kan' },
    });
    expect(token.statusCode).toBe(201);
    const tokens = await as(app, admin, { method: 'GET', url: '/api/v1/tokens' });
    expect(tokens.json().map((t: { name: string }) => t.name)).toContain(HTML_TEXT);
  });
});
