import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { uniqueCode } from '../test/factories.js';
import { as, type Session } from '../test/http.js';

/** Shared by the HTTP tests: accounts made through the API, a hand-moved clock, fresh figures. */

/** Long, mixed and free of the user name: passes the strength rules. */
export const STRONG_PASSWORD = 'Tiến-Độ-Đức-Xuân-2021!';

export interface Account {
  id: number;
  username: string;
  password: string;
  version: number;
}

/** A new account made by `admin` through POST /users (so each test owns the account it locks). */
export async function createAccount(
  app: FastifyInstance,
  admin: Session,
  roles: { unitCode: string; role: string }[],
): Promise<Account> {
  const username = uniqueCode('nv');
  const res = await as(app, admin, {
    method: 'POST',
    url: '/api/v1/users',
    payload: { username, displayName: 'Cán bộ thử', password: STRONG_PASSWORD, roles },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, username, password: STRONG_PASSWORD, version: res.json().version };
}

/** A clock the test moves by hand, for expiry and back-off. */
export function manualClock(start = '2021-10-15T03:00:00Z') {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advanceMinutes(minutes: number) {
      at += minutes * 60_000;
    },
  };
}

let period = 0;

/**
 * A first figure for a month nobody has recorded (years before the demo's history), so the
 * write succeeds instead of asking for a revision.
 */
export function freshFigure(unitCode: string) {
  const n = period++;
  const month = String((n % 12) + 1).padStart(2, '0');
  return {
    planCode: 'bac-kan-2021',
    indicatorCode: 'ban-le',
    unitCode,
    period: `${2001 + Math.floor(n / 12)}-${month}`,
    value: 10 + n,
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
