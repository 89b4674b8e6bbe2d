import type { ServiceContext } from '../context.js';
import { formatWindowLabel } from '../core/periods.js';
import { computeProgress, type Progress, type ProgressSettings } from '../core/progress.js';
import type { PlanIndicator, Target } from '../plans/plans.repo.js';
import { listTargets } from '../plans/plans.repo.js';
import { listPredecessorLinks, listUnits, type Unit } from '../units/units.repo.js';
import { type Frame, frame, HISTORY_YEARS, scopeOf, standingFor } from './frame.js';
import { aggregateMonthValues, cumulativeReporters } from './progress.repo.js';
import type { ProgressQuery } from './progress.schema.js';
import { buildCells, type Cells, mergeCells, yearPoints } from './series-builder.js';

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

function orderedTargets(indicatorId: number, targets: readonly Target[], defaultBasis: string): Target[] {
  return targets
    .filter((t) => t.indicatorId === indicatorId)
    .sort((a, b) => Number(b.basis === defaultBasis) - Number(a.basis === defaultBasis) || a.id - b.id);
}

/** The rows of one unit: each indicator's points run through the rules of src/core. */
function rows(
  f: Frame,
  cells: ReadonlyMap<number, Cells>,
  depth: number,
  targets: readonly Target[],
): IndicatorProgress[] {
  return f.indicators.map((indicator) => {
    const years = yearPoints(cells.get(indicator.id), indicator.rollup, depth, indicator.kind);
    const previousYears = Array.from({ length: HISTORY_YEARS }, (_, k) => years.get(f.year - 1 - k) ?? []);
    const [primary, ...others] = orderedTargets(indicator.id, targets, f.plan.defaultBasis);
    const run = (target: Target | undefined) =>
      tidy(
        computeProgress({
          kind: indicator.kind,
          direction: indicator.direction,
          target: target?.value ?? null,
          baseline: indicator.baseline,
          throughMonth: f.month,
          current: years.get(f.year) ?? [],
          previousYears,
          ...(f.settings ? { settings: f.settings } : {}),
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
}

function header(f: Frame, unit: Unit) {
  return {
    plan: f.plan.code,
    planName: f.plan.name,
    period: `${f.year}-${String(f.month).padStart(2, '0')}`,
    periodLabel: formatWindowLabel({ year: f.year, fromMonth: 1, toMonth: f.month }),
    unit: unit.code,
    unitName: unit.name,
  };
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
  const f = await frame(ctx, query, settings);
  const db = ctx.store.db;
  const scope = await scopeOf(ctx, f, await standingFor(ctx, f.unit), null);
  const [groups, reporters, targets] = await Promise.all([
    aggregateMonthValues(db, scope),
    cumulativeReporters(db, scope),
    listTargets(db, f.plan.id, f.unit.id),
  ]);
  const cells = buildCells(groups, reporters).get('') ?? new Map();
  return { ...header(f, f.unit), indicators: rows(f, cells, f.unit.depth, targets) };
}

export interface ChildrenReport extends Omit<ProgressReport, 'indicators'> {
  children: (Omit<ProgressReport, 'indicators' | 'plan' | 'planName' | 'period' | 'periodLabel'> & {
    indicators: IndicatorProgress[];
  })[];
}

/**
 * The same table for each child unit that existed in the plan year, from the same single
 * aggregate grouped by child. A child made by merging siblings is compared with them.
 */
export async function progressForChildren(
  ctx: ServiceContext,
  query: ProgressQuery,
  settings?: ProgressSettings,
): Promise<ChildrenReport> {
  const f = await frame(ctx, query, settings);
  const db = ctx.store.db;
  const all = await listUnits(db);
  const start = `${f.year}-01-01`;
  const end = `${f.year + 1}-01-01`;
  const children = all.filter(
    (u) =>
      u.parentId === f.unit.id &&
      (u.validFrom === null || u.validFrom < end) &&
      (u.validTo === null || u.validTo > start),
  );
  const scope = await scopeOf(ctx, f, [f.unit], f.unit.path);
  const [groups, reporters, links, targets] = await Promise.all([
    aggregateMonthValues(db, scope),
    cumulativeReporters(db, scope),
    listPredecessorLinks(db),
    listTargets(db, f.plan.id),
  ]);
  const byChild = buildCells(groups, reporters);
  return {
    ...header(f, f.unit),
    children: children.map((child) => {
      const cells = byChild.get(String(child.id)) ?? new Map();
      for (const l of links) {
        if (l.unitId === child.id) mergeCells(cells, byChild.get(String(l.predecessorId)));
      }
      return {
        unit: child.code,
        unitName: child.name,
        indicators: rows(
          f,
          cells,
          child.depth,
          targets.filter((t) => t.unitId === child.id),
        ),
      };
    }),
  };
}
