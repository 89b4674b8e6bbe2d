import type { Actor, Db } from '../context.js';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

export interface AuditWrite {
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Called inside the writing transaction, so the entries and the change land together or not at
 * all. Many entries go in one statement: an import of thousands of figures writes as many.
 */
export async function recordAudit(
  db: Db,
  actor: Actor,
  at: Date,
  entries: readonly AuditWrite[],
): Promise<void> {
  if (entries.length === 0) return;
  const when = at.toISOString();
  await db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        at: when,
        user_id: actor.userId,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        before: entry.before === undefined ? null : JSON.stringify(entry.before),
        after: entry.after === undefined ? null : JSON.stringify(entry.after),
      })),
    )
    .execute();
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: number | undefined;
  userId?: number | undefined;
  action?: string | undefined;
  /** Entries at or after this instant (ISO 8601, UTC). */
  since?: string | undefined;
  /** Entries strictly before this instant (ISO 8601, UTC). */
  before?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The one place filters become SQL, shared by the page and its total. */
function filtered(db: Db, filter: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
  if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
  if (filter.action) q = q.where('action', '=', filter.action);
  // Times are written by toISOString(), so text order is time order.
  if (filter.since) q = q.where('at', '>=', filter.since);
  if (filter.before) q = q.where('at', '<', filter.before);
  return q;
}

/** Entries matching the filter, newest first. */
export async function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const rows = await filtered(db, filter)
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .offset(filter.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.user_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}

/** How many entries match the filter (limit and offset ignored). */
export async function countAudit(db: Db, filter: AuditFilter = {}): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
