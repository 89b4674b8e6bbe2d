import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../context.js';
import type { DialectName } from '../store/dialect.js';

/** Where the figures of a progress computation come from: subtrees of these roots. */
export interface Scope {
  /** Materialised paths of the roots: the unit itself and, for "cùng kỳ", its predecessors. */
  paths: readonly string[];
  /** Set when every root lies in one province: lets the query use the province key. */
  provinceId: number | null;
  indicatorIds: readonly number[];
  fromYear: number;
  toYear: number;
  /** Indicators rolled up with a weight, and the indicator giving the weight. */
  weights: ReadonlyMap<number, number>;
  /** For a drill-down: the path of the unit whose children each get their own sums. */
  childrenOf: string | null;
  dialect: DialectName;
}

/** Month values of one indicator at one depth of the tree, summed over the units there. */
export interface MonthGroup {
  /** The child unit's id as text in a drill-down ('' for the parent's own figures); '' otherwise. */
  child: string;
  indicatorId: number;
  depth: number;
  year: number;
  month: number;
  sum: number;
  count: number;
  weightedSum: number | null;
  weightSum: number | null;
}

export interface UnitPoint {
  child: string;
  indicatorId: number;
  unitId: number;
  depth: number;
  year: number;
  month: number;
  cumulative: boolean;
  value: number;
}

/**
 * The id of the child of `childrenOf` that a unit lies under, read from its path: the first
 * path segment after the parent's. Spelled per engine (PostgreSQL has split_part, SQLite instr).
 */
function childKey(scope: Scope) {
  if (scope.childrenOf === null) return sql<string>`''`;
  const from = scope.childrenOf.length + 1;
  return scope.dialect === 'postgres'
    ? sql<string>`split_part(substr(u.path, ${sql.lit(from)}), '/', 1)`
    : sql<string>`substr(u.path, ${sql.lit(from)}, instr(substr(u.path, ${sql.lit(from)}), '/') - 1)`;
}

function scopeFilter(scope: Scope) {
  return (eb: { or: (e: Expression<SqlBool>[]) => Expression<SqlBool> }) =>
    eb.or(scope.paths.map((p) => sql<SqlBool>`u.path like ${`${p}%`}`));
}

/**
 * The one aggregate behind every progress table: current month values (not cumulative
 * entries) grouped by indicator, tree depth, year and month. Cost is one pass over the
 * scope's figures through the covering partial index, whatever the number of indicators or units.
 */
export async function aggregateMonthValues(db: Db, scope: Scope): Promise<MonthGroup[]> {
  if (scope.indicatorIds.length === 0) return [];
  const weighted = scope.weights.size > 0;
  let q = db
    .selectFrom('figures as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .where('f.is_current', '=', 1)
    .where('f.cumulative', '=', 0)
    .where('f.indicator_id', 'in', scope.indicatorIds)
    .where('f.year', '>=', scope.fromYear)
    .where('f.year', '<=', scope.toYear)
    .where(scopeFilter(scope));
  if (scope.provinceId !== null) q = q.where('f.province_id', '=', scope.provinceId);
  const grouped = q
    .select((eb) => [
      childKey(scope).as('child'),
      'f.indicator_id as indicatorId',
      'u.depth as depth',
      'f.year as year',
      'f.month as month',
      eb.fn.sum<number>('f.value').as('sum'),
      eb.fn.countAll<number>().as('count'),
    ])
    .groupBy(['f.indicator_id', 'u.depth', 'f.year', 'f.month'])
    // PostgreSQL refuses a constant in GROUP BY, so the child key joins the grouping only in a drill-down.
    .$if(scope.childrenOf !== null, (qb) => qb.groupBy(childKey(scope)));
  if (!weighted) {
    const rows = await grouped.execute();
    return rows.map((r) => ({
      ...r,
      sum: Number(r.sum),
      count: Number(r.count),
      weightedSum: null,
      weightSum: null,
    }));
  }
  // Weighted rollups read the weight figure of the same unit and month beside each value.
  const pairs = [...scope.weights.entries()];
  const rows = await grouped
    .leftJoin('figures as w', (join) =>
      join
        .onRef('w.unit_id', '=', 'f.unit_id')
        .onRef('w.year', '=', 'f.year')
        .onRef('w.month', '=', 'f.month')
        .on('w.is_current', '=', 1)
        .on('w.cumulative', '=', 0)
        .on((eb) =>
          eb.or(
            pairs.map(([indicatorId, weightId]) =>
              eb.and([eb('f.indicator_id', '=', indicatorId), eb('w.indicator_id', '=', weightId)]),
            ),
          ),
        ),
    )
    .select((eb) => [
      eb.fn.sum<number>(sql`f.value * w.value`).as('weightedSum'),
      eb.fn.sum<number>('w.value').as('weightSum'),
    ])
    .execute();
  return rows.map((r) => ({
    ...r,
    sum: Number(r.sum),
    count: Number(r.count),
    weightedSum: r.weightedSum === null ? null : Number(r.weightedSum),
    weightSum: r.weightSum === null ? null : Number(r.weightSum),
  }));
}

/**
 * Units that reported a cumulative total ("9 tháng ước đạt ...") in scope, with every current
 * figure of theirs for those indicator-years: they are reconciled unit by unit. Rare, and
 * found through a small partial index.
 */
export async function cumulativeReporters(db: Db, scope: Scope): Promise<UnitPoint[]> {
  if (scope.indicatorIds.length === 0) return [];
  let base = db
    .selectFrom('figures as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .where('f.is_current', '=', 1)
    .where('f.indicator_id', 'in', scope.indicatorIds)
    .where('f.year', '>=', scope.fromYear)
    .where('f.year', '<=', scope.toYear)
    .where(scopeFilter(scope));
  if (scope.provinceId !== null) base = base.where('f.province_id', '=', scope.provinceId);
  const keys = await base
    .where('f.cumulative', '=', 1)
    .select(['f.indicator_id', 'f.unit_id', 'f.year'])
    .distinct()
    .execute();
  if (keys.length === 0) return [];
  const rows = await base
    .where((eb) =>
      eb.or(
        keys.map((k) =>
          eb.and([
            eb('f.indicator_id', '=', k.indicator_id),
            eb('f.unit_id', '=', k.unit_id),
            eb('f.year', '=', k.year),
          ]),
        ),
      ),
    )
    .select((eb) => [
      childKey(scope).as('child'),
      eb.ref('f.indicator_id').as('indicator_id'),
      'f.unit_id',
      'u.depth',
      'f.year',
      'f.month',
      'f.cumulative',
      'f.value',
    ])
    .execute();
  return rows.map((r) => ({
    child: r.child,
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    depth: r.depth,
    year: r.year,
    month: r.month,
    cumulative: r.cumulative === 1,
    value: r.value,
  }));
}
