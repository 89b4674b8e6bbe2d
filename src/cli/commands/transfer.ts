import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { exportAll } from '../../backup/ndjson.js';
import { importAll } from '../../backup/ndjson-import.js';
import { InvalidError, invalidField } from '../../errors.js';
import { text } from '../../i18n.js';
import { type ImportSummary, importFigures, importTargets } from '../../transfer/import.service.js';
import {
  figuresSheet,
  planJson,
  progressSheet,
  type Sheet,
  targetsSheet,
  writeSheet,
} from '../../transfer/sheets.service.js';
import { fileOnDisk } from '../../transfer/source.js';
import { type GlobalOptions, type Io, withContext } from '../context.js';

type Common = (cmd: Command) => Command;
type Say = (vi: string, en: string) => string;

interface Flags extends GlobalOptions {
  plan?: string;
  period?: string;
  unit?: string;
  out?: string;
  all?: boolean;
  dryRun?: boolean;
}

function extensionOf(out: string | undefined, allowed: readonly string[]): string {
  const ext = extname(out ?? '')
    .slice(1)
    .toLowerCase();
  if (!out || !allowed.includes(ext)) {
    const list = allowed.map((a) => `.${a}`).join(', ');
    throw invalidField(
      'out',
      text(
        `Cần --out là tệp ${list} (nhận được "${out ?? ''}")`,
        `--out must be a ${list} file (got "${out ?? ''}")`,
      ),
    );
  }
  return ext;
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw invalidField(flag, text(`Thiếu ${flag}`, `${flag} is required`));
  return value;
}

/** Written beside the target and renamed into place: a failed run never leaves half a file. */
async function toFile(
  out: string,
  write: (stream: NodeJS.WritableStream) => Promise<unknown>,
  L: Say,
  io: Io,
) {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    const stream = createWriteStream(temp);
    await write(stream);
    if (!stream.writableEnded) stream.end();
    await finished(stream);
    renameSync(temp, out);
  } finally {
    rmSync(temp, { force: true });
  }
  const size = statSync(out).size;
  io.out(L(`Đã ghi ${out} (${size.toLocaleString('vi-VN')} byte)`, `Wrote ${out} (${size} bytes)`));
}

