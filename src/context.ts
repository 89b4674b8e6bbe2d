import type { Kysely, Transaction } from 'kysely';
import { toIsoDate } from './core/dates.js';
import type { Store } from './store/connect.js';
import type { Database } from './store/schema.js';

/** Who is acting: a signed-in user, or the system (CLI, demo loader, scheduled jobs). */
export interface Actor {
  userId: number | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'hệ thống' };

/** What every service needs; transports build one per request or command. */
export interface ServiceContext {
  store: Store;
  actor: Actor;
  /** Injected so tests can fix "today" for deadlines and audit times. */
  now: () => Date;
}

export type Db = Kysely<Database> | Transaction<Database>;

export function systemContext(store: Store, now: () => Date = () => new Date()): ServiceContext {
  return { store, actor: SYSTEM_ACTOR, now };
}

/** Today in Vietnam, where deadlines fall: UTC would turn 06:00 on the 1st into the day before. */
export function todayIso(ctx: ServiceContext): string {
  return toIsoDate(ctx.now());
}
