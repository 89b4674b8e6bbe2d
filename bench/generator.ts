import { Presets, SingleBar } from 'cli-progress';
import { sql } from 'kysely';
import { type ServiceContext, systemContext } from '../src/context.js';
import { createIndicator, createPlan, includeIndicator, setTarget } from '../src/plans/plans.service.js';
import type { Store } from '../src/store/connect.js';
import { findUnitByCode, type Unit } from '../src/units/units.repo.js';
import { createUnit } from '../src/units/units.service.js';
import {
  buildCountry,
  type Commune,
  expectedYear,
  figureValue,
  type IndicatorSpec,
  indicatorSpecs,
  LAST_YEAR,
  type Province,
  planCode,
  prng,
  ROOT_CODE,
  THROUGH_MONTH,
  targetFor,
} from './model.js';
import { type FigureSink, postgresSink, sqliteSink } from './sinks.js';
import { openTarget, type Target } from './target.js';

export interface GenerateOptions {
  target: Target;
  /** Share of the 3,321 communes: 0.01 gives 33. */
  scale: number;
  years: number;
  indicators: number;
  seed?: number;
  /** Progress bars on stderr. */
  progress?: boolean;
  log?: (line: string) => void;
}

export interface GenerateSummary {
  units: number;
  indicators: number;
  targets: number;
  figures: number;
  setupSeconds: number;
  figureSeconds: number;
  analyzeSeconds: number;
}

interface Bar {
  increment(n?: number): void;
  stop(): void;
}

function bar(on: boolean, label: string, total: number): Bar {
  if (!on) return { increment() {}, stop() {} };
  const b = new SingleBar(
    {
      format: `${label.padEnd(9)} [{bar}] {percentage}% {value}/{total} · {rate}/s · còn {eta_formatted}`,
      // Redirected to a log file, a line every few seconds still shows the run is alive.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  let done = 0;
  b.start(total, 0, { rate: 0 });
  return {
    increment(n = 1) {
      done += n;
      b.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000 || 1)) });
    },
    stop: () => b.stop(),
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Baselines are what the plan year starts from: they matter for levels and decrease indicators. */
function needsBaseline(spec: IndicatorSpec): boolean {
  return spec.kind === 'level' || spec.direction === 'decrease';
}

/** What is being generated: the country, the indicators and the years. */
interface Layout {
  country: Province[];
  communes: Commune[];
  specs: IndicatorSpec[];
  firstYear: number;
  progress: boolean;
}

/** Units, plan, indicators and targets, through the services: exactly what the app makes. */
async function createStructure(
  ctx: ServiceContext,
  layout: Layout,
): Promise<{ units: Map<string, Unit>; targets: number }> {
  const { country, communes, specs, progress } = layout;
  const units = new Map<string, Unit>();
  const unitBar = bar(progress, 'đơn vị', 1 + country.length + communes.length);
  const add = async (u: Parameters<typeof createUnit>[1]) => {
    units.set(u.code, await createUnit(ctx, u));
    unitBar.increment();
  };
  await add({ code: ROOT_CODE, name: 'Việt Nam', level: 'quoc_gia' });
  for (const p of country) await add({ code: p.code, name: p.name, level: 'tinh', parentCode: ROOT_CODE });
  for (const p of country) {
    for (const c of p.communes) await add({ code: c.code, name: c.name, level: c.level, parentCode: p.code });
  }
  unitBar.stop();

  const code = planCode(LAST_YEAR);
  await createPlan(ctx, {
    code,
    name: `Nghị quyết về kế hoạch phát triển kinh tế – xã hội năm ${LAST_YEAR}`,
    year: LAST_YEAR,
    unitCode: ROOT_CODE,
    issuingBody: 'Quốc hội',
  });
  // Targets for the country and for every province that has communes at this scale.
  const scopes = [{ code: ROOT_CODE, communes }, ...country].filter((s) => s.communes.length > 0);
  const targetBar = bar(progress, 'chỉ tiêu', specs.length * scopes.length);
  const yearIndex = LAST_YEAR - layout.firstYear;
  let targets = 0;
  for (const spec of specs) {
    const { base, growth, bySize, seasonal, max, code: indicatorCode, ...indicator } = spec;
    await createIndicator(ctx, { ...indicator, code: indicatorCode, ownerUnitCode: ROOT_CODE });
    const baseline = Number(expectedYear(spec, communes, yearIndex - 1).toFixed(spec.decimals));
    await includeIndicator(ctx, {
      planCode: code,
      indicatorCode,
      ...(needsBaseline(spec) ? { baseline } : {}),
    });
    for (const s of scopes) {
      const value = targetFor(spec, s.communes, yearIndex);
      await setTarget(ctx, { planCode: code, indicatorCode, unitCode: s.code, basis: 'NQ', value });
      targets++;
      targetBar.increment();
    }
  }
  targetBar.stop();
  return { units, targets };
}