/** A bar on stderr when a person is watching; lines read, since a stream has no known end. */
function progressBar(L: Say) {
  if (!process.stderr.isTTY) return { update: (_n: number) => {}, stop: () => {} };
  const bar = new SingleBar({
    format: L('Đang nhập {value} dòng ({speed} dòng/giây)', 'Importing {value} lines ({speed} lines/s)'),
    stream: process.stderr,
    hideCursor: true,
  });
  const started = Date.now();
  bar.start(0, 0, { speed: 0 });
  return {
    update: (n: number) => {
      bar.setTotal(n);
      bar.update(n, { speed: Math.round(n / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
    stop: () => bar.stop(),
  };
}

function printSummary(s: ImportSummary, L: Say, io: Io, lang: GlobalOptions['lang']): void {
  const n = (v: number) => v.toLocaleString('vi-VN');
  io.out(
    L(
      `${s.dryRun ? 'Chạy thử (không ghi gì): ' : ''}đọc ${n(s.read + s.blank)} dòng ${s.format.toUpperCase()}: ghi mới ${n(s.recorded)}, sửa ${n(s.corrected)} (thành bản ghi mới), không đổi ${n(s.unchanged)}, để trống ${n(s.blank)}, lỗi ${n(s.problemCount)}.`,
      `${s.dryRun ? 'Dry run (nothing written): ' : ''}read ${s.read + s.blank} ${s.format.toUpperCase()} lines: recorded ${s.recorded}, corrected ${s.corrected} (as new revisions), unchanged ${s.unchanged}, blank ${s.blank}, problems ${s.problemCount}.`,
    ),
  );
  const shown = s.problems.slice(0, 200);
  for (const p of shown) {
    io.err(`  - ${L('dòng', 'row')} ${p.row ?? '?'}: ${p.message[lang]}`);
  }
  if (s.problemCount > shown.length) {
    io.err(
      L(
        `  … và ${n(s.problemCount - shown.length)} lỗi khác`,
        `  … and ${s.problemCount - shown.length} more`,
      ),
    );
  }
}

/** `tiendo import`, `tiendo template`, `tiendo export`: spreadsheets and files in and out. */
export function registerTransfer(program: Command, common: Common, L: Say, io: Io): void {
  const scope = (cmd: Command) =>
    cmd
      .option('--plan <code>', L('mã kế hoạch', 'plan code'))
      .option('--period <YYYY-MM>', L('kỳ báo cáo, ví dụ 2021-09', 'period, e.g. 2021-09'))
      .option('--unit <code>', L('đơn vị (mặc định: đơn vị của kế hoạch)', 'unit (default: the plan unit)'));
  const query = (o: Flags) => ({
    planCode: need(o.plan, '--plan'),
    ...(o.period ? { period: o.period } : {}),
    ...(o.unit ? { unitCode: o.unit } : {}),
  });

  common(
    program
      .command('import')
      .option('--plan <code>', L('mã kế hoạch', 'plan code'))
      .option(
        '--period <YYYY-MM>',
        L('kỳ của số liệu khi tệp không ghi kỳ', 'period of figures when the file has none'),
      )
      .argument('[what]', L('figures (số liệu) hoặc targets (chỉ tiêu)', 'figures or targets'))
      .argument(
        '[file]',
        L('tệp .xlsx hoặc .csv (.ndjson với --all)', '.xlsx or .csv file (.ndjson with --all)'),
      )
      .option('--dry-run', L('chỉ kiểm tra, không ghi', 'check only, write nothing'))
      .option(
        '--all',
        L(
          'nạp toàn bộ dữ liệu từ tệp NDJSON (chuyển giữa SQLite và PostgreSQL)',
          'load everything from an NDJSON file',
        ),
      )
      .description(
        L(
          'Nhập số liệu hoặc chỉ tiêu từ Excel/CSV: ghi tất cả hoặc không ghi gì',
          'Import figures or targets from Excel/CSV, all or nothing',
        ),
      ),
  ).action((what: string | undefined, file: string | undefined, o: Flags) =>
    withContext(o, async (ctx, store) => {
      if (o.all) {
        const path = need(file ?? what, 'FILE');
        const done = await importAll(store, createReadStream(path));
        io.out(
          L(
            `Đã nạp ${done.rows} dòng của ${done.tables} bảng từ ${path}`,
            `Loaded ${done.rows} rows of ${done.tables} tables from ${path}`,
          ),
        );
        return;
      }
      if (what !== 'figures' && what !== 'targets') {
        throw invalidField('what', text('Cần "figures" hoặc "targets"', 'Expected "figures" or "targets"'));
      }
      const bar = progressBar(L);
      const run = what === 'figures' ? importFigures : importTargets;
      try {
        const summary = await run(ctx, await fileOnDisk(need(file, 'FILE')), {
          planCode: need(o.plan, '--plan'),
          period: o.period,
          dryRun: o.dryRun ?? false,
          onProgress: bar.update,
        });
        bar.stop();
        printSummary(summary, L, io, o.lang);
        // A dry run that found problems fails, so a script can tell; the list is printed above.
        if (summary.problemCount > 0) {
          throw new InvalidError(
            text(
              `Tệp có ${summary.problemCount} lỗi; chưa ghi gì.`,
              `The file has ${summary.problemCount} problems; nothing was written.`,
            ),
          );
        }
      } finally {
        bar.stop();
      }
    }),
  );

  common(
    scope(program.command('template'))
      .argument('<what>', L('figures (số liệu) hoặc targets (chỉ tiêu)', 'figures or targets'))
      .requiredOption('--out <file.xlsx>', L('tệp .xlsx', '.xlsx file'))
      .description(
        L('Tải mẫu Excel để nhập số liệu hoặc chỉ tiêu', 'Write an Excel template for figures or targets'),
      ),
  ).action((what: string, o: Flags) =>
    withContext(o, async (ctx) => {
      extensionOf(o.out, ['xlsx']);
      const sheet = await sheetOf(ctx, what, o, 'template');
      await toFile(o.out as string, (s) => writeSheet(sheet, 'xlsx', s as never), L, io);
    }),
  );

  common(
    scope(program.command('export'))
      .argument('[what]', L('progress, figures, targets hoặc plan', 'progress, figures, targets or plan'))
      .option(
        '--out <file>',
        L(
          'tệp .xlsx, .csv (.json cho plan, .ndjson cho --all)',
          '.xlsx, .csv (.json for plan, .ndjson for --all)',
        ),
      )
      .option('--all', L('xuất toàn bộ dữ liệu ra NDJSON', 'write everything as NDJSON'))
      .description(
        L(
          'Xuất tiến độ, số liệu, chỉ tiêu, kế hoạch hoặc toàn bộ dữ liệu',
          'Export progress, figures, targets, a plan, or everything',
        ),
      ),
  ).action((what: string | undefined, o: Flags) =>
    withContext(o, async (ctx, store) => {
      if (o.all) {
        extensionOf(o.out, ['ndjson']);
        let done = { tables: 0, rows: 0 };
        await toFile(
          o.out as string,
          async (s) => {
            done = await exportAll(store, s);
          },
          L,
          io,
        );
        io.out(L(`${done.rows} dòng của ${done.tables} bảng`, `${done.rows} rows of ${done.tables} tables`));
        return;
      }
      if (what === 'plan') {
        extensionOf(o.out, ['json']);
        const json = JSON.stringify(await planJson(ctx, need(o.plan, '--plan')), null, 2);
        await toFile(o.out as string, async (s) => void s.write(`${json}\n`), L, io);
        return;
      }
      const format = extensionOf(o.out, ['xlsx', 'csv']) as 'xlsx' | 'csv';
      const sheet =
        what === 'progress' ? await progressSheet(ctx, query(o)) : await sheetOf(ctx, what, o, 'export');
      await toFile(o.out as string, (s) => writeSheet(sheet, format, s as never), L, io);
    }),
  );

  async function sheetOf(
    ctx: Parameters<typeof figuresSheet>[0],
    what: string | undefined,
    o: Flags,
    mode: 'template' | 'export',
  ): Promise<Sheet> {
    if (what === 'figures') return figuresSheet(ctx, query(o), mode);
    if (what === 'targets') return targetsSheet(ctx, query(o), mode);
    throw invalidField(
      'what',
      text(
        `Không biết "${what ?? ''}": cần ${mode === 'export' ? 'progress, figures, targets hoặc plan' : 'figures hoặc targets'}`,
        `Unknown "${what ?? ''}": expected ${mode === 'export' ? 'progress, figures, targets or plan' : 'figures or targets'}`,
      ),
    );
  }
}
