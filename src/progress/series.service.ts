import type * as z from 'zod';
import type { ServiceContext } from '../context.js';
import { computeProgress, monthlySeries } from '../core/progress.js';
import { NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { listTargets } from '../plans/plans.repo.js';
import { codeSchema, parseInput } from '../validation.js';
import { frame, HISTORY_YEARS, scopeOf, standingFor } from './frame.js';
import { aggregateMonthValues, cumulativeReporters } from './progress.repo.js';
import { progressQuerySchema } from './progress.schema.js';
import { buildCells, yearPoints } from './series-builder.js';

export const seriesQuerySchema = progressQuerySchema.extend({ indicatorCode: codeSchema });
export type SeriesQuery = z.input<typeof seriesQuerySchema>;

export interface SeriesMonth {
  month: number;
  /** The month's own value (flows) or month-end value (levels). */
  value: number | null;
  lastYearValue: number | null;
  /** Running total (flows) or latest value (levels) through the month. */
  actual: number | null;
  lastYearActual: number | null;
  percentOfTarget: number | null;
  expectedPercent: number | null;
  /** Where an increase indicator was expected to be by the month, in its unit. */
  expectedValue: number | null;
}

/** One indicator of one unit month by month, for the chart beside the dashboard. */
export async function progressSeries(ctx: ServiceContext, query: SeriesQuery) {
  const { indicatorCode, ...rest } = parseInput(seriesQuerySchema, query);
  const f = await frame(ctx, rest);
  const indicator = f.indicators.find((i) => i.code === indicatorCode);
  if (!indicator) {
    const message = text(
      `Kế hoạch "${f.plan.code}" không có chỉ tiêu mã "${indicatorCode}"`,
      `No indicator "${indicatorCode}"`,
    );
    throw new NotFoundError(message, [{ field: 'indicatorCode', message }]);
  }
  const db = ctx.store.db;
  const one = { ...f, indicators: [indicator] };
  const scope = await scopeOf(ctx, one, await standingFor(ctx, f.unit), null);
  const [groups, reporters, targets] = await Promise.all([
    aggregateMonthValues(db, scope),
    cumulativeReporters(db, scope),
    listTargets(db, f.plan.id, f.unit.id),
  ]);
  const cells = buildCells(groups, reporters).get('')?.get(indicator.id);
  const years = yearPoints(cells, indicator.rollup, f.unit.depth, indicator.kind);
  const current = years.get(f.year) ?? [];
  const previousYears = Array.from({ length: HISTORY_YEARS }, (_, k) => years.get(f.year - 1 - k) ?? []);
  const target =
    targets.find((t) => t.indicatorId === indicator.id && t.basis === f.plan.defaultBasis) ??
    targets.find((t) => t.indicatorId === indicator.id);
  const own = monthlySeries(indicator.kind, current);
  const lastYear = monthlySeries(indicator.kind, previousYears[0] ?? []);
  const months: SeriesMonth[] = Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const p = computeProgress({
      kind: indicator.kind,
      direction: indicator.direction,
      target: target?.value ?? null,
      baseline: indicator.baseline,
      throughMonth: month,
      current: month <= f.month ? current : [],
      previousYears,
    });
    const expectedValue =
      indicator.direction === 'increase' && p.expectedPercent !== null && target
        ? (p.expectedPercent / 100) * target.value
        : null;
    return {
      month,
      value: month <= f.month ? (own[i] ?? null) : null,
      lastYearValue: lastYear[i] ?? null,
      actual: month <= f.month ? p.actual : null,
      lastYearActual: p.samePeriodActual,
      percentOfTarget: month <= f.month ? p.percentOfTarget : null,
      expectedPercent: p.expectedPercent,
      expectedValue,
    };
  });
  return {
    plan: f.plan.code,
    unit: f.unit.code,
    year: f.year,
    throughMonth: f.month,
    indicator: {
      code: indicator.code,
      name: indicator.name,
      unit: indicator.measureUnit,
      kind: indicator.kind,
      direction: indicator.direction,
      decimals: indicator.decimals,
    },
    target: target?.value ?? null,
    basis: target?.basis ?? null,
    months,
  };
}