const monthsOf = (year: number) => (year === LAST_YEAR ? THROUGH_MONTH : 12);
/** A month's figures are entered early the next month. */
const recordedAt = (y: number, m: number) => new Date(Date.UTC(y, m, 5, 2)).toISOString();

/**
 * Streams every commune × indicator × month to the sink, province by province and year by
 * year: the order of the progress index, so its pages fill in sequence.
 */
async function writeFigures(
  sink: FigureSink,
  layout: Layout & { units: Map<string, Unit>; indicatorIds: Map<string, number>; seed: number },
): Promise<number> {
  const { country, communes, specs, firstYear, units, indicatorIds } = layout;
  const months = Array.from({ length: LAST_YEAR - firstYear + 1 }, (_, k) => monthsOf(firstYear + k));
  const figureBar = bar(
    layout.progress,
    'số liệu',
    communes.length * specs.length * months.reduce((a, b) => a + b, 0),
  );
  const noise = prng(layout.seed + 1);
  let written = 0;
  let shown = 0;
  try {
    for (const p of country) {
      const provinceId = (units.get(p.code) as Unit).id;
      for (let year = firstYear; year <= LAST_YEAR; year++) {
        const stamps = Array.from({ length: 12 }, (_, m) => recordedAt(year, m + 1));
        for (const spec of specs) {
          const indicatorId = indicatorIds.get(spec.code) as number;
          for (const c of p.communes) {
            const { id: unitId, depth: unitDepth } = units.get(c.code) as Unit;
            for (let month = 1; month <= monthsOf(year); month++) {
              const value = figureValue(spec, c, year - firstYear, month, noise());
              const recorded = stamps[month - 1] as string;
              written++;
              if (
                sink.add({
                  indicatorId,
                  unitId,
                  provinceId,
                  unitDepth,
                  year,
                  month,
                  value,
                  recordedAt: recorded,
                })
              ) {
                await sink.flush();
                figureBar.increment(written - shown);
                shown = written;
              }
            }
          }
        }
      }
    }
  } finally {
    await sink.close();
    figureBar.increment(written - shown);
    figureBar.stop();
  }
  return written;
}

/** Builds the country: structure through the services, figures in bulk, then fresh statistics. */
export async function generate(options: GenerateOptions): Promise<GenerateSummary> {
  const { target, years, progress = false, log = () => {} } = options;
  const seed = options.seed ?? 20250930;
  const country = buildCountry(options.scale, prng(seed));
  const layout: Layout = {
    country,
    communes: country.flatMap((p) => p.communes),
    specs: indicatorSpecs(options.indicators),
    firstYear: LAST_YEAR - years + 1,
    progress,
  };
  const store: Store = await openTarget(target);
  try {
    if (await findUnitByCode(store.db, ROOT_CODE)) {
      throw new Error(
        `Dữ liệu đã có sẵn (đơn vị "${ROOT_CODE}"): hãy xoá tệp hoặc dùng cơ sở dữ liệu trống / ` +
          'data already generated: delete the file or use an empty database',
      );
    }
    log(
      `${country.length} tỉnh, ${layout.communes.length} xã/phường, ${layout.specs.length} chỉ tiêu, ${years} năm`,
    );
    const setupStarted = performance.now();
    const ctx = systemContext(store, () => new Date(`${LAST_YEAR}-10-05T02:00:00.000Z`));
    const { units, targets } = await createStructure(ctx, layout);
    const setupSeconds = seconds(setupStarted);

    const rows = await store.db.selectFrom('indicators').select(['id', 'code']).execute();
    const indicatorIds = new Map(rows.map((r) => [r.code, r.id]));
    const figuresStarted = performance.now();
    const sink = target.kind === 'sqlite' ? sqliteSink(target.file) : await postgresSink(target.url, log);
    const figures = await writeFigures(sink, { ...layout, units, indicatorIds, seed });
    const figureSeconds = seconds(figuresStarted);

    const analyzeStarted = performance.now();
    log('ANALYZE…');
    if (store.dialect === 'sqlite') {
      await sql`analyze`.execute(store.db);
      // Folds the WAL back into the file, so its size is the database's.
      await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
    } else {
      // VACUUM also sets the visibility map, without which no index-only scan is used.
      await sql`vacuum analyze`.execute(store.db);
    }
    return {
      units: units.size,
      indicators: layout.specs.length,
      targets,
      figures,
      setupSeconds,
      figureSeconds,
      analyzeSeconds: seconds(analyzeStarted),
    };
  } finally {
    await store.close();
  }
}
