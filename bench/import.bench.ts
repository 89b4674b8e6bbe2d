/**
 * Import throughput (rows/s) of `tiendo import figures` for CSV and XLSX, next to the limit
 * measured in the same run on the same database: a raw better-sqlite3 prepared INSERT loop into
 * `figures` in one transaction. The ratio is the claim; times are the machine's. Each import
 * runs in a child process, whose peak memory (maxRSS) shows a big file is streamed, not loaded.
 *
 *   npx tsx bench/import.bench.ts [--rows 1000000] [--xlsx-rows 200000] [--wards 1000] [--indicators 50]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { systemContext } from '../src/context.js';
import { connect } from '../src/store/connect.js';
import { importFigures } from '../src/transfer/import.service.js';
import { fileOnDisk } from '../src/transfer/source.js';
import { figureLines, importWorld, writeFiguresCsv, writeFiguresXlsx } from '../src/transfer/test-world.js';
import { numberOption } from './target.js';

interface ChildResult {
  rows: number;
  ms: number;
  maxRssMb: number;
  /** Largest live heap after a full collection, sampled every 100,000 lines: what is really kept. */
  liveHeapMb: number;
  recorded: number;
}

/** The child: one import, timed, with its own peak memory. */
async function child(db: string, file: string, plan: string): Promise<void> {
  const store = await connect({ file: db });
  const gc = (globalThis as { gc?: () => void }).gc;
  let liveHeap = 0;
  let gcMs = 0;
  const sample = (n: number) => {
    if (!gc || n % 100_000 !== 0) return;
    const t = performance.now();
    gc();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
    gcMs += performance.now() - t;
  };
  const started = performance.now();
  const r = await importFigures(systemContext(store), await fileOnDisk(file), {
    planCode: plan,
    onProgress: sample,
  });
  const ms = performance.now() - started - gcMs;
  await store.close();
  const out: ChildResult = {
    rows: r.read,
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    liveHeapMb: liveHeap / 1e6,
    recorded: r.recorded,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runChild(db: string, file: string, plan: string): ChildResult {
  const self = fileURLToPath(import.meta.url);
  const done = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', self, '--child', db, file, plan],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (done.status !== 0) throw new Error(`import of ${file} failed: ${done.stderr.slice(0, 2000)}`);
  return JSON.parse(done.stdout.trim().split('\n').pop() as string) as ChildResult;
}

/**
 * The yardstick: the same number of rows through one prepared INSERT in one transaction, with
 * the columns the service writes (years before the import's, so no slot collides).
 */
function rawInsert(db: string, world: { wards: string[]; indicators: string[] }, rows: number): number {
  const sqlite = new Database(db);
  const ids = (table: string, codes: string[]) => {
    const stmt = sqlite.prepare(`select id from ${table} where code = ?`);
    return new Map(codes.map((c) => [c, (stmt.get(c) as { id: number }).id]));
  };
  const units = ids('units', world.wards);
  const indicators = ids('indicators', world.indicators);
  const insert = sqlite.prepare(
    `insert into figures (indicator_id, unit_id, province_id, unit_depth, year, month, cumulative, value,
       status, source, source_ref, note, revision, is_current, recorded_by, recorded_at)
     values (?, ?, null, 2, ?, ?, 0, ?, ?, 'import', 'raw', null, 1, 1, null, ?)`,
  );
  const started = performance.now();
  sqlite.transaction(() => {
    for (const [ward, indicator, period, value, status] of figureLines(world, rows)) {
      const [year, month] = (period as string).split('-').map(Number) as [number, number];
      insert.run(
        indicators.get(indicator as string),
        units.get(ward as string),
        year - 100,
        month,
        Number((value as string).replaceAll('.', '').replace(',', '.')),
        status === 'ước' ? 'estimate' : 'official',
        '2021-10-01T00:00:00.000Z',
      );
    }
  })();
  const ms = performance.now() - started;
  sqlite.close();
  return ms;
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      'xlsx-rows': { type: 'string', default: '200000' },
      wards: { type: 'string', default: '1000' },
      indicators: { type: 'string', default: '50' },
    },
  });
  const rows = Math.trunc(numberOption(values.rows, 'rows', 1, 10_000_000));
  const xlsxRows = Math.trunc(numberOption(values['xlsx-rows'], 'xlsx-rows', 1, 10_000_000));
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-import-bench-'));
  try {
    const world = async (name: string) => {
      const db = join(dir, name);
      const store = await connect({ file: db });
      const w = await importWorld(
        systemContext(store),
        Math.trunc(numberOption(values.wards, 'wards', 1, 100_000)),
        Math.trunc(numberOption(values.indicators, 'indicators', 1, 1000)),
      );
      await store.close();
      return { db, w };
    };
    const csvDb = await world('csv.db');
    const xlsxDb = await world('xlsx.db');
    const csv = join(dir, 'so-lieu.csv');
    const xlsx = join(dir, 'so-lieu.xlsx');
    process.stderr.write(`Đang tạo ${rows} dòng CSV và ${xlsxRows} dòng XLSX…\n`);
    await writeFiguresCsv(csv, csvDb.w, rows);
    await writeFiguresXlsx(xlsx, xlsxDb.w, xlsxRows);

    const rawCsvMs = rawInsert(csvDb.db, csvDb.w, rows);
    process.stderr.write('Đang nhập CSV…\n');
    const c = runChild(csvDb.db, csv, csvDb.w.plan);
    const rawXlsxMs = rawInsert(xlsxDb.db, xlsxDb.w, xlsxRows);
    process.stderr.write('Đang nhập XLSX…\n');
    const x = runChild(xlsxDb.db, xlsx, xlsxDb.w.plan);

    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
    const line = (what: string, n: number, bytes: number, ms: number, rawMs: number, r: ChildResult) =>
      `${what.padEnd(5)} ${String(n).padStart(9)} dòng  ${(bytes / 1e6).toFixed(1).padStart(7)} MB  ${String(rate(n, ms)).padStart(8)} dòng/s  thô ${String(rate(n, rawMs)).padStart(8)} dòng/s  tỉ lệ ${(ms / rawMs).toFixed(1).padStart(5)}×  RSS đỉnh ${r.maxRssMb.toFixed(0)} MB, heap sống ≤ ${r.liveHeapMb.toFixed(0)} MB`;
    console.log('Nhập số liệu (một giao dịch, ghi nhật ký từng số liệu) so với INSERT thô cùng CSDL:');
    console.log(line('CSV', c.rows, statSync(csv).size, c.ms, rawCsvMs, c));
    console.log(line('XLSX', x.rows, statSync(xlsx).size, x.ms, rawXlsxMs, x));
    if (c.recorded !== rows || x.recorded !== xlsxRows) {
      throw new Error(`recorded ${c.recorded}/${rows} CSV, ${x.recorded}/${xlsxRows} XLSX rows`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [db, file, plan] = process.argv.slice(3) as [string, string, string];
  await child(db, file, plan);
} else {
  await main();
}
