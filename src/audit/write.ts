import type { Transaction } from 'kysely';
import type { ServiceContext } from '../context.js';
import type { Database } from '../store/schema.js';
import { type AuditWrite, recordAudit } from './audit.repo.js';

export type Audit = (entry: AuditWrite) => Promise<void>;

let generation = 0;
/** 7 values a row: far below SQLite's and PostgreSQL's limits on bound parameters. */
const AUDIT_BATCH = 250;

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
  const result = await ctx.store.db.transaction().execute(async (trx) => {
    // Entries wait in a small buffer and go in together, before the commit.
    const pending: AuditWrite[] = [];
    const flush = () => recordAudit(trx, ctx.actor, at, pending.splice(0));
    const out = await work(trx, async (entry) => {
      pending.push(entry);
      if (pending.length >= AUDIT_BATCH) await flush();
    });
    await flush();
    return out;
  });
  generation++;
  return result;
}
