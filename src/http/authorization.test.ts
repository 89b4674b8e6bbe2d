import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTree, testContext } from '../test/factories.js';
import { as, demoApp, type Login, login, type Session } from '../test/http.js';
import { describeStores } from '../test/stores.js';
import { ROLES, type Role } from '../users/access.js';
import { type Fixture, HOME, MATRIX, type Row, type Target, type Who } from './authorization.matrix.js';

/**
 * The authorization matrix: every write route of the app × each demo role and nobody × the
 * caller's own unit and a unit outside their branch. The routes are read from the app itself,
 * so a new write route without a row in authorization.matrix.ts fails the suite.
 */

const CALLERS: Who[] = ['admin', 'vanphong', 'baocao', 'lanhdao', null];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every write route the app serves, as "METHOD /path", read from Fastify's own route tree. */
function writeRoutes(app: FastifyInstance): string[] {
  const paths: string[] = [];
  const found: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const path = (paths[depth - 1] ?? '') + m[2];
    paths.splice(depth, paths.length, path);
    for (const method of m[3]?.split(', ') ?? []) if (WRITES.has(method)) found.push(`${method} ${path}`);
  }
  return found.sort();
}

function expected(row: Row, t: Target): 'allowed' | number {
  if (row.least === 'public') return 'allowed';
  if (t.who === null) return 401;
  const rank = (r: Role) => ROLES.length - ROLES.indexOf(r);
  const strongEnough = row.least === 'signed-in' || rank(HOME[t.who].role) >= rank(row.least);
  return strongEnough && (t.where === 'own' || !row.unitBound) ? 'allowed' : (row.refused ?? 403);
}

describeStores('authorization matrix', (store) => {
  let app: FastifyInstance;
  let fixture: Fixture;
  let elsewhere: string;
  const sessions = new Map<Login, Session>();

  beforeAll(async () => {
    app = await demoApp(store(), { loginAttemptsPerMinute: 10_000 });
    for (const who of CALLERS) if (who) sessions.set(who, await login(app, who));
    const ctx = testContext(store());
    elsewhere = (await makeTree(ctx, 0)).city;
    fixture = { ctx, call: (who, options) => as(app, who ? (sessions.get(who) ?? null) : null, options) };
  });

  it('has a row for every write route the app serves, and no row for a route it lacks', async () => {
    await app.ready();
    const served = writeRoutes(app);
    for (const route of served) {
      const [method, url] = route.split(' ') as [string, string];
      expect(app.hasRoute({ method: method as 'POST', url }), route).toBe(true);
    }
    expect(served.length).toBeGreaterThan(20);
    expect(served).toEqual(Object.keys(MATRIX).sort());
  });

  describe.each(Object.entries(MATRIX))('%s', (_route, row) => {
    const cases = CALLERS.flatMap((who) =>
      (who && row.unitBound ? (['own', 'other'] as const) : (['own'] as const)).map((where) => ({
        who,
        where,
      })),
    );
    it.each(cases)('$who on $where unit', async ({ who, where }) => {
      const unit = where === 'own' ? HOME[who ?? 'vanphong'].unitCode : elsewhere;
      const target = { who, where, unit };
      const request = await row.build(fixture, target);
      const session = who && row.endsSession ? await login(app, who) : who ? sessions.get(who) : null;
      const res = await as(app, session ?? null, request);
      const want = expected(row, target);
      if (want === 'allowed') {
        expect(
          [409, 422].includes(res.statusCode) || (res.statusCode >= 200 && res.statusCode < 300),
          res.body,
        ).toBe(true);
      } else {
        expect(res.statusCode, res.body).toBe(want);
      }
    });
  });
});
