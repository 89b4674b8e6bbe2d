import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../context.js';
import type { DialectName } from '../store/dialect.js';
import type { Database, FigureTable } from '../store/schema.js';
import { getOrCreate } from '../util/get-or-create.js';

/** Where the figures of a progress computation come from: subtrees of these roots. */
export interface Scope {
  /** Materialised paths of the roots: the unit itself and, for "cùng kỳ", its predecessors. */
  paths: readonly string[];
  /** The provinces the roots lie in, found by the province key; null for every province. */
  provinceIds: readonly number[] | null;
  /** The units of the subtrees, when smaller than their provinces (or the country); else null. */
  unitIds: readonly number[] | null;
  indicatorIds: readonly number[];
  fromYear: number;
  toYear: number;
  /** Indicators rolled up with a weight, and the indicator giving the weight. */
  weights: ReadonlyMap<number, number>;
  /** For a drill-down: the path of the unit whose children each get their own sums. */
  childrenOf: string | null;
  /** A drill-down whose children are all provinces: each child's sums are its province's. */
  childrenAreProvinces: boolean;
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
    : // The appended '/' gives the parent's own figures '' (not a length of -1, which SQLite reads backwards).
      sql<string>`substr(u.path, ${sql.lit(from)}, instr(substr(u.path, ${sql.lit(from)}) || '/', '/') - 1)`;
}

function scopeFilter(scope: Scope) {
  return (eb: { or: (e: Expression<SqlBool>[]) => Expression<SqlBool> }) =>
    eb.or(scope.paths.map((p) => sql<SqlBool>`u.path like ${`${p}%`}`));
}

/**
 * Current month values (not cumulative entries) of the scope, unjoined: the units of a scope
 * smaller than a province are named by id, and each figure carries its unit's depth.
 */
function monthValues(db: Db, scope: Scope) {
  return (
    db
      .selectFrom('figures as f')
      // Literals, not parameters: SQLite uses a partial index only when it can see at planning
      // time that the query's terms imply the index's WHERE clause.
      .where('f.is_current', '=', sql.lit(1))
      .where('f.cumulative', '=', sql.lit(0))
      .where('f.year', '>=', scope.fromYear)
      .where('f.year', '<=', scope.toYear)
      .$if(scope.provinceIds !== null, (q) => q.where('f.province_id', 'in', scope.provinceIds as number[]))
      .$if(scope.unitIds !== null && scope.childrenOf === null, (q) =>
        q.where('f.unit_id', 'in', scope.unitIds as number[]),
      )
  );
}

type Sums = Omit<MonthGroup, 'weightedSum' | 'weightSum'>;

/**
 * The one aggregate behind every progress table: month values grouped by year, indicator, tree
 * depth and month, in the order of the covering partial index, so a province is one ordered
 * pass. A drill-down also groups by child unit, which needs the unit's path.
 */
async function sums(db: Db, scope: Scope): Promise<Sums[]> {
  const base = monthValues(db, scope).where('f.indicator_id', 'in', scope.indicatorIds);
  const select = (eb: ExpressionBuilder<Database & { f: FigureTable }, 'f'>) =>
    [
      'f.indicator_id as indicatorId',
      sql<number>`f.unit_depth`.as('depth'),
      'f.year as year',
      'f.month as month',
      eb.fn.sum<number>('f.value').as('sum'),
      eb.fn.countAll<number>().as('count'),
    ] as const;
  const group = ['f.year', 'f.indicator_id', 'f.unit_depth', 'f.month'] as const;
  const rows =
    scope.childrenOf === null
      ? await base
          .select((eb) => [...select(eb), sql<string>`''`.as('child')])
          .groupBy([...group])
          .execute()
      : await base
          .innerJoin('units as u', 'u.id', 'f.unit_id')
          .where(scopeFilter(scope))
          .select((eb) => [...select(eb), childKey(scope).as('child')])
          .groupBy([...group])
          .groupBy(childKey(scope))
          .execute();
  // PostgreSQL sends sums and counts as text; changed in place, as a drill-down has many rows.
  for (const r of rows) {
    r.depth = Number(r.depth);
    r.sum = Number(r.sum);
    r.count = Number(r.count);
  }
  return rows;
}

/**
 * Weighted rollups: each value beside the weight figure of the same unit and month, one query
 * per weight indicator, joined through the province key so the weight is read from the index.
 */
