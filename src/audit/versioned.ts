import type { Transaction } from 'kysely';
import { ConflictError, type NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import type { Database } from '../store/schema.js';
import type { Audit } from './write.js';

type Versioned = 'units' | 'plans' | 'indicators' | 'meetings' | 'directives';

export interface VersionedUpdate<T> {
  table: Versioned;
  id: number;
  /** The version the editor saw. */
  version: number;
  /** Columns to set (row names); the version is bumped here. */
  set: Record<string, unknown>;
  load: (trx: Transaction<Database>) => Promise<T | undefined>;
  notFound: () => NotFoundError;
  audit: Audit;
  action: string;
  entity: string;
  /** Child rows (a meeting's lists, a directive's co-units), written only once the check passed. */
  writeChildren?: (before: T) => Promise<void>;
}

/**
 * The one optimistic-concurrency path: the row changes only if it still has the version the
 * editor saw; otherwise a ConflictError carries the stored state, and nothing is written.
 */
export async function updateVersioned<T>(trx: Transaction<Database>, u: VersionedUpdate<T>): Promise<T> {
  const before = await u.load(trx);
  if (before === undefined) throw u.notFound();
  // The writer who committed since our read is why this edit is stale: show the row as they left it.
  const stale = async () => {
    const message = text(
      'Dữ liệu đã được người khác sửa trong lúc bạn nhập; hãy xem bản mới và nhập lại',
      'Someone else changed this meanwhile; review the current version and try again',
    );
    return new ConflictError(message, [{ field: 'version', message }], (await u.load(trx)) ?? before);
  };
  const done = await trx
    .updateTable(u.table)
    .set({ ...u.set, version: u.version + 1 } as never)
    .where('id', '=', u.id)
    .where('version', '=', u.version)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw await stale();
  await u.writeChildren?.(before);
  const after = (await u.load(trx)) as T;
  await u.audit({ action: u.action, entity: u.entity, entityId: u.id, before, after });
  return after;
}
