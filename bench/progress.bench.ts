/**
 * Progress of one province and of the whole country, timed next to the hand-written aggregate
 * over the same figures on the same engine; the ratio is the claim, the absolute times are the
 * machine's. Also proves the service's totals equal the raw sums.
 *
 *   npx tsx bench/progress.bench.ts [--db FILE | DATABASE_URL=postgres://…] [--runs 5]
 *       [--province T01] [--province-only] [--explain]
 *   npx tsx bench/progress.bench.ts --pg-temp [--scale 0.1] [--years 5] [--indicators 50]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { systemContext } from '../src/context.js';
import { findPlanByCode, listPlanIndicators } from '../src/plans/plans.repo.js';
import { progressFor } from '../src/progress/progress.service.js';
import { findUnitByCode, findUnitById, type Unit } from '../src/units/units.repo.js';
import { type CheckLine, checkReport } from './check.js';
import { generate } from './generator.js';
import { loggedStore, slowest } from './logged-store.js';
import { LAST_YEAR, planCode, THROUGH_MONTH } from './model.js';
import { type RawScope, rawEngine } from './raw-sql.js';
import { describeTarget, numberOption, openTarget, resolveTarget, type Target } from './target.js';

/** Earlier years the service reads for "cùng kỳ" and the seasonal pace (HISTORY_YEARS in src/progress). */
const HISTORY_YEARS = 3;
export const GOAL = 1.5;

