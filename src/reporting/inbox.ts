import { writeTransaction } from '../audit/write.js';
import type { ServiceContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { type Text, text } from '../i18n.js';
import type { ReminderKind } from './reminders.js';

export interface Reminder {
  id: number;
  kind: ReminderKind;
  planCode: string | null;
  unitCode: string | null;
  unitName: string | null;
  directiveId: number | null;
  period: string | null;
  /** The day it was last raised. */
  day: string;
  message: Text;
  createdAt: string;
  readAt: string | null;
}

type ReminderRow = {
  id: number;
  kind: string;
  plan_code: string | null;
  unit_code: string | null;
  unit_name: string | null;
  directive_id: number | null;
  period: string | null;
  day: string;
  message_vi: string;
  message_en: string;
  created_at: string;
  read_at: string | null;
};

function toReminder(r: ReminderRow): Reminder {
  return {
    id: r.id,
    kind: r.kind as ReminderKind,
    planCode: r.plan_code,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    directiveId: r.directive_id,
    period: r.period,
    day: r.day,
    message: text(r.message_vi, r.message_en),
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

/** One person's inbox, newest first; `unread` counts what is still unread in all. */
export async function inbox(
  ctx: ServiceContext,
  userId: number,
  options: { unreadOnly?: boolean; limit?: number; offset?: number } = {},
): Promise<{ items: Reminder[]; total: number; unread: number }> {
  const db = ctx.store.db;
  const mine = db.selectFrom('reminders as r').where('r.user_id', '=', userId);
  const shown = options.unreadOnly ? mine.where('r.read_at', 'is', null) : mine;
  const [rows, total, unread] = await Promise.all([
    shown
      .leftJoin('plans as p', 'p.id', 'r.plan_id')
      .leftJoin('units as u', 'u.id', 'r.unit_id')
      .selectAll('r')
      .select(['p.code as plan_code', 'u.code as unit_code', 'u.name as unit_name'])
      .orderBy('r.day', 'desc')
      .orderBy('r.id', 'desc')
      .limit(options.limit ?? 50)
      .offset(options.offset ?? 0)
      .execute(),
    shown.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    mine
      .where('r.read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toReminder), total: Number(total.n), unread: Number(unread.n) };
}

/**
 * Marks the person's own reminders read: the ids given, or every unread one. An id that is not
 * theirs is reported as not found, so nobody learns which ids exist.
 */
export async function markRead(
  ctx: ServiceContext,
  userId: number,
  ids?: readonly number[],
): Promise<number> {
  return writeTransaction(ctx, async (trx, audit) => {
    let q = trx
      .updateTable('reminders')
      .set({ read_at: ctx.now().toISOString() })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids) {
      const own = await trx
        .selectFrom('reminders')
        .select('id')
        .where('user_id', '=', userId)
        .where('id', 'in', ids.length ? [...ids] : [0])
        .execute();
      const missing = ids.find((id) => !own.some((r) => r.id === id));
      if (missing !== undefined) {
        const message = text(`Không có nhắc việc số ${missing}`, `No reminder ${missing}`);
        throw new NotFoundError(message, [{ field: 'ids', message }]);
      }
      if (ids.length === 0) return 0;
      q = q.where('id', 'in', [...ids]);
    }
    const done = await q.executeTakeFirst();
    const marked = Number(done.numUpdatedRows);
    if (marked > 0) {
      await audit({
        action: 'reminder.read',
        entity: 'reminder',
        entityId: null,
        after: { userId, ids: ids ?? 'all', marked },
      });
    }
    return marked;
  });
}
