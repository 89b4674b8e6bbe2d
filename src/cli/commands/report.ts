import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { type Command, Option } from 'commander';
import {
  appendixFile,
  articleFile,
  conclusionFile,
  type GeneratedFile,
  reviewFile,
} from '../../documents/index.js';
import { type DocumentOptionsData, documentOptionsSchema } from '../../documents/options.schema.js';
import { invalidField } from '../../errors.js';
import { text } from '../../i18n.js';
import { parseInput } from '../../validation.js';
import { type GlobalOptions, type Io, withContext } from '../context.js';

type Common = (cmd: Command) => Command;
type Say = (vi: string, en: string) => string;

interface Flags extends GlobalOptions {
  out: string;
  plan?: string;
  period?: string;
  unit?: string;
  meeting?: string;
  date?: string;
  format?: 'party' | 'state';
  number?: string;
  options?: string;
}

/** The --options file and the flags that override it, checked like any other input. */
function documentOptions(o: Flags): DocumentOptionsData {
  let fromFile: unknown = {};
  if (o.options) {
    try {
      fromFile = JSON.parse(readFileSync(o.options, 'utf8'));
    } catch (error) {
      throw invalidField(
        'options',
        text(
          `Không đọc được tệp tùy chọn ${o.options}: ${(error as Error).message}`,
          `Cannot read the options file ${o.options}: ${(error as Error).message}`,
        ),
      );
    }
  }
  const flags = {
    ...(o.date ? { date: o.date } : {}),
    ...(o.format ? { format: o.format } : {}),
    ...(o.number ? { number: o.number } : {}),
  };
  return parseInput(documentOptionsSchema, { ...(fromFile as object), ...flags });
}

function requireExtension(out: string, allowed: readonly string[]): string {
  const ext = extname(out).slice(1).toLowerCase();
  if (!allowed.includes(ext)) {
    const list = allowed.map((a) => `.${a}`).join(', ');
    throw invalidField(
      'out',
      text(
        `Tệp ra phải có đuôi ${list} (nhận được "${out}")`,
        `The output file must end in ${list} (got "${out}")`,
      ),
    );
  }
  return ext;
}

function meetingId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) {
    throw invalidField(
      'meeting',
      text(`Mã hội nghị "${value}" không hợp lệ`, `Invalid meeting id "${value}"`),
    );
  }
  return id;
}

/** Written beside the target and renamed into place: a failed run never leaves half a file. */
function save(out: string, file: GeneratedFile, L: Say, io: Io): void {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, file.body);
    renameSync(temp, out);
  } finally {
    rmSync(temp, { force: true });
  }
  io.out(
    L(
      `Đã ghi ${out} (${file.body.length.toLocaleString('vi-VN')} byte)`,
      `Wrote ${out} (${file.body.length} bytes)`,
    ),
  );
  if (file.missing.length) {
    io.err(
      L(
        `Lưu ý: tài liệu còn để trống (in dạng "[chưa có …]"): ${file.missing.join('; ')}`,
        `Note: the document leaves blanks (printed as "[chưa có …]"): ${file.missing.join('; ')}`,
      ),
    );
  }
}

/** `tiendo report review|appendix|conclusion|article`: the documents of a review, as files. */
export function registerReport(program: Command, common: Common, L: Say, io: Io): void {
  const report = program
    .command('report')
    .description(
      L('Xuất báo cáo, phụ lục, thông báo kết luận, tin bài', 'Write reports, appendices, notices, articles'),
    );
  const period = (cmd: Command) =>
    cmd
      .requiredOption('--plan <code>', L('mã kế hoạch', 'plan code'))
      .requiredOption('--period <YYYY-MM>', L('kỳ báo cáo, ví dụ 2021-09', 'period, e.g. 2021-09'))
      .option(
        '--unit <code>',
        L('mã đơn vị (mặc định: đơn vị của kế hoạch)', 'unit code (default: the plan unit)'),
      );
  const meeting = (cmd: Command) => cmd.requiredOption('--meeting <id>', L('mã hội nghị', 'meeting id'));
  const settings = (cmd: Command) =>
    cmd
      .option('--date <YYYY-MM-DD>', L('ngày của văn bản', 'date of the document'))
      .addOption(
        new Option(
          '--format <format>',
          L('thể thức: party (Đảng) hoặc state (Nhà nước)', 'party or state format'),
        ).choices(['party', 'state']),
      )
      .option('--number <n>', L('số văn bản', 'document number'))
      .option(
        '--options <file.json>',
        L('tệp JSON các tùy chọn văn bản (xem README)', 'JSON file of document options (see README)'),
      );
  const out = (cmd: Command, what: string) => cmd.requiredOption('--out <file>', what);
  const query = (o: Flags) => ({ planCode: o.plan as string, period: o.period as string, unitCode: o.unit });

  common(settings(out(period(report.command('review')), L('tệp .docx', '.docx file'))))
    .description(L('Báo cáo kiểm điểm (DOCX)', 'Review report (DOCX)'))
    .action((o: Flags) => {
      requireExtension(o.out, ['docx']);
      return withContext(o, async (ctx) =>
        save(o.out, await reviewFile(ctx, query(o), documentOptions(o)), L, io),
      );
    });

  common(out(period(report.command('appendix')), L('tệp .xlsx', '.xlsx file')))
    .description(L('Phụ lục số liệu (XLSX)', 'Data appendix (XLSX)'))
    .option('--date <YYYY-MM-DD>', L('ngày lập', 'date'))
    .action((o: Flags) => {
      requireExtension(o.out, ['xlsx']);
      return withContext(o, async (ctx) =>
        save(o.out, await appendixFile(ctx, query(o), { date: o.date }), L, io),
      );
    });

  common(settings(out(meeting(report.command('conclusion')), L('tệp .docx', '.docx file'))))
    .description(L('Thông báo kết luận hội nghị (DOCX)', 'Conclusion notice of a meeting (DOCX)'))
    .action((o: Flags) => {
      requireExtension(o.out, ['docx']);
      const id = meetingId(o.meeting);
      return withContext(o, async (ctx) =>
        save(o.out, await conclusionFile(ctx, id, documentOptions(o)), L, io),
      );
    });

  common(out(meeting(report.command('article')), L('tệp .txt hoặc .html', '.txt or .html file')))
    .description(L('Dự thảo tin bài về hội nghị (văn bản hoặc HTML)', 'News article draft (text or HTML)'))
    .option(
      '--options <file.json>',
      L('tệp JSON: percentTolerance, headline', 'JSON file: percentTolerance, headline'),
    )
    .action((o: Flags) => {
      const ext = requireExtension(o.out, ['txt', 'html', 'htm']);
      const id = meetingId(o.meeting);
      const s = documentOptions(o);
      return withContext(o, async (ctx) => {
        const file = await articleFile(ctx, id, ext === 'txt' ? 'txt' : 'html', {
          ...(s.percentTolerance === undefined
            ? {}
            : { percent: { wholeTolerance: s.percentTolerance, decimals: 2 } }),
          ...(s.headline ? { headline: s.headline } : {}),
        });
        save(o.out, file, L, io);
      });
    });
}
