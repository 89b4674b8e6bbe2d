import { writeTransaction } from '../audit/write.js';
import { type Db, type ServiceContext, todayIso } from '../context.js';
import { formatVnShortDate, toIsoDate } from '../core/dates.js';
import { type Month, monthKey, parseMonthKey } from '../core/periods.js';
import { InvalidError, invalidField, NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import type { Plan } from '../plans/plans.repo.js';
import { requirePlan } from '../plans/plans.service.js';
import type { Unit } from '../units/units.repo.js';
import { parseInput } from '../validation.js';
import { type LockInput, lockInputSchema, type UnlockInput, unlockInputSchema } from './reporting.schema.js';

/** A plan's month closed after its review. */
export interface PeriodLock {
  id: number;
  planCode: string;
  period: string;
  lockedAt: string;
  lockedBy: number | null;
  lockedByName: string | null;
  note: string | null;
}

function locksQuery(db: Db) {
  return db
    .selectFrom('period_locks as l')
    .innerJoin('plans as p', 'p.id', 'l.plan_id')
    .leftJoin('users as u', 'u.id', 'l.locked_by')
    .select([
      'l.id',
      'p.code',
      'l.year',
      'l.month',
      'l.locked_at',
      'l.locked_by',
      'l.note',
      'u.display_name',
    ]);
}

type LockRow = Awaited<ReturnType<ReturnType<typeof locksQuery>['executeTakeFirstOrThrow']>>;

function toLock(r: LockRow): PeriodLock {
  return {
    id: r.id,
    planCode: r.code,
    period: monthKey({ year: r.year, month: r.month }),
    lockedAt: r.locked_at,
    lockedBy: r.locked_by,
    lockedByName: r.display_name,
    note: r.note,
  };
}

export async function listLocks(db: Db, plan: Plan): Promise<PeriodLock[]> {
  const rows = await locksQuery(db)
    .where('l.plan_id', '=', plan.id)
    .orderBy('l.year')
    .orderBy('l.month')
    .execute();
  return rows.map(toLock);
}

async function findLock(db: Db, plan: Plan, m: Month): Promise<PeriodLock | undefined> {
  const r = await locksQuery(db)
    .where('l.plan_id', '=', plan.id)
    .where('l.year', '=', m.year)
    .where('l.month', '=', m.month)
    .executeTakeFirst();
  return r && toLock(r);
}

export async function isLocked(db: Db, plan: Plan, m: Month): Promise<boolean> {
  return (await findLock(db, plan, m)) !== undefined;
}

/**
 * Locks a month of the plan's year, once it has begun. Locking a locked month changes nothing
 * and says so (`created: false`), so a repeated command is harmless.
 */
export async function lockPeriod(
  ctx: ServiceContext,
  input: LockInput,
): Promise<{ lock: PeriodLock; created: boolean }> {
  const data = parseInput(lockInputSchema, input);
  const m = parseMonthKey(data.period);
  return writeTransaction(ctx, async (trx, audit) => {
    const plan = await requirePlan(trx, data.planCode);
    if (m.year !== plan.year) {
      throw invalidField(
        'period',
        text(
          `Kỳ ${data.period} không thuộc năm của kế hoạch "${plan.code}" (${plan.year})`,
          `Period ${data.period} is outside the year of plan "${plan.code}" (${plan.year})`,
        ),
      );
    }
    if (`${data.period}-01` > todayIso(ctx)) {
      throw invalidField(
        'period',
        text(`Tháng ${data.period} chưa bắt đầu, chưa khóa được`, `Month ${data.period} has not begun yet`),
      );
    }
    const existing = await findLock(trx, plan, m);
    if (existing) return { lock: existing, created: false };
    await trx
      .insertInto('period_locks')
      .values({
        plan_id: plan.id,
        year: m.year,
        month: m.month,
        locked_at: ctx.now().toISOString(),
        locked_by: ctx.actor.userId,
        note: data.note ?? null,
      })
      .execute();
    const lock = (await findLock(trx, plan, m)) as PeriodLock;
    await audit({ action: 'period.lock', entity: 'period_lock', entityId: lock.id, after: lock });
    return { lock, created: true };
  });
}

/** Reopens a locked month (admins only, checked by the caller's transport); the reason is audited. */
export async function unlockPeriod(ctx: ServiceContext, input: UnlockInput): Promise<PeriodLock> {
  const data = parseInput(unlockInputSchema, input);
  const m = parseMonthKey(data.period);
  return writeTransaction(ctx, async (trx, audit) => {
    const plan = await requirePlan(trx, data.planCode);
    const lock = await findLock(trx, plan, m);
    if (!lock) {
      const message = text(
        `Kỳ ${data.period} của kế hoạch "${plan.code}" chưa khóa`,
        `Period ${data.period} of plan "${plan.code}" is not locked`,
      );
      throw new NotFoundError(message, [{ field: 'period', message }]);
    }
    await trx.deleteFrom('period_locks').where('id', '=', lock.id).execute();
    await audit({
      action: 'period.unlock',
      entity: 'period_lock',
      entityId: lock.id,
      before: lock,
      after: { reason: data.reason },
    });
    return lock;
  });
}

/** The locks of one month across plans, with the units and indicators each covers. */
export interface MonthLock {
  planCode: string;
  planUnitPath: string;
  lockedAt: string;
  indicatorIds: Set<number>;
}

export async function locksOfMonth(db: Db, year: number, month: number): Promise<MonthLock[]> {
  const rows = await db
    .selectFrom('period_locks as l')
    .innerJoin('plans as p', 'p.id', 'l.plan_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('plan_indicators as pi', 'pi.plan_id', 'p.id')
    .select(['l.id', 'p.code', 'u.path', 'l.locked_at', 'pi.indicator_id'])
    .where('l.year', '=', year)
    .where('l.month', '=', month)
    .execute();
  const byLock = new Map<number, MonthLock>();
  for (const r of rows) {
    let lock = byLock.get(r.id);
    if (!lock) {
      lock = { planCode: r.code, planUnitPath: r.path, lockedAt: r.locked_at, indicatorIds: new Set() };
      byLock.set(r.id, lock);
    }
    lock.indicatorIds.add(r.indicator_id);
  }
  return [...byLock.values()];
}

/**
 * Refuses a figure write into a locked month. A figure belongs to no plan (plans pick from a
 * catalogue), so any lock whose plan uses the indicator for a branch holding the unit counts:
 * a reviewed number cannot be changed through next year's plan either.
 */
export function refuseLocked(
  locks: readonly MonthLock[],
  indicatorId: number,
  unit: Unit,
  period: string,
): void {
  const lock = locks.find((l) => l.indicatorIds.has(indicatorId) && unit.path.startsWith(l.planUnitPath));
  if (!lock) return;
  const on = formatVnShortDate(toIsoDate(new Date(lock.lockedAt)));
  const message = text(
    `Kỳ ${period} của kế hoạch "${lock.planCode}" đã khóa sau kiểm điểm (ngày ${on}); không ghi hay sửa số liệu được nữa, trừ khi quản trị viên mở lại`,
    `Period ${period} of plan "${lock.planCode}" was locked after its review (${on}); figures cannot be recorded or corrected unless an admin reopens it`,
  );
  throw new InvalidError(message, [{ field: 'period', message }]);
}
