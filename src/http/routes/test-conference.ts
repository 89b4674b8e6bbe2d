import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type AuditEntry, listAudit } from '../../audit/audit.repo.js';
import type { ServiceContext } from '../../context.js';
import { DEMO_LOGINS } from '../../demo/users.js';
import type { DirectiveInput } from '../../directives/directives.schema.js';
import { createDirective } from '../../directives/directives.service.js';
import type { MeetingInput } from '../../meetings/meetings.schema.js';
import { createMeeting } from '../../meetings/meetings.service.js';
import type { Store } from '../../store/connect.js';
import { testContext, uniqueCode } from '../../test/factories.js';
import { as, demoApp, type Login, login, type Session } from '../../test/http.js';

/** "Today" for the routes tests: 1 December 2021 in Vietnam, two months after the conference. */
export const NOW = () => new Date('2021-12-01T02:00:00Z');

export const LOGINS = DEMO_LOGINS.map((l) => l.username as Login);

/** The unit each demo login holds its role on. */
export const HOME = Object.fromEntries(DEMO_LOGINS.map((l) => [l.username, l.unitCode])) as Record<
  Login,
  string
>;

export interface Client {
  app: FastifyInstance;
  sessions: Record<Login, Session>;
  ctx: ServiceContext;
  /** A request to /api/v1 as a demo login, or as nobody. */
  call(
    who: Login | null,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** The demo app on `store`, its clock at NOW, with the four demo logins signed in. */
export async function demoClient(store: Store): Promise<Client> {
  const app = await demoApp(store, { now: NOW });
  const sessions = {} as Record<Login, Session>;
  for (const who of LOGINS) sessions[who] = await login(app, who);
  return {
    app,
    sessions,
    ctx: testContext(store, NOW),
    call: (who, method, url, payload, headers) =>
      as(app, who ? sessions[who] : null, {
        method,
        url: `/api/v1${url}`,
        ...(payload === undefined ? {} : { payload: payload as object }),
        ...(headers ? { headers } : {}),
      }),
  };
}

/** A meeting of `unitCode` with one conclusion item per text, made through the service. */
export function makeMeeting(ctx: ServiceContext, unitCode: string, items: string[] = ['Việc thử']) {
  const input: MeetingInput = {
    unitCode,
    body: 'Ban Thường vụ',
    title: `Hội nghị ${uniqueCode('thu')}`,
    heldOn: '2021-10-06',
    conclusionItems: items.map((text) => ({ text })),
  };
  return createMeeting(ctx, input);
}

export function makeDirective(
  ctx: ServiceContext,
  leadUnitCode: string,
  extra: Partial<DirectiveInput> = {},
) {
  return createDirective(ctx, { title: `Nhiệm vụ ${uniqueCode('thu')}`, leadUnitCode, ...extra });
}

/** Audit entries of one record, oldest first. */
export async function auditOf(store: Store, entity: string, id: number): Promise<AuditEntry[]> {
  return (await listAudit(store.db, { entity, entityId: id })).reverse();
}
