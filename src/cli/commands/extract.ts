import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { formatVnNumber, formatVnPercent } from '../../core/numbers.js';
import { InvalidError } from '../../errors.js';
import { type ExtractResult, extract } from '../../extract/index.js';
import { applyReview, type Review, reviewText } from '../../extraction/extraction.service.js';
import { type Lang, text } from '../../i18n.js';
import { type GlobalOptions, type Io, withContext } from '../context.js';
import { renderTable } from '../table.js';

type Common = (cmd: Command) => Command;
type Say = (vi: string, en: string) => string;

interface ExtractFlags extends GlobalOptions {
  json?: boolean;
  jsonl?: string;
  year?: string;
  plan?: string;
  period?: string;
  unit?: string;
  apply?: boolean;
  yes?: boolean;
}

const decoder = new TextDecoder('utf-8');

/** A file or standard input, read leniently: bytes that are not UTF-8 become U+FFFD. */
async function readSource(file: string | undefined): Promise<string> {
  if (file && file !== '-') return decoder.decode(await readFile(file));
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decoder.decode(Buffer.concat(chunks));
}

const num = (v: number | null) => (v === null ? '–' : formatVnNumber(v, { maxDecimals: 3 }));
const pct = (v: number | null) => (v === null ? '–' : formatVnPercent(v));

function resultTable(r: ExtractResult, L: Say): string {
  const out = [
    `${L('Kỳ báo cáo', 'Period')}: ${r.period ?? '–'}`,
    `${L('Hội nghị', 'Meeting')}: ${r.meeting ? [r.meeting.body, r.meeting.date, r.meeting.chair].filter(Boolean).join(' · ') : '–'}`,
    '',
    renderTable(
      [
        { header: L('Chỉ tiêu', 'Indicator'), max: 50 },
        { header: L('Giá trị', 'Value'), align: 'right' },
        { header: L('ĐVT', 'Unit') },
        { header: L('% kế hoạch', '% of target'), align: 'right' },
        { header: L('Căn cứ', 'Basis') },
        { header: L('So cùng kỳ', 'vs last year'), align: 'right' },
      ],
      r.figures.map((f) => [
        f.indicator || '–',
        num(f.value),
        f.unit ?? '',
        pct(f.percentOfTarget),
        f.targetBasis ?? '',
        pct(f.changeVsSamePeriodPct),
      ]),
    ),
  ];
  if (r.lagging.length) out.push('', `${L('Còn chậm', 'Lagging')}: ${r.lagging.join('; ')}`);
  if (r.directives.length)
    out.push(
      '',
      L('Nhiệm vụ:', 'Directives:'),
      ...r.directives.map((d, i) => `  ${i + 1}. ${d.key ? '★ ' : ''}${d.text}`),
    );
  return out.join('\n');
}

function reviewTable(review: Review, lang: Lang, L: Say): string {
  return renderTable(
    [
      { header: L('Trong văn bản', 'In the text'), max: 40 },
      { header: L('Chỉ tiêu kế hoạch', 'Plan indicator'), max: 40 },
      { header: L('Giá trị', 'Value'), align: 'right' },
      { header: L('Lũy kế', 'Cumulative') },
      { header: L('Ghi chú', 'Note'), max: 70 },
    ],
    review.proposals.map((p) => [
      p.figure.indicator || '–',
      p.indicator ? p.indicator.name : '–',
      p.input ? num(p.input.value) : num(p.figure.value),
      p.input?.cumulative ? L('có', 'yes') : '',
      [
        p.skip?.[lang],
        p.consistency?.status === 'inconsistent'
          ? lang === 'en'
            ? p.consistency.messageEn
            : p.consistency.message
          : null,
      ]
        .filter(Boolean)
        .join('; ') || L('sẽ ghi (ước tính)', 'to record (estimate)'),
    ]),
  );
}

/** `tiendo extract`: read report text into figures, and optionally record them into a plan. */
export function registerExtract(program: Command, common: Common, L: Say, io: Io): void {
  common(
    program
      .command('extract [file]')
      .description(
        L(
          'Đọc số liệu, kỳ báo cáo, hội nghị và nhiệm vụ từ văn bản (tệp hoặc "-")',
          'Read figures, period, meeting and directives from text (a file or "-")',
        ),
      )
      .option('--json', L('in JSON', 'print JSON'))
      .option(
        '--jsonl <file>',
        L(
          'mỗi dòng một JSON có trường "text"; in mỗi dòng một kết quả, đúng thứ tự',
          'one JSON with "text" per line; one result per line, in order',
        ),
      )
      .option(
        '--year <year>',
        L('năm của văn bản khi văn bản không ghi', 'the year when the text does not say'),
      )
      .option(
        '--plan <code>',
        L('đối chiếu với chỉ tiêu của kế hoạch này', 'match to this plan’s indicators'),
      )
      .option('--period <YYYY-MM>', L('tháng của số liệu', 'month of the figures'))
      .option(
        '--unit <code>',
        L('đơn vị báo cáo (mặc định: đơn vị của kế hoạch)', 'reporting unit (default: the plan’s)'),
      )
      .option(
        '--apply',
        L('ghi các số liệu khớp thành số ước tính', 'record the matched figures as estimates'),
      )
      .option('--yes', L('không hỏi lại khi ghi', 'do not ask before recording')),
  ).action(async (file: string | undefined, o: ExtractFlags) => {
    const year = o.year ? Number(o.year) : undefined;
    if (o.jsonl) {
      const lines = createInterface({
        input: createReadStream(o.jsonl),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      let n = 0;
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        let source: unknown;
        try {
          source = JSON.parse(line);
        } catch {
          throw new InvalidError(text(`Dòng ${n} không phải JSON`, `Line ${n} is not JSON`), [
            { field: 'jsonl', row: n, message: text('JSON lỗi', 'bad JSON') },
          ]);
        }
        const t = (source as { text?: unknown }).text;
        io.out(JSON.stringify(extract(typeof t === 'string' ? t : '', year === undefined ? {} : { year })));
      }
      return;
    }
    const source = await readSource(file);
    if (!o.plan) {
      const result = extract(source, year === undefined ? {} : { year });
      io.out(o.json ? JSON.stringify(result, null, 2) : resultTable(result, L));
      return;
    }
    if (!o.period)
      throw new InvalidError(
        text('Cần --period YYYY-MM khi đối chiếu với kế hoạch', '--period YYYY-MM is needed with --plan'),
        [{ field: 'period', message: text('bắt buộc', 'required') }],
      );
    const input = {
      text: source,
      planCode: o.plan,
      period: o.period,
      ...(o.unit ? { unitCode: o.unit } : {}),
    };
    await withContext(o, async (ctx) => {
      const review = await reviewText(ctx, input);
      if (o.json && !o.apply) return io.out(JSON.stringify(review, null, 2));
      io.out(reviewTable(review, o.lang, L));
      if (!o.apply) return;
      if (!o.yes) {
        throw new InvalidError(
          text('Thêm --yes để ghi các số liệu trên', 'Add --yes to record the figures above'),
          [{ field: 'yes', message: text('chưa xác nhận', 'not confirmed') }],
        );
      }
      const recorded = await applyReview(ctx, review);
      io.out(
        L(
          `Đã ghi ${recorded} số liệu ước tính, nguồn: văn bản.`,
          `Recorded ${recorded} estimates from the text.`,
        ),
      );
    });
  });
}
