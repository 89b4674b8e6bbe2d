import { type MonthlyPoint, monthlySeries } from '../core/progress.js';
import type { RollupRule } from '../core/rollup.js';
import { getOrCreate } from '../util/get-or-create.js';
import type { MonthGroup, UnitPoint } from './progress.repo.js';

interface Cell {
  sum: number;
  count: number;
  weightedSum: number | null;
  weightSum: number | null;
}

/** Month cells of one indicator: depth → year → month (1..12). */
type Cells = Map<number, Map<number, Map<number, Cell>>>;

function cell(cells: Cells, depth: number, year: number, month: number): Cell {
  const byYear = getOrCreate(cells, depth, () => new Map());
  const byMonth = getOrCreate(byYear, year, () => new Map());
  return getOrCreate(byMonth, month, () => ({ sum: 0, count: 0, weightedSum: null, weightSum: null }));
}

/**
 * Builds each indicator's month cells from the aggregate, then swaps in the reconciled series
 * of units that reported cumulative totals: their raw month values are taken out of the sums
 * and their reconciled month values put back, so no total is counted twice.
 */
export function buildCells(
  groups: readonly MonthGroup[],
  reporters: readonly UnitPoint[],
): Map<number, Cells> {
  const byIndicator = new Map<number, Cells>();
  const cellsOf = (id: number): Cells => getOrCreate(byIndicator, id, () => new Map());
  for (const g of groups) {
    const c = cell(cellsOf(g.indicatorId), g.depth, g.year, g.month);
    c.sum += g.sum;
    c.count += g.count;
    c.weightedSum = g.weightedSum;
    c.weightSum = g.weightSum;
  }
  const perUnit = new Map<string, UnitPoint[]>();
  for (const p of reporters) {
    const key = `${p.indicatorId}:${p.unitId}:${p.year}`;
    getOrCreate(perUnit, key, () => []).push(p);
  }
  for (const points of perUnit.values()) {
    const { indicatorId, depth, year } = points[0] as UnitPoint;
    const cells = cellsOf(indicatorId);
    for (const p of points) {
      if (p.cumulative) continue;
      const c = cell(cells, depth, year, p.month);
      c.sum -= p.value;
      c.count -= 1;
    }
    const series = monthlySeries('flow', points);
    series.forEach((value, i) => {
      if (value === null) return;
      const c = cell(cells, depth, year, i + 1);
      c.sum += value;
      c.count += 1;
    });
  }
  return byIndicator;
}

function cellValue(rule: RollupRule, c: Cell): number | null {
  if (c.count <= 0) return null;
  if (rule === 'weighted') return c.weightSum ? (c.weightedSum ?? 0) / c.weightSum : null;
  return rule === 'mean' ? c.sum / c.count : c.sum;
}

/**
 * Points of each year for one indicator of one unit. In each month the shallowest level that
 * reported counts: a unit's own figure wins over the rollup of its children, and children are
 * rolled up only where the unit itself reported nothing, so nothing is counted twice. A `none`
 * rollup reads the unit's own figures only.
 */
export function yearPoints(
  cells: Cells | undefined,
  rule: RollupRule,
  rootDepth: number,
): Map<number, MonthlyPoint[]> {
  const years = new Map<number, MonthlyPoint[]>();
  if (!cells) return years;
  const depths = [...cells.keys()]
    .filter((d) => (rule === 'none' ? d === rootDepth : d >= rootDepth))
    .sort((a, b) => a - b);
  const taken = new Set<string>();
  for (const depth of depths) {
    for (const [year, months] of cells.get(depth) ?? []) {
      for (const [month, c] of months) {
        const key = `${year}-${month}`;
        if (taken.has(key)) continue;
        const value = cellValue(rule, c);
        if (value === null) continue;
        taken.add(key);
        getOrCreate(years, year, () => []).push({ month, value, cumulative: false });
      }
    }
  }
  for (const list of years.values()) list.sort((a, b) => a.month - b.month);
  return years;
}