async function weightedSums(
  db: Db,
  scope: Scope,
): Promise<Map<string, { weightedSum: number; weightSum: number }>> {
  const byWeight = new Map<number, number[]>();
  for (const [id, weight] of scope.weights) getOrCreate(byWeight, weight, () => []).push(id);
  const out = new Map<string, { weightedSum: number; weightSum: number }>();
  for (const [weightId, ids] of byWeight) {
    const rows = await monthValues(db, scope)
      .where('f.indicator_id', 'in', ids)
      .innerJoin('figures as w', (join) =>
        join
          .onRef('w.province_id', '=', 'f.province_id')
          .onRef('w.year', '=', 'f.year')
          .on('w.indicator_id', '=', weightId)
          .onRef('w.unit_depth', '=', 'f.unit_depth')
          .onRef('w.month', '=', 'f.month')
          .onRef('w.unit_id', '=', 'f.unit_id')
          .on('w.is_current', '=', sql.lit(1))
          .on('w.cumulative', '=', sql.lit(0)),
      )
      .$if(scope.childrenOf !== null, (q) =>
        q.innerJoin('units as u', 'u.id', 'f.unit_id').where(scopeFilter(scope)),
      )
      .select((eb) => [
        scope.childrenOf === null ? sql<string>`''`.as('child') : childKey(scope).as('child'),
        'f.indicator_id as indicatorId',
        sql<number>`f.unit_depth`.as('depth'),
        'f.year as year',
        'f.month as month',
        eb.fn.sum<number>(sql`f.value * w.value`).as('weightedSum'),
        eb.fn.sum<number>('w.value').as('weightSum'),
      ])
      .groupBy(['f.year', 'f.indicator_id', 'f.unit_depth', 'f.month'])
      .$if(scope.childrenOf !== null, (q) => q.groupBy(childKey(scope)))
      .execute();
    for (const r of rows) {
      out.set(groupKey(r), { weightedSum: Number(r.weightedSum), weightSum: Number(r.weightSum) });
    }
  }
  return out;
}

const groupKey = (g: { child: string; indicatorId: number; depth: number; year: number; month: number }) =>
  `${g.child}|${g.indicatorId}|${Number(g.depth)}|${g.year}|${g.month}`;

/**
 * Whole provinces (or the country, and the country's drill-down into provinces) read the month
 * sums the database keeps (migration 0005): a few thousand rows for a province instead of every
 * commune's figures.
 */
async function storedSums(db: Db, scope: Scope): Promise<MonthGroup[]> {
  // In a drill-down into provinces each province is a child; key 0 is the parent's own figures.
  const child = scope.childrenAreProvinces
    ? sql<string>`case when s.province_key = 0 then '' else cast(s.province_key as text) end`
    : sql<string>`''`;
  const rows = await db
    .selectFrom('figure_month_sums as s')
    .where('s.indicator_id', 'in', scope.indicatorIds)
    .where('s.year', '>=', scope.fromYear)
    .where('s.year', '<=', scope.toYear)
    .$if(scope.provinceIds !== null, (q) => q.where('s.province_key', 'in', scope.provinceIds as number[]))
    .select((eb) => [
      's.indicator_id as indicatorId',
      's.unit_depth as depth',
      's.year as year',
      's.month as month',
      eb.fn.sum<number>('s.total').as('sum'),
      eb.fn.sum<number>('s.count').as('count'),
      eb.fn.sum<number | null>('s.weighted_total').as('weightedSum'),
      eb.fn.sum<number | null>('s.weight_total').as('weightSum'),
      child.as('child'),
    ])
    // Grouped in the order of the key, so a drill-down into provinces is one pass without a sort.
    .$if(scope.childrenAreProvinces, (q) => q.groupBy('s.province_key'))
    .groupBy(['s.year', 's.indicator_id', 's.unit_depth', 's.month'])
    .execute();
  const nullable = (v: number | string | null) => (v === null ? null : Number(v));
  return rows.map((r) => {
    const weighted = scope.weights.has(r.indicatorId) && r.weightSum !== null;
    return {
      child: r.child,
      indicatorId: r.indicatorId,
      depth: r.depth,
      year: r.year,
      month: r.month,
      sum: Number(r.sum),
      count: Number(r.count),
      weightedSum: weighted ? nullable(r.weightedSum) : null,
      weightSum: weighted ? nullable(r.weightSum) : null,
    };
  });
}

export async function aggregateMonthValues(db: Db, scope: Scope): Promise<MonthGroup[]> {
  if (scope.indicatorIds.length === 0) return [];
  if (scope.unitIds === null && (scope.childrenOf === null || scope.childrenAreProvinces)) {
    return storedSums(db, scope);
  }
  return figureSums(db, scope);
}

/** The same groups summed from the figures: a district, a commune, or a drill-down by child. */
export async function figureSums(db: Db, scope: Scope): Promise<MonthGroup[]> {
  if (scope.indicatorIds.length === 0) return [];
  const [plain, weighted] = await Promise.all([
    sums(db, scope),
    scope.weights.size > 0 ? weightedSums(db, scope) : Promise.resolve(new Map()),
  ]);
  // A drill-down returns a group per figure (hundreds of thousands): no copies, and a key is
  // built only for the few indicators rolled up with a weight.
  return plain.map((g) => {
    const w = scope.weights.has(g.indicatorId) ? weighted.get(groupKey(g)) : undefined;
    return Object.assign(g, { weightedSum: w?.weightedSum ?? null, weightSum: w?.weightSum ?? null });
  });
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
    .where('f.is_current', '=', sql.lit(1))
    .where('f.indicator_id', 'in', scope.indicatorIds)
    .where('f.year', '>=', scope.fromYear)
    .where('f.year', '<=', scope.toYear)
    .where(scopeFilter(scope));
  if (scope.provinceIds !== null) base = base.where('f.province_id', 'in', scope.provinceIds as number[]);
  const keys = await base
    .where('f.cumulative', '=', sql.lit(1))
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
