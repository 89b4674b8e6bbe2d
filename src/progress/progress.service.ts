import type { ServiceContext } from '../context.js';
import { formatWindowLabel } from '../core/periods.js';
import { computeProgress, type Progress, type ProgressSettings } from '../core/progress.js';
import { invalidField } from '../errors.js';
import { text } from '../i18n.js';
import type { PlanIndicator, Target } from '../plans/plans.repo.js';
import { listPlanIndicators, listTargets } from '../plans/plans.repo.js';
import { requirePlan } from '../plans/plans.service.js';
import { findUnitById, listPredecessorLinks, listUnits, type Unit } from '../units/units.repo.js';
import { getUnit } from '../units/units.service.js';
import { parseInput } from '../validation.js';
import { aggregateMonthValues, cumulativeReporters, type Scope } from './progress.repo.js';
import { type ProgressQuery, progressQuerySchema } from './progress.schema.js';
import { buildCells, yearPoints } from './series-builder.js';

/**
 * Sums of binary fractions leave noise (99.27300000000001); twelve significant digits remove
 * it without rounding anything a person could see.
 */
function tidy(progress: Progress): Progress {
  const clean = (v: number | null) => (v === null ? null : Number.parseFloat(v.toPrecision(12)));
  return {
    ...progress,
    actual: clean(progress.actual),
    samePeriodActual: clean(progress.samePeriodActual),
    forecast: clean(progress.forecast),
  };
}

/** Earlier years read for "cùng kỳ" and for the seasonal pace. */
export const HISTORY_YEARS = 3;

export interface TargetProgress {
  basis: string;
  issuingBody: string;
  value: number;
  percentOfTarget: number | null;
}

export interface IndicatorProgress extends Progress {
  code: string;
  name: string;
  field: string;
  unit: string;
  kind: PlanIndicator['kind'];
  direction: PlanIndicator['direction'];
  decimals: number;
  target: number | null;
  basis: string | null;
  issuingBody: string | null;
  /** The same figure against the other targets it answers to ("đạt 101% dự toán thành phố giao"). */
  otherTargets: TargetProgress[];
}

export interface ProgressReport {
  plan: string;
  planName: string;
  period: string;
  periodLabel: string;
  unit: string;
  unitName: string;
  indicators: IndicatorProgress[];
}

/** The unit's predecessors, theirs in turn, and so on: who stood for the unit in earlier years. */
async function lineage(ctx: ServiceContext, unit: Unit): Promise<Unit[]> {
  const links = await listPredecessorLinks(ctx.store.db);
  if (!links.some((l) => l.unitId === unit.id)) return [unit];
  const all = new Map((await listUnits(ctx.store.db)).map((u) => [u.id, u]));
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

function orderedTargets(indicatorId: number, targets: readonly Target[], defaultBasis: string): Target[] {
  return targets
    .filter((t) => t.indicatorId === indicatorId)
    .sort((a, b) => Number(b.basis === defaultBasis) - Number(a.basis === defaultBasis) || a.id - b.id);
}

/**
 * Progress of every indicator of a plan for one unit, through one month. One aggregate query
 * reads all figures at once; the rules of src/core turn them into percentages and statuses.
 */
export async function progressFor(
  ctx: ServiceContext,
  query: ProgressQuery,
  settings?: ProgressSettings,
): Promise<ProgressReport> {
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
  const [indicators, targets, roots] = await Promise.all([
    listPlanIndicators(db, plan.id),
    listTargets(db, plan.id, unit.id),
    lineage(ctx, unit),
  ]);
  const provinces = new Set(roots.map((r) => r.provinceId));
  const scope: Scope = {
    paths: roots.map((r) => r.path),
    provinceId: provinces.size === 1 ? (roots[0]?.provinceId ?? null) : null,
    indicatorIds: indicators.map((i) => i.id),
    fromYear: year - HISTORY_YEARS,
    toYear: year,
    weights: new Map(
      indicators
        .filter((i) => i.rollup === 'weighted' && i.weightIndicatorId !== null)
        .map((i) => [i.id, i.weightIndicatorId as number]),
    ),
  };
  const [groups, reporters] = await Promise.all([
    aggregateMonthValues(db, scope),
    cumulativeReporters(db, scope),
  ]);
  const cells = buildCells(groups, reporters);

  const rows = indicators.map((indicator): IndicatorProgress => {
    const years = yearPoints(cells.get(indicator.id), indicator.rollup, unit.depth);
    const previousYears = Array.from({ length: HISTORY_YEARS }, (_, k) => years.get(year - 1 - k) ?? []);
    const [primary, ...others] = orderedTargets(indicator.id, targets, plan.defaultBasis);
    const run = (target: Target | undefined) =>
      tidy(
        computeProgress({
          kind: indicator.kind,
          direction: indicator.direction,
          target: target?.value ?? null,
          baseline: indicator.baseline,
          throughMonth: month,
          current: years.get(year) ?? [],
          previousYears,
          ...(settings ? { settings } : {}),
        }),
      );
    return {
      code: indicator.code,
      name: indicator.name,
      field: indicator.field,
      unit: indicator.measureUnit,
      kind: indicator.kind,
      direction: indicator.direction,
      decimals: indicator.decimals,
      target: primary?.value ?? null,
      basis: primary?.basis ?? null,
      issuingBody: primary?.issuingBody ?? null,
      ...run(primary),
      otherTargets: others.map((t) => ({
        basis: t.basis,
        issuingBody: t.issuingBody,
        value: t.value,
        percentOfTarget: run(t).percentOfTarget,
      })),
    };
  });
  return {
    plan: plan.code,
    planName: plan.name,
    period: q.period,
    periodLabel: formatWindowLabel({ year, fromMonth: 1, toMonth: month }),
    unit: unit.code,
    unitName: unit.name,
    indicators: rows,
  };
}
