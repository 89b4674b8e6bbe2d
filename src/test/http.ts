import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { systemContext } from '../context.js';
import { loadDemo } from '../demo/load-demo.js';
import { DEMO_LOGINS } from '../demo/users.js';
import { buildApp, type ServerSettings } from '../http/app.js';
import type { Store } from '../store/connect.js';

export type Login = 'admin' | 'vanphong' | 'baocao' | 'lanhdao';

/** A signed-in client: its cookie and the CSRF token every write must carry. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** The app over a store holding the demo, with the demo's four logins. */
export async function demoApp(
  store: Store,
  settings: Partial<ServerSettings> = {},
): Promise<FastifyInstance> {
  await loadDemo(systemContext(store));
  return buildApp(store, settings);
}

export async function login(
  app: FastifyInstance,
  who: Login | { username: string; password: string },
): Promise<Session> {
  const creds = typeof who === 'string' ? DEMO_LOGINS.find((l) => l.username === who) : who;
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: creds?.username, password: creds?.password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${JSON.stringify(who)}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tiendo_session');
  return { cookie: `tiendo_session=${cookie?.value}`, csrf: res.json().csrfToken };
}

/** A request as the signed-in client, with its cookie and CSRF header. */
export function as(
  app: FastifyInstance,
  session: Session | null,
  options: InjectOptions,
): Promise<LightMyRequestResponse> {
  const headers = { ...(options.headers ?? {}) } as Record<string, string>;
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ ...options, headers });
}
