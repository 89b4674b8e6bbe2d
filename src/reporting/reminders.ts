import { writeTransaction } from '../audit/write.js';
import { type Db, type ServiceContext, todayIso } from '../context.js';
import { daysBetween } from '../core/dates.js';
import { monthKey } from '../core/periods.js';
import { type Directive, listDirectives } from '../directives/directives.service.js';
import type { Text } from '../i18n.js';
import { listPlans } from '../plans/plans.repo.js';
import { findUnitsByIds, type Unit } from '../units/units.repo.js';
import { DUE_SOON_DAYS, onDay, REMINDER_LOOKBACK_DAYS, recentlyDuePeriods } from './due.js';
import { isLocked } from './locks.js';
import { type MissingReport, missingReports } from './missing.js';
import { settingsOf } from './settings.js';
import { directiveReminder, missingReminder } from './words.js';

export type ReminderKind = 'report_missing' | 'directive_overdue' | 'directive_due_soon';

interface Wanted {
  userId: number;
  subject: string;
  kind: ReminderKind;
  planId: number | null;
  unitId: number | null;
  directiveId: number | null;
  period: string | null;
  message: Text;
}

interface Grant {
  userId: number;
  path: string;
}

/** Active accounts that can act on a unit's figures or directives (reporter and up). */
async function actingGrants(db: Db): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as us', 'us.id', 'r.user_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.user_id', 'u.path'])
    .where('us.active', '=', 1)
    .where('r.role', 'in', ['reporter', 'editor', 'admin'])
    .execute();
  return rows.map((r) => ({ userId: r.user_id, path: r.path }));
}

/**
 * The people answering for a unit: those granted on the unit itself, or else on its nearest
 * ancestor that has anyone; a province admin is not told about every ward.
 */
function responsible(grants: readonly Grant[], unit: Pick<Unit, 'path'>): number[] {
  const over = grants.filter((g) => unit.path.startsWith(g.path));
  const nearest = Math.max(...over.map((g) => g.path.length));
  return [...new Set(over.filter((g) => g.path.length === nearest).map((g) => g.userId))];
}

async function wantedReminders(ctx: ServiceContext, today: string, grants: Grant[]): Promise<Wanted[]> {
  const db = ctx.store.db;
  const year = Number(today.slice(0, 4));
  const reports: { planId: number; report: MissingReport }[] = [];
  for (const plan of await listPlans(db)) {
    if (plan.year < year - 1 || plan.year > year) continue;
    const rule = await settingsOf(db, plan);
    for (const period of recentlyDuePeriods(rule, plan.year, today, REMINDER_LOOKBACK_DAYS)) {
      // A locked month has been reviewed: nobody is chased for it any more.
      if (await isLocked(db, plan, period)) continue;
      const report = await missingReports(ctx, {
        planCode: plan.code,
        period: monthKey(period),
        date: today,
      });
      reports.push({ planId: plan.id, report });
    }
  }
  const dated = onDay(ctx, today);
  const overdue = await listDirectives(dated, { status: 'in_progress_overdue' });
  const soon = (await listDirectives(dated, { status: 'in_progress_on_time' })).filter(
    (d) => d.deadline !== null && daysBetween(today, d.deadline) <= DUE_SOON_DAYS,
  );
  const unitIds = [
    ...reports.flatMap((r) => r.report.units.map((u) => u.id)),
    ...[...overdue, ...soon].map((d) => d.leadUnitId),
  ];
  const units = new Map((await findUnitsByIds(db, unitIds)).map((u) => [u.id, u]));
  const out: Wanted[] = [];
  const remind = (unitId: number, w: Omit<Wanted, 'userId' | 'unitId'>) => {
    const unit = units.get(unitId);
    if (unit) for (const userId of responsible(grants, unit)) out.push({ ...w, userId, unitId });
  };
  for (const { planId, report } of reports) {
    for (const unit of report.units) {
      remind(unit.id, {
        subject: `report:${planId}:${report.period}:${unit.id}`,
        kind: 'report_missing',
        planId,
        directiveId: null,
        period: report.period,
        message: missingReminder(report, unit),
      });
    }
  }
  const directive = (d: Directive, kind: ReminderKind) =>
    remind(d.leadUnitId, {
      subject: `${kind}:${d.id}`,
      kind,
      planId: null,
      directiveId: d.id,
      period: null,
      message: directiveReminder(d, today),
    });
  for (const d of overdue) directive(d, 'directive_overdue');
  for (const d of soon) directive(d, 'directive_due_soon');
  return out;
}

export interface GenerationResult {
  day: string;
  created: number;
  refreshed: number;
  /** Unread reminders whose cause went away (the unit reported, the directive was done). */
  closed: number;
}

const CHUNK = 200;

/**
 * Raises today's reminders: units that have not reported a month whose due date has passed
 * (not yet locked, due within the last two months), overdue directives, and directives due
 * within three days. Each person gets one live reminder per subject: an unread one is brought
 * up to date rather than repeated, a read one is raised again the next day, and running twice
 * on one day changes nothing.
 */
export async function generateReminders(
  ctx: ServiceContext,
  today = todayIso(ctx),
): Promise<GenerationResult> {
  const grants = await actingGrants(ctx.store.db);
  const wanted = await wantedReminders(ctx, today, grants);
  return writeTransaction(ctx, async (trx, audit) => {
    const live = await trx
      .selectFrom('reminders')
      .select(['id', 'user_id', 'subject', 'day', 'read_at'])
      .where((eb) => eb.or([eb('read_at', 'is', null), eb('day', '=', today)]))
      .execute();
    const byKey = new Map(live.map((r) => [`${r.user_id}|${r.subject}`, r]));
    const now = ctx.now().toISOString();
    const inserts: Wanted[] = [];
    const seen = new Set<string>();
    let refreshed = 0;
    for (const w of wanted) {
      const key = `${w.userId}|${w.subject}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const existing = byKey.get(key);
      if (existing?.day === today) continue;
      if (existing && existing.read_at === null) {
        await trx
          .updateTable('reminders')
          .set({ day: today, message_vi: w.message.vi, message_en: w.message.en })
          .where('id', '=', existing.id)
          .execute();
        refreshed++;
      } else inserts.push(w);
    }
    for (let i = 0; i < inserts.length; i += CHUNK) {
      await trx
        .insertInto('reminders')
        .values(
          inserts.slice(i, i + CHUNK).map((w) => ({
            user_id: w.userId,
            subject: w.subject,
            kind: w.kind,
            plan_id: w.planId,
            unit_id: w.unitId,
            directive_id: w.directiveId,
            period: w.period,
            day: today,
            message_vi: w.message.vi,
            message_en: w.message.en,
            created_at: now,
          })),
        )
        .execute();
    }
    const stale = live.filter(
      (r) => r.read_at === null && r.day < today && !seen.has(`${r.user_id}|${r.subject}`),
    );
    for (let i = 0; i < stale.length; i += CHUNK) {
      const ids = stale.slice(i, i + CHUNK).map((r) => r.id);
      await trx.updateTable('reminders').set({ read_at: now }).where('id', 'in', ids).execute();
    }
    const result = { day: today, created: inserts.length, refreshed, closed: stale.length };
    if (result.created + result.refreshed + result.closed > 0) {
      await audit({ action: 'reminders.generate', entity: 'reminder', entityId: null, after: result });
    }
    return result;
  });
}
