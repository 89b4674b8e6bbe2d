import { flowTotals, type IndicatorKind, type MonthlyPoint } from '../core/progress.js';
import type { RollupRule } from '../core/rollup.js';
import { levelValues } from '../core/series.js';
import { getOrCreate } from '../util/get-or-create.js';
import type { MonthGroup, UnitPoint } from './progress.repo.js';

interface Cell {
  sum: number;
  count: number;
  weightedSum: number | null;
  weightSum: number | null;
  /** A unit here skipped this month and told its total only later: the month is unknown. */
  gap: boolean;
  /** A unit's value here also covers months it skipped: the running total is known again. */
  bridge: boolean;
}

/** Month cells of one indicator: depth → year → month (1..12). */
export type Cells = Map<number, Map<number, Map<number, Cell>>>;

function cell(cells: Cells, depth: number, year: number, month: number): Cell {
  const byYear = getOrCreate(cells, depth, () => new Map());
  const byMonth = getOrCreate(byYear, year, () => new Map());
  return getOrCreate(byMonth, month, () => ({
    sum: 0,
    count: 0,
    weightedSum: null,
    weightSum: null,
    gap: false,
    bridge: false,
  }));
}

/**
 * Builds each indicator's month cells from the aggregate, then swaps in the reconciled series
 * of units that reported cumulative totals: their raw month values are taken out of the sums
 * and their reconciled month values put back, so no total is counted twice.
 */
export function buildCells(
  groups: readonly MonthGroup[],
  reporters: readonly UnitPoint[],
): Map<string, Map<number, Cells>> {
  const byChild = new Map<string, Map<number, Cells>>();
  const cellsOf = (child: string, id: number): Cells =>
    getOrCreate(
      getOrCreate(byChild, child, () => new Map()),
      id,
      () => new Map(),
    );
  for (const g of groups) {
    const c = cell(cellsOf(g.child, g.indicatorId), g.depth, g.year, g.month);
    c.sum += g.sum;
    c.count += g.count;
    c.weightedSum = g.weightedSum;
    c.weightSum = g.weightSum;
  }
  const perUnit = new Map<string, UnitPoint[]>();
  for (const p of reporters) {
    const key = `${p.child}:${p.indicatorId}:${p.unitId}:${p.year}`;
    getOrCreate(perUnit, key, () => []).push(p);
  }
  for (const points of perUnit.values()) {
    const { child, indicatorId, depth, year } = points[0] as UnitPoint;
    const cells = cellsOf(child, indicatorId);
    for (const p of points) {
      if (p.cumulative) continue;
      const c = cell(cells, depth, year, p.month);
      c.sum -= p.value;
      c.count -= 1;
    }
    for (const step of increments(flowTotals(points))) {
      const c = cell(cells, depth, year, step.month);
      if (step.value === null) {
        c.gap = true;
        continue;
      }
      c.sum += step.value;
      c.count += 1;
      c.bridge ||= step.bridge;
    }
  }
  return byChild;
}

/** Adds another unit's cells (a merged unit's predecessor) into these, month by month. */
export function mergeCells(into: Map<number, Cells>, from: ReadonlyMap<number, Cells> | undefined): void {
  for (const [indicatorId, cells] of from ?? []) {
    const target = getOrCreate(into, indicatorId, () => new Map() as Cells);
    for (const [depth, years] of cells) {
      for (const [year, months] of years) {
        for (const [month, c] of months) {
          const t = cell(target, depth, year, month);
          t.sum += c.sum;
          t.count += c.count;
          t.weightedSum = c.weightedSum === null ? t.weightedSum : (t.weightedSum ?? 0) + c.weightedSum;
          t.weightSum = c.weightSum === null ? t.weightSum : (t.weightSum ?? 0) + c.weightSum;
          t.gap ||= c.gap;
          t.bridge ||= c.bridge;
        }
      }
    }
  }
}

/**
 * Month values from running totals: each known total minus the last known one before it. A
 * skipped month before a later total is a gap, and that total's month bridges it; months
 * after the last total are simply not reported yet.
 */
function increments(
  totals: readonly (number | null)[],
): { month: number; value: number | null; bridge: boolean }[] {
  const lastKnown = totals.findLastIndex((t) => t !== null);
  const out: { month: number; value: number | null; bridge: boolean }[] = [];
  let last = 0;
  let skipped = false;
  for (const [i, total] of totals.slice(0, lastKnown + 1).entries()) {
    if (total === null) {
      skipped = true;
      out.push({ month: i + 1, value: null, bridge: false });
      continue;
    }
    out.push({ month: i + 1, value: total - last, bridge: skipped });
    last = total;
    skipped = false;
  }
  return out;
}

function cellValue(rule: RollupRule, c: Cell): number | null {
  if (c.count <= 0) return null;
  if (rule === 'weighted') return c.weightSum ? (c.weightedSum ?? 0) / c.weightSum : null;
  return rule === 'mean' ? c.sum / c.count : c.sum;
}

function eligibleDepths(cells: Cells, rule: RollupRule, rootDepth: number): number[] {
  return [...cells.keys()]
    .filter((d) => (rule === 'none' ? d === rootDepth : d >= rootDepth))
    .sort((a, b) => a - b);
}

/**
 * One level's points for a year: month values, a month that bridges skipped months as the
 * level's running total, skipped months left out, so the rules of src/core see what is known.
 */
function levelPoints(rule: RollupRule, months: ReadonlyMap<number, Cell>): MonthlyPoint[] {
  const points: MonthlyPoint[] = [];
  let runningTotal = 0;
  for (const month of [...months.keys()].sort((a, b) => a - b)) {
    const c = months.get(month) as Cell;
    const value = cellValue(rule, c);
    runningTotal += value ?? 0;
    if (c.gap || value === null) continue;
    points.push(
      c.bridge ? { month, value: runningTotal, cumulative: true } : { month, value, cumulative: false },
    );
  }
  return points;
}

/**
 * Points of each year for one indicator of one unit, where the shallowest level that reported
 * wins: a unit's own figure over the rollup of its children, so nothing is counted twice. For
 * flows the choice is made month by month on running totals (a city's "10 tháng" total covers
 * its wards' months before it); for levels on the month's value. A `none` rollup reads the
 * unit's own figures only.
 */
export function yearPoints(
  cells: Cells | undefined,
  rule: RollupRule,
  rootDepth: number,
  kind: IndicatorKind,
): Map<number, MonthlyPoint[]> {
  const years = new Map<number, MonthlyPoint[]>();
  if (!cells) return years;
  const byYear = new Map<number, MonthlyPoint[][]>();
  for (const depth of eligibleDepths(cells, rule, rootDepth)) {
    for (const [year, months] of cells.get(depth) ?? []) {
      getOrCreate(byYear, year, () => []).push(levelPoints(rule, months));
    }
  }
  for (const [year, levels] of byYear) {
    const read = levels.map((points) => (kind === 'flow' ? flowTotals(points) : levelValues(points)));
    const points: MonthlyPoint[] = [];
    for (let m = 0; m < 12; m++) {
      const value = read.map((r) => r[m]).find((v) => v !== null && v !== undefined);
      if (value !== null && value !== undefined)
        points.push({ month: m + 1, value, cumulative: kind === 'flow' });
    }
    if (points.length) years.set(year, points);
  }
  return years;
}
