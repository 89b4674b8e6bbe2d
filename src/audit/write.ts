import type { Transaction } from 'kysely';
import type { ServiceContext } from '../context.js';
import type { Database } from '../store/schema.js';
import { type AuditWrite, recordAudit } from './audit.repo.js';

export type Audit = (entry: AuditWrite) => Promise<void>;

let generation = 0;

/** Moves after every committed audited write in this process; read caches compare it. */
export function dataGeneration(): number {
  return generation;
}

/** Every write runs here: one transaction holding the change and its audit entries. */
export async function writeTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Transaction<Database>, audit: Audit) => Promise<T>,
): Promise<T> {
  const at = ctx.now();
  const result = await ctx.store.db
    .transaction()
    .execute((trx) => work(trx, (entry) => recordAudit(trx, ctx.actor, at, entry)));
  generation++;
  return result;
}
