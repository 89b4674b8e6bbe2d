import SQLite from 'better-sqlite3';
import pg from 'pg';
import { getOrCreate } from '../src/util/get-or-create.js';
import type { Target } from './target.js';

/**
 * The yardstick: the aggregate a developer would write by hand for a progress table, run
 * through the same driver as the app (a prepared better-sqlite3 statement, or pg). It reads
 * the province key instead of the unit tree, and knows that weights come from one indicator.
 */
export interface RawScope {
  /** null for the whole country. */
  provinceId: number | null;
  fromYear: number;
  toYear: number;
  /** Weighted indicator → its weight indicator. */
  weights: ReadonlyMap<number, number>;
}

export interface RawGroup {
  indicatorId: number;
  year: number;
  month: number;
  sum: number;
  count: number;
}

export interface RawWeighted {
  indicatorId: number;
  year: number;
  month: number;
  weightedSum: number;
  weightSum: number;
}

export interface RawResult {
  groups: RawGroup[];
  weighted: RawWeighted[];
}

export interface RawEngine {
  /** Both aggregates, one after the other: what the timing covers. */
  run(scope: RawScope): Promise<RawResult>;
  /** The same result from the month sums the database keeps (migration 0005), in one query. */
  runOnSums(scope: RawScope): Promise<RawResult>;
  /** Figures the aggregate reads: current month values of the scope and years. */
  scanned(scope: RawScope): Promise<number>;
  /** The plans of the two aggregates, and of any other statement given. */
  explain(scope: RawScope, other?: { sql: string; params: readonly unknown[] }): Promise<string[]>;
  close(): Promise<void>;
}

// Every generated indicator is in the plan, so no indicator list is needed to match the service.
const where = (s: RawScope, f = '') =>
  `${f}is_current = 1 and ${f}cumulative = 0 and ${f}year between ? and ?` +
  (s.provinceId === null ? '' : ` and ${f}province_id = ?`);
const params = (s: RawScope) =>
  s.provinceId === null ? [s.fromYear, s.toYear] : [s.fromYear, s.toYear, s.provinceId];

const PLAIN = (s: RawScope) => `select indicator_id, year, month, sum(value) as sum, count(*) as count
  from figures where ${where(s)}
  group by indicator_id, year, month`;

/** The weight figure of the same commune and month, found through the province key like the value. */
const WEIGHTED = (s: RawScope, ids: readonly number[]) => `select f.indicator_id, f.year, f.month,
    sum(f.value * w.value) as weighted_sum, sum(w.value) as weight_sum
  from figures f join figures w on w.province_id = f.province_id and w.year = f.year
    and w.indicator_id = ? and w.unit_id = f.unit_id and w.month = f.month
    and w.is_current = 1 and w.cumulative = 0
  where ${where(s, 'f.')} and f.indicator_id in (${ids.join(', ')})
  group by f.indicator_id, f.year, f.month`;

const ON_SUMS = (s: RawScope) => `select indicator_id, year, month, sum(total) as sum, sum(count) as count,
    sum(weighted_total) as weighted_sum, sum(weight_total) as weight_sum
  from figure_month_sums where year between ? and ?${s.provinceId === null ? '' : ' and province_key = ?'}
  group by indicator_id, year, month`;

const fromSums = (s: RawScope, rows: Row[]): RawResult => ({
  groups: rows.map(toGroup),
  weighted: rows
    .filter((r) => s.weights.has(Number(r.indicator_id)) && r.weight_sum !== null)
    .map(toWeighted),
});

const COUNT = (s: RawScope) => `select count(*) as n from figures where ${where(s)}`;

/** One query per weight indicator (the generator has one: population). */
function byWeight(s: RawScope): [number, number[]][] {
  const out = new Map<number, number[]>();
  for (const [id, weight] of s.weights) out.set(weight, [...(out.get(weight) ?? []), id]);
  return [...out.entries()];
}

