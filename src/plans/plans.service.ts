import { type Audit, writeTransaction } from '../audit/write.js';
import type { Db, ServiceContext } from '../context.js';
import { ConflictError, invalidField, NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { findUnitByCode, findUnitById, findUnitsByIds, type Unit } from '../units/units.repo.js';
import { unitNotFound } from '../units/units.service.js';
import { parseInput } from '../validation.js';
import {
  findIndicator,
  findPlanByCode,
  findPlanIndicator,
  type Indicator,
  lastReportedMonth,
  listPlanIndicators,
  listPlans,
  listTargets,
  type Plan,
  type PlanIndicator,
  type Target,
  toIndicator,
  toPlan,
  toTarget,
} from './plans.repo.js';
import {
  type IndicatorInput,
  indicatorInputSchema,
  type PlanIndicatorInput,
  type PlanInput,
  planIndicatorInputSchema,
  planInputSchema,
  type TargetInput,
  targetInputSchema,
} from './plans.schema.js';

export function planNotFound(code: string, field = 'planCode'): NotFoundError {
  const message = text(`Không tìm thấy kế hoạch có mã "${code}"`, `No plan with code "${code}"`);
  return new NotFoundError(message, [{ field, message }]);
}

function indicatorNotFound(code: string, planCode?: string): NotFoundError {
  const message = planCode
    ? text(
        `Kế hoạch "${planCode}" không có chỉ tiêu mã "${code}"`,
        `Plan "${planCode}" has no indicator "${code}"`,
      )
    : text(`Không tìm thấy chỉ tiêu mã "${code}"`, `No indicator with code "${code}"`);
  return new NotFoundError(message, [{ field: 'indicatorCode', message }]);
}

export async function requirePlan(db: Db, code: string, field = 'planCode'): Promise<Plan> {
  const plan = await findPlanByCode(db, code);
  if (!plan) throw planNotFound(code, field);
  return plan;
}

export async function requirePlanIndicator(db: Db, plan: Plan, code: string): Promise<PlanIndicator> {
  const indicator = await findPlanIndicator(db, plan.id, code);
  if (!indicator) throw indicatorNotFound(code, plan.code);
  return indicator;
}

async function requireUnit(db: Db, code: string, field: string): Promise<Unit> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw unitNotFound(code, field);
  return unit;
}

