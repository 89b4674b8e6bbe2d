import type { ServiceContext } from '../context.js';
import type { ProgressSettings } from '../core/progress.js';
import { invalidField } from '../errors.js';
import { text } from '../i18n.js';
import { listPlanIndicators, type Plan, type PlanIndicator } from '../plans/plans.repo.js';
import { requirePlan } from '../plans/plans.service.js';
import {
  findUnitById,
  listPredecessorLinks,
  listSubtree,
  listUnits,
  type Unit,
} from '../units/units.repo.js';
import { getUnit } from '../units/units.service.js';
import { parseInput } from '../validation.js';
import type { Scope } from './progress.repo.js';
import { type ProgressQuery, progressQuerySchema } from './progress.schema.js';

/** Earlier years read for "cùng kỳ" and for the seasonal pace. */
export const HISTORY_YEARS = 3;

export interface Frame {
  plan: Plan;
  unit: Unit;
  year: number;
  month: number;
  indicators: PlanIndicator[];
  settings: ProgressSettings | undefined;
}

/** Checks the query and loads what every progress view needs. */
export async function frame(
  ctx: ServiceContext,
  query: ProgressQuery,
  settings?: ProgressSettings,
): Promise<Frame> {
  const q = parseInput(progressQuerySchema, query);
  const db = ctx.store.db;
  const plan = await requirePlan(db, q.planCode);
  const [year, month] = q.period.split('-').map(Number) as [number, number];
  if (year !== plan.year) {
    throw invalidField(
      'period',
      text(
        `Kỳ ${q.period} không thuộc năm ${plan.year} của kế hoạch "${plan.code}"`,
        `Period ${q.period} is not in plan year ${plan.year}`,
      ),
    );
  }
  const planUnit = (await findUnitById(db, plan.unitId)) as Unit;
  const unit = q.unitCode ? await getUnit(ctx, q.unitCode) : planUnit;
  if (!unit.path.startsWith(planUnit.path)) {
    throw invalidField(
      'unitCode',
      text(
        `Đơn vị "${unit.code}" không thuộc phạm vi kế hoạch "${plan.code}"`,
        `Unit "${unit.code}" is outside plan "${plan.code}"`,
      ),
    );
  }
  return { plan, unit, year, month, indicators: await listPlanIndicators(db, plan.id), settings };
}

/** Units standing for `unit` in earlier years: itself, its predecessors, theirs, and so on. */
export async function standingFor(ctx: ServiceContext, unit: Unit): Promise<Unit[]> {
  const db = ctx.store.db;
  const links = await listPredecessorLinks(db);
  if (!links.some((l) => l.unitId === unit.id)) return [unit];
  return lineage(unit, new Map((await listUnits(db)).map((u) => [u.id, u])), links);
}

function lineage(
  unit: Unit,
  all: ReadonlyMap<number, Unit>,
  links: readonly { unitId: number; predecessorId: number }[],
): Unit[] {
  const out = new Map<number, Unit>([[unit.id, unit]]);
  const queue = [unit.id];
  while (queue.length > 0) {
    const id = queue.pop() as number;
    for (const l of links) {
      const p = l.unitId === id ? all.get(l.predecessorId) : undefined;
      if (p && !out.has(p.id)) {
        out.set(p.id, p);
        queue.push(p.id);
      }
    }
  }
  return [...out.values()];
}

/** A province, or a root above provinces: its figures are found by the province key alone. */
const wholeProvinceOrMore = (u: Unit) =>
  u.provinceId === u.id || (u.parentId === null && u.provinceId === null);

/** Whether every unit ever made directly under the (single) root is a province. */
async function onlyProvincesBelow(ctx: ServiceContext, roots: readonly Unit[]): Promise<boolean> {
  const [root] = roots;
  if (roots.length !== 1 || !root || root.provinceId !== null) return false;
  const children = await ctx.store.db
    .selectFrom('units')
    .select(['id', 'province_id'])
    .where('parent_id', '=', root.id)
    .execute();
  return children.length > 0 && children.every((c) => c.province_id === c.id);
}

export async function scopeOf(
  ctx: ServiceContext,
  f: Frame,
  roots: readonly Unit[],
  childrenOf: string | null,
): Promise<Scope> {
  // Below a province the scope's units are few (a district, a commune): they are named by id.
  const unitIds =
    childrenOf !== null || roots.every(wholeProvinceOrMore)
      ? null
      : (await Promise.all(roots.map((r) => listSubtree(ctx.store.db, r)))).flat().map((u) => u.id);
  return {
    unitIds,
    paths: roots.map((r) => r.path),
    // A merged province stands for several; a unit above the provinces reads them all.
    provinceIds: roots.some((r) => r.provinceId === null)
      ? null
      : [...new Set(roots.map((r) => r.provinceId as number))],
    indicatorIds: f.indicators.map((i) => i.id),
    fromYear: f.year - HISTORY_YEARS,
    toYear: f.year,
    weights: new Map(
      f.indicators
        .filter((i) => i.rollup === 'weighted' && i.weightIndicatorId !== null)
        .map((i) => [i.id, i.weightIndicatorId as number]),
    ),
    childrenOf,
    childrenAreProvinces: childrenOf !== null && (await onlyProvincesBelow(ctx, roots)),
    dialect: ctx.store.dialect,
  };
}