type Row = Record<string, unknown>;
const toGroup = (r: Row): RawGroup => ({
  indicatorId: Number(r.indicator_id),
  year: Number(r.year),
  month: Number(r.month),
  sum: Number(r.sum),
  count: Number(r.count),
});
const toWeighted = (r: Row): RawWeighted => ({
  indicatorId: Number(r.indicator_id),
  year: Number(r.year),
  month: Number(r.month),
  weightedSum: Number(r.weighted_sum),
  weightSum: Number(r.weight_sum),
});

export function sqliteRaw(file: string): RawEngine {
  const db = new SQLite(file, { readonly: true });
  const statements = new Map<string, SQLite.Statement<unknown[]>>();
  // Prepared once, like a hand-written data layer would; the service's Kysely prepares per call.
  const prepared = (text: string) => getOrCreate(statements, text, () => db.prepare<unknown[]>(text));
  const all = (text: string, values: readonly unknown[]) => prepared(text).all(...values) as Row[];
  return {
    async run(s) {
      const groups = all(PLAIN(s), params(s)).map(toGroup);
      const weighted = byWeight(s).flatMap(([w, ids]) =>
        all(WEIGHTED(s, ids), [w, ...params(s)]).map(toWeighted),
      );
      return { groups, weighted };
    },
    async runOnSums(s) {
      return fromSums(s, all(ON_SUMS(s), params(s)));
    },
    async scanned(s) {
      return Number((all(COUNT(s), params(s))[0] as Row).n);
    },
    async explain(s, other) {
      const plan = (text: string, values: readonly unknown[]) =>
        (db.prepare(`explain query plan ${text}`).all(...values) as Row[]).map((r) => `  ${r.detail}`);
      const [w, ids] = byWeight(s)[0] ?? [0, []];
      return [
        'raw plain:',
        ...plan(PLAIN(s), params(s)),
        ...(ids.length ? ['raw weighted:', ...plan(WEIGHTED(s, ids), [w, ...params(s)])] : []),
        ...(other ? ['service aggregate:', ...plan(other.sql, other.params)] : []),
      ];
    },
    async close() {
      db.close();
    },
  };
}

/** `?` placeholders to PostgreSQL's `$n`. */
const numbered = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

export async function postgresRaw(url: string): Promise<RawEngine> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const all = async (text: string, values: readonly unknown[]) =>
    (await client.query(numbered(text), [...values])).rows as Row[];
  return {
    async run(s) {
      const groups = (await all(PLAIN(s), params(s))).map(toGroup);
      const weighted: RawWeighted[] = [];
      for (const [w, ids] of byWeight(s)) {
        weighted.push(...(await all(WEIGHTED(s, ids), [w, ...params(s)])).map(toWeighted));
      }
      return { groups, weighted };
    },
    async runOnSums(s) {
      return fromSums(s, await all(ON_SUMS(s), params(s)));
    },
    async scanned(s) {
      return Number(((await all(COUNT(s), params(s)))[0] as Row).n);
    },
    async explain(s, other) {
      // Kysely already numbers PostgreSQL parameters; our own statements use `?`.
      const plan = async (text: string, values: readonly unknown[]) =>
        (await client.query(`explain (analyze, buffers) ${text}`, [...values])).rows.map(
          (r: Row) => `  ${r['QUERY PLAN']}`,
        );
      const [w, ids] = byWeight(s)[0] ?? [0, []];
      return [
        'raw plain:',
        ...(await plan(numbered(PLAIN(s)), params(s))),
        ...(ids.length
          ? ['raw weighted:', ...(await plan(numbered(WEIGHTED(s, ids)), [w, ...params(s)]))]
          : []),
        ...(other ? ['service aggregate:', ...(await plan(other.sql, other.params))] : []),
      ];
    },
    async close() {
      await client.end();
    },
  };
}

export function rawEngine(target: Target): Promise<RawEngine> {
  return target.kind === 'sqlite' ? Promise.resolve(sqliteRaw(target.file)) : postgresRaw(target.url);
}