interface Measured {
  label: string;
  units: number;
  scanned: number;
  serviceMs: number;
  rawMs: number;
  /** The hand-written query over the month sums the service reads for whole provinces. */
  sumsMs: number;
  aggregateMs: number;
  checks: CheckLine[];
  explain: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** The province with the most communes: the heaviest single-province report. */
async function largestProvince(store: Awaited<ReturnType<typeof openTarget>>): Promise<Unit> {
  const row = await store.db
    .selectFrom('units')
    .select(['province_id', sql<number>`count(*)`.as('n')])
    .where('level', 'in', ['xa', 'phuong'])
    .groupBy('province_id')
    .orderBy('n', 'desc')
    .orderBy('province_id')
    .executeTakeFirstOrThrow();
  return (await findUnitById(store.db, row.province_id as number)) as Unit;
}

export async function benchProgress(
  target: Target,
  options: {
    runs: number;
    province?: string | undefined;
    /** Leave out the whole country (minutes at scale 1) when only the province is looked at. */
    provinceOnly?: boolean;
    explain?: boolean;
    log?: (s: string) => void;
  },
): Promise<Measured[]> {
  const log = options.log ?? (() => {});
  const store = await openTarget(target);
  const logged = loggedStore(target);
  const raw = await rawEngine(target);
  try {
    const plan = await findPlanByCode(store.db, planCode(LAST_YEAR));
    if (!plan)
      throw new Error(`Chưa có dữ liệu: chạy bench/generate.ts trước / no data: run bench/generate.ts first`);
    const period = `${plan.year}-${String(THROUGH_MONTH).padStart(2, '0')}`;
    const indicators = await listPlanIndicators(store.db, plan.id);
    const weights = new Map(
      indicators.flatMap((i) =>
        i.rollup === 'weighted' && i.weightIndicatorId ? [[i.id, i.weightIndicatorId]] : [],
      ),
    );
    const province = options.province
      ? await findUnitByCode(store.db, options.province)
      : await largestProvince(store);
    if (!province) throw new Error(`Không có đơn vị "${options.province}" / no unit "${options.province}"`);
    const root = (await findUnitById(store.db, plan.unitId)) as Unit;
    const ctx = systemContext(store);
    const loggedCtx = systemContext(logged.store);
    const out: Measured[] = [];
    for (const unit of options.provinceOnly ? [province] : [province, root]) {
      const scope: RawScope = {
        provinceId: unit.level === 'tinh' ? unit.id : null,
        fromYear: plan.year - HISTORY_YEARS,
        toYear: plan.year,
        weights,
      };
      const query = { planCode: plan.code, period, unitCode: unit.code };
      const units = await store.db
        .selectFrom('units')
        .select(sql<number>`count(*)`.as('n'))
        .where('path', 'like', `${unit.path}%`)
        .where('level', 'in', ['xa', 'phuong'])
        .executeTakeFirstOrThrow();
      const scanned = await raw.scanned(scope);
      log(`${unit.code} ${unit.name}: ${scanned.toLocaleString('en')} figures, warming up…`);
      let report = await progressFor(ctx, query);
      let rawResult = await raw.run(scope);
      let sumsResult = await raw.runOnSums(scope);
      const serviceMs: number[] = [];
      const rawMs: number[] = [];
      const sumsMs: number[] = [];
      // Alternating runs share whatever else the machine is doing, so the ratio stays fair.
      for (let i = 0; i < options.runs; i++) {
        const [r, s] = await timed(() => progressFor(ctx, query));
        const [q, t] = await timed(() => raw.run(scope));
        const [m, u] = await timed(() => raw.runOnSums(scope));
        report = r;
        rawResult = q;
        sumsResult = m;
        serviceMs.push(s);
        rawMs.push(t);
        sumsMs.push(u);
        log(
          `  run ${i + 1}/${options.runs}: service ${s.toFixed(1)} ms, raw SQL ${t.toFixed(1)} ms, on month sums ${u.toFixed(1)} ms`,
        );
      }
      logged.events.length = 0;
      await progressFor(loggedCtx, query);
      const aggregate = slowest(logged.events);
      out.push({
        label: `${unit.code} ${unit.name}`,
        units: Number(units.n),
        scanned,
        serviceMs: median(serviceMs),
        rawMs: median(rawMs),
        sumsMs: median(sumsMs),
        aggregateMs: aggregate?.ms ?? 0,
        // The kept month sums must give what the figures give, at national size.
        checks: [
          ...checkReport(report.indicators, rawResult, indicators, plan.year, THROUGH_MONTH),
          ...checkReport(report.indicators, sumsResult, indicators, plan.year, THROUGH_MONTH, 'sums'),
        ],
        explain: options.explain ? await raw.explain(scope, aggregate) : [],
      });
    }
    return out;
  } finally {
    await raw.close();
    await logged.store.close();
    await store.close();
  }
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatTable(results: readonly Measured[]): string {
  const head = [
    'scope',
    'communes',
    'rows scanned',
    'service ms',
    '(aggregate SQL ms)',
    'raw SQL ms',
    'ratio',
    `goal ≤ ${GOAL}`,
    'raw SQL on month sums ms',
    'ratio to it',
  ];
  const rows = results.map((r) => {
    const ratio = r.serviceMs / r.rawMs;
    return [
      r.label,
      fmt(r.units, 0),
      fmt(r.scanned, 0),
      fmt(r.serviceMs),
      fmt(r.aggregateMs),
      fmt(r.rawMs),
      fmt(ratio, 2),
      ratio <= GOAL ? 'met' : 'NOT met',
      fmt(r.sumsMs),
      fmt(r.serviceMs / r.sumsMs, 2),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function formatChecks(results: readonly Measured[]): string {
  return results
    .flatMap((r) => [
      `${r.label}:`,
      ...r.checks.map(
        (c) =>
          `  ${c.ok ? '✓' : '✗'} ${c.code.padEnd(7)} ${c.rule.padEnd(14)} ${c.what.padEnd(7)} service ${c.service} ${c.ok ? '=' : '≠'} SQL on ${c.against} ${c.sql}`,
      ),
    ])
    .join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      runs: { type: 'string', default: '5' },
      province: { type: 'string' },
      'province-only': { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      'pg-temp': { type: 'boolean', default: false },
      scale: { type: 'string', default: '0.1' },
      years: { type: 'string', default: '5' },
      indicators: { type: 'string', default: '50' },
    },
  });
  const runs = Math.trunc(numberOption(values.runs, 'runs', 1, 100));
  const log = (s: string) => console.error(s);
  let stop = () => {};
  let target = resolveTarget(values.db);
  if (values['pg-temp']) {
    const { startCluster } = await import('../src/test/postgres-cluster.js');
    const cluster = await startCluster();
    stop = () => cluster.stop();
    target = { kind: 'postgres', url: cluster.url };
  }
  try {
    if (values['pg-temp']) {
      const s = await generate({
        target,
        scale: numberOption(values.scale, 'scale', 0.0001, 1),
        years: Math.trunc(numberOption(values.years, 'years', 1, 20)),
        indicators: Math.trunc(numberOption(values.indicators, 'indicators', 2, 500)),
        progress: true,
        log,
      });
      console.log(
        `generated ${s.figures.toLocaleString('en')} figures in ${s.figureSeconds.toFixed(1)} s ` +
          `(${Math.round(s.figures / s.figureSeconds).toLocaleString('en')} rows/s; services ${s.setupSeconds.toFixed(1)} s, ` +
          `VACUUM ANALYZE ${s.analyzeSeconds.toFixed(1)} s)`,
      );
    }
    const results = await benchProgress(target, {
      runs,
      province: values.province,
      provinceOnly: values['province-only'],
      explain: values.explain,
      log,
    });
    console.log(
      `\nprogressFor vs hand-written SQL — ${target.kind} ${describeTarget(target)}, median of ${runs} warm runs\n`,
    );
    console.log(formatTable(results));
    console.log('\nservice totals vs raw SQL sums:');
    console.log(formatChecks(results));
    for (const r of results.filter((x) => x.explain.length))
      console.log(`\n${r.label}\n${r.explain.join('\n')}`);
    if (results.some((r) => r.checks.some((c) => !c.ok))) process.exitCode = 1;
  } finally {
    stop();
  }
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