export async function createPlan(ctx: ServiceContext, input: PlanInput): Promise<Plan> {
  const data = parseInput(planInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    if (await findPlanByCode(trx, data.code)) {
      const message = text(
        `Mã kế hoạch "${data.code}" đã tồn tại`,
        `Plan code "${data.code}" already exists`,
      );
      throw new ConflictError(message, [{ field: 'code', message }]);
    }
    const unit = await requireUnit(trx, data.unitCode, 'unitCode');
    const row = await trx
      .insertInto('plans')
      .values({
        code: data.code,
        name: data.name,
        year: data.year,
        unit_id: unit.id,
        issuing_body: data.issuingBody,
        document_number: data.documentNumber ?? null,
        adopted_on: data.adoptedOn ?? null,
        default_basis: data.defaultBasis,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const plan = toPlan(row);
    await audit({ action: 'plan.create', entity: 'plan', entityId: plan.id, after: plan });
    return plan;
  });
}

/** Adds an indicator to a unit's catalogue, where plans of any year can pick it up. */
export async function createIndicator(ctx: ServiceContext, input: IndicatorInput): Promise<Indicator> {
  const data = parseInput(indicatorInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const owner = await requireUnit(trx, data.ownerUnitCode, 'ownerUnitCode');
    if (await findIndicator(trx, owner.id, data.code)) {
      const message = text(
        `Mã chỉ tiêu "${data.code}" đã tồn tại`,
        `Indicator code "${data.code}" already exists`,
      );
      throw new ConflictError(message, [{ field: 'code', message }]);
    }
    const weight = data.weightIndicatorCode
      ? await findIndicator(trx, owner.id, data.weightIndicatorCode)
      : undefined;
    if (data.weightIndicatorCode && !weight) throw indicatorNotFound(data.weightIndicatorCode);
    const row = await trx
      .insertInto('indicators')
      .values({
        owner_unit_id: owner.id,
        code: data.code,
        name: data.name,
        field: data.field,
        measure_unit: data.measureUnit,
        kind: data.kind,
        direction: data.direction,
        rollup: data.rollup,
        weight_indicator_id: weight?.id ?? null,
        frequency: data.frequency,
        allow_negative: data.allowNegative ? 1 : 0,
        decimals: data.decimals,
        aliases: JSON.stringify(data.aliases),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const indicator = toIndicator(row);
    await audit({
      action: 'indicator.create',
      entity: 'indicator',
      entityId: indicator.id,
      after: indicator,
    });
    return indicator;
  });
}

/** Puts a catalogue indicator into a plan, with the baseline of the plan year. */
export async function includeIndicator(
  ctx: ServiceContext,
  input: PlanIndicatorInput,
): Promise<PlanIndicator> {
  const data = parseInput(planIndicatorInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const plan = await requirePlan(trx, data.planCode);
    const indicator = await findIndicator(trx, plan.unitId, data.indicatorCode);
    if (!indicator) throw indicatorNotFound(data.indicatorCode);
    if (await findPlanIndicator(trx, plan.id, indicator.code)) {
      const message = text(
        `Chỉ tiêu "${indicator.code}" đã có trong kế hoạch "${plan.code}"`,
        `Indicator "${indicator.code}" is already in plan "${plan.code}"`,
      );
      throw new ConflictError(message, [{ field: 'indicatorCode', message }]);
    }
    const count = await trx
      .selectFrom('plan_indicators')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const sortOrder = data.sortOrder ?? Number(count.n) + 1;
    await trx
      .insertInto('plan_indicators')
      .values({
        plan_id: plan.id,
        indicator_id: indicator.id,
        sort_order: sortOrder,
        baseline: data.baseline ?? null,
      })
      .execute();
    const result = { ...indicator, sortOrder, baseline: data.baseline ?? null };
    await audit({ action: 'plan.include_indicator', entity: 'plan', entityId: plan.id, after: result });
    return result;
  });
}

/**
 * Creates a target (no version given) or updates the one the caller saw (its version). A stale
 * version is refused with the stored target, so no edit is lost silently.
 */
export async function setTarget(ctx: ServiceContext, input: TargetInput): Promise<Target> {
  return writeTransaction(ctx, (trx, audit) => setTargetIn(trx, audit, input));
}

/** `setTarget` inside the caller's transaction, so a file of targets commits all or nothing. */
export async function setTargetIn(trx: Db, audit: Audit, input: TargetInput, line?: number): Promise<Target> {
  const data = parseInput(targetInputSchema, input, line);
  const plan = await requirePlan(trx, data.planCode);
  const indicator = await requirePlanIndicator(trx, plan, data.indicatorCode);
  const planUnit = (await findUnitById(trx, plan.unitId)) as Unit;
  const unit = data.unitCode ? await requireUnit(trx, data.unitCode, 'unitCode') : planUnit;
  // A plan sets targets for its own unit and the units below it, never for another branch.
  if (!unit.path.startsWith(planUnit.path)) {
    throw invalidField(
      'unitCode',
      text(
        `Đơn vị "${unit.code}" không thuộc phạm vi kế hoạch "${plan.code}" (${planUnit.name})`,
        `Unit "${unit.code}" is outside plan "${plan.code}" (${planUnit.name})`,
      ),
    );
  }
  const issuingBody = data.issuingBody ?? plan.issuingBody;
  if (data.value < 0 && !indicator.allowNegative) {
    throw invalidField(
      'value',
      text('Chỉ tiêu không nhận giá trị âm', 'The indicator takes no negative value'),
    );
  }
  const existing = await trx
    .selectFrom('targets')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .where('indicator_id', '=', indicator.id)
    .where('unit_id', '=', unit.id)
    .where('basis', '=', data.basis)
    .where('issuing_body', '=', issuingBody)
    .executeTakeFirst();
  const stale = () => {
    const message = text(
      'Chỉ tiêu kế hoạch đã được người khác sửa; hãy tải lại và nhập lại',
      'The target was changed by someone else; reload and try again',
    );
    return new ConflictError(message, [{ field: 'version', message }], existing && toTarget(existing));
  };
  if (existing && existing.version !== data.version) throw stale();
  if (!existing && data.version !== undefined) {
    const message = text('Không tìm thấy chỉ tiêu kế hoạch để sửa', 'No target to update');
    throw new NotFoundError(message, [{ field: 'version', message }]);
  }
  const row = existing
    ? await trx
        .updateTable('targets')
        .set({ value: data.value, version: existing.version + 1 })
        .where('id', '=', existing.id)
        // A writer that committed between our read and this update leaves no row to match.
        .where('version', '=', existing.version)
        .returningAll()
        .executeTakeFirst()
    : await trx
        .insertInto('targets')
        .values({
          plan_id: plan.id,
          indicator_id: indicator.id,
          unit_id: unit.id,
          basis: data.basis,
          issuing_body: issuingBody,
          value: data.value,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
  if (!row) throw stale();
  const target = toTarget(row);
  await audit({
    action: existing ? 'target.update' : 'target.create',
    entity: 'target',
    entityId: target.id,
    before: existing ? toTarget(existing) : undefined,
    after: target,
  });
  return target;
}

/** A target with the codes a client sends back to change it. */
export interface TargetView extends Target {
  indicatorCode: string;
  unitCode: string;
}

export interface PlanDetail {
  plan: Plan;
  indicators: PlanIndicator[];
  targets: TargetView[];
  /** The last month with figures ("YYYY-MM"), null before the first report. */
  lastReportedPeriod: string | null;
}

export async function getPlanDetail(ctx: ServiceContext, code: string): Promise<PlanDetail> {
  const db = ctx.store.db;
  const plan = await requirePlan(db, code);
  const [indicators, targets, lastReportedPeriod] = await Promise.all([
    listPlanIndicators(db, plan.id),
    listTargets(db, plan.id),
    lastReportedMonth(db, plan.id, plan.year),
  ]);
  const units = await findUnitsByIds(
    db,
    targets.map((t) => t.unitId),
  );
  const codeOf = (list: { id: number; code: string }[], id: number) =>
    list.find((x) => x.id === id)?.code ?? '';
  return {
    plan,
    indicators,
    targets: targets.map((t) => ({
      ...t,
      indicatorCode: codeOf(indicators, t.indicatorId),
      unitCode: codeOf(units, t.unitId),
    })),
    lastReportedPeriod,
  };
}

export interface PlanSummary extends Plan {
  unitCode: string;
  unitName: string;
}

/** Plans of the units `visible` accepts (the caller's branch), newest year first. */
export async function listVisiblePlans(
  ctx: ServiceContext,
  filter: { year?: number | undefined; visible: (unit: Unit) => boolean },
): Promise<PlanSummary[]> {
  const db = ctx.store.db;
  const plans = (await listPlans(db)).filter((p) => filter.year === undefined || p.year === filter.year);
  const units = await findUnitsByIds(
    db,
    plans.map((p) => p.unitId),
  );
  return plans.flatMap((plan) => {
    const unit = units.find((u) => u.id === plan.unitId);
    return unit && filter.visible(unit) ? [{ ...plan, unitCode: unit.code, unitName: unit.name }] : [];
  });
}
