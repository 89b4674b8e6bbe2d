import { writeTransaction } from '../audit/write.js';
import type { Db, ServiceContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { text } from '../i18n.js';
import type { Plan } from '../plans/plans.repo.js';
import { requirePlan } from '../plans/plans.service.js';
import { parseInput } from '../validation.js';
import { DEFAULT_DUE_RULE, type DueMonth, type DueRule } from './due.js';
import { type SettingsInput, settingsInputSchema } from './reporting.schema.js';

/** A plan's reporting calendar; `version` 0 means the plan still uses the defaults. */
export interface ReportingSettings extends DueRule {
  planCode: string;
  recipients: string[];
  version: number;
}

export async function settingsOf(db: Db, plan: Plan): Promise<ReportingSettings> {
  const row = await db
    .selectFrom('reporting_settings')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .executeTakeFirst();
  if (!row) return { planCode: plan.code, ...DEFAULT_DUE_RULE, recipients: [], version: 0 };
  return {
    planCode: plan.code,
    dueDay: row.due_day,
    dueMonth: (row.due_month_offset === 1 ? 'next' : 'same') as DueMonth,
    recipients: JSON.parse(row.recipients) as string[],
    version: row.version,
  };
}

export async function getReportingSettings(
  ctx: ServiceContext,
  planCode: string,
): Promise<ReportingSettings> {
  return settingsOf(ctx.store.db, await requirePlan(ctx.store.db, planCode));
}

function stale(current: ReportingSettings): ConflictError {
  const message = text(
    'Lịch báo cáo đã được người khác sửa; hãy xem bản mới và nhập lại',
    'Someone else changed the reporting calendar; review it and try again',
  );
  return new ConflictError(message, [{ field: 'version', message }], current);
}

/** Changes what is given, from the version the editor saw; audited like every write. */
export async function setReportingSettings(
  ctx: ServiceContext,
  input: SettingsInput,
): Promise<ReportingSettings> {
  const data = parseInput(settingsInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const plan = await requirePlan(trx, data.planCode);
    const before = await settingsOf(trx, plan);
    if (data.version !== undefined && data.version !== before.version) throw stale(before);
    const next = {
      due_day: data.dueDay ?? before.dueDay,
      due_month_offset: (data.dueMonth ?? before.dueMonth) === 'next' ? 1 : 0,
      recipients: JSON.stringify(data.recipients ?? before.recipients),
    };
    if (before.version === 0) {
      const done = await trx
        .insertInto('reporting_settings')
        .values({ plan_id: plan.id, ...next, version: 1 })
        .onConflict((oc) => oc.column('plan_id').doNothing())
        .executeTakeFirst();
      if (Number(done.numInsertedOrUpdatedRows ?? 0) !== 1) throw stale(await settingsOf(trx, plan));
    } else {
      const done = await trx
        .updateTable('reporting_settings')
        .set({ ...next, version: before.version + 1 })
        .where('plan_id', '=', plan.id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw stale(await settingsOf(trx, plan));
    }
    const after = await settingsOf(trx, plan);
    await audit({ action: 'reporting.settings', entity: 'plan', entityId: plan.id, before, after });
    return after;
  });
}
