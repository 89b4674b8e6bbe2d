import type { Selectable } from 'kysely';
import type { Db } from '../context.js';
import type { Frequency } from '../core/periods.js';
import type { IndicatorTable, PlanTable, TargetTable } from '../store/schema.js';

export interface Plan {
  id: number;
  code: string;
  name: string;
  year: number;
  unitId: number;
  issuingBody: string;
  documentNumber: string | null;
  adoptedOn: string | null;
  defaultBasis: string;
  version: number;
}

export interface Indicator {
  id: number;
  ownerUnitId: number;
  code: string;
  name: string;
  field: string;
  measureUnit: string;
  kind: 'flow' | 'level';
  direction: 'increase' | 'decrease';
  rollup: 'sum' | 'mean' | 'weighted' | 'none';
  weightIndicatorId: number | null;
  frequency: Frequency;
  allowNegative: boolean;
  decimals: number;
  aliases: string[];
  version: number;
}

/** An indicator as a plan uses it: its order in the plan and the baseline of the plan year. */
export interface PlanIndicator extends Indicator {
  sortOrder: number;
  baseline: number | null;
}

export interface Target {
  id: number;
  planId: number;
  indicatorId: number;
  unitId: number;
  basis: string;
  issuingBody: string;
  value: number;
  version: number;
}

export function toPlan(r: Selectable<PlanTable>): Plan {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    year: r.year,
    unitId: r.unit_id,
    issuingBody: r.issuing_body,
    documentNumber: r.document_number,
    adoptedOn: r.adopted_on,
    defaultBasis: r.default_basis,
    version: r.version,
  };
}

export function toIndicator(r: Selectable<IndicatorTable>): Indicator {
  return {
    id: r.id,
    ownerUnitId: r.owner_unit_id,
    code: r.code,
    name: r.name,
    field: r.field,
    measureUnit: r.measure_unit,
    kind: r.kind as Indicator['kind'],
    direction: r.direction as Indicator['direction'],
    rollup: r.rollup as Indicator['rollup'],
    weightIndicatorId: r.weight_indicator_id,
    frequency: r.frequency as Frequency,
    allowNegative: r.allow_negative === 1,
    decimals: r.decimals,
    aliases: JSON.parse(r.aliases) as string[],
    version: r.version,
  };
}

export function toTarget(r: Selectable<TargetTable>): Target {
  return {
    id: r.id,
    planId: r.plan_id,
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    basis: r.basis,
    issuingBody: r.issuing_body,
    value: r.value,
    version: r.version,
  };
}

export async function findPlanByCode(db: Db, code: string): Promise<Plan | undefined> {
  const r = await db.selectFrom('plans').selectAll().where('code', '=', code).executeTakeFirst();
  return r && toPlan(r);
}

export async function listPlans(db: Db): Promise<Plan[]> {
  const rows = await db.selectFrom('plans').selectAll().orderBy('year', 'desc').orderBy('code').execute();
  return rows.map(toPlan);
}

export async function findIndicator(
  db: Db,
  ownerUnitId: number,
  code: string,
): Promise<Indicator | undefined> {
  const r = await db
    .selectFrom('indicators')
    .selectAll()
    .where('owner_unit_id', '=', ownerUnitId)
    .where('code', '=', code)
    .executeTakeFirst();
  return r && toIndicator(r);
}

function planIndicatorQuery(db: Db, planId: number) {
  return db
    .selectFrom('plan_indicators as pi')
    .innerJoin('indicators as i', 'i.id', 'pi.indicator_id')
    .selectAll('i')
    .select(['pi.sort_order', 'pi.baseline'])
    .where('pi.plan_id', '=', planId);
}

type PlanIndicatorRow = Selectable<IndicatorTable> & { sort_order: number; baseline: number | null };

function toPlanIndicator(r: PlanIndicatorRow): PlanIndicator {
  return { ...toIndicator(r), sortOrder: r.sort_order, baseline: r.baseline };
}

/** A unit's catalogue: every indicator it owns, whether or not a plan uses it yet. */
export async function listCatalogue(db: Db, ownerUnitId: number): Promise<Indicator[]> {
  const rows = await db
    .selectFrom('indicators')
    .selectAll()
    .where('owner_unit_id', '=', ownerUnitId)
    .orderBy('field')
    .orderBy('code')
    .execute();
  return rows.map(toIndicator);
}

export async function listPlanIndicators(db: Db, planId: number): Promise<PlanIndicator[]> {
  const rows = await planIndicatorQuery(db, planId).orderBy('pi.sort_order').orderBy('i.code').execute();
  return rows.map(toPlanIndicator);
}

export async function findPlanIndicator(
  db: Db,
  planId: number,
  code: string,
): Promise<PlanIndicator | undefined> {
  const r = await planIndicatorQuery(db, planId).where('i.code', '=', code).executeTakeFirst();
  return r && toPlanIndicator(r);
}

/**
 * The last month of the plan's year that has any current figure for its indicators, as
 * "YYYY-MM": where a dashboard opens, since a year's report is usually read months later.
 */
export async function lastReportedMonth(db: Db, planId: number, year: number): Promise<string | null> {
  const row = await db
    .selectFrom('figures as f')
    .innerJoin('plan_indicators as pi', 'pi.indicator_id', 'f.indicator_id')
    .select((eb) => eb.fn.max('f.month').as('month'))
    .where('pi.plan_id', '=', planId)
    .where('f.year', '=', year)
    .where('f.is_current', '=', 1)
    .executeTakeFirst();
  const month = row?.month == null ? null : Number(row.month);
  return month ? `${year}-${String(month).padStart(2, '0')}` : null;
}

export async function listTargets(db: Db, planId: number, unitId?: number): Promise<Target[]> {
  let q = db.selectFrom('targets').selectAll().where('plan_id', '=', planId);
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const rows = await q.orderBy('indicator_id').orderBy('id').execute();
  return rows.map(toTarget);
}
