import type { Transaction } from 'kysely';
import type { ServiceContext } from '../context.js';
import type { Database } from '../store/schema.js';
import { type AuditWrite, recordAudit } from './audit.repo.js';

export type Audit = (entry: AuditWrite) => Promise<void>;

/** Every write runs here: one transaction holding the change and its audit entries. */
export function writeTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Transaction<Database>, audit: Audit) => Promise<T>,
): Promise<T> {
  const at = ctx.now();
  return ctx.store.db
    .transaction()
    .execute((trx) => work(trx, (entry) => recordAudit(trx, ctx.actor, at, entry)));
}
