import { type Command, Option } from 'commander';
import { formatVnShortDate, toIsoDate } from '../../core/dates.js';
import type { Lang } from '../../i18n.js';
import { requirePlan } from '../../plans/plans.service.js';
import { buildDigest } from '../../reporting/digest.js';
import { listLocks, lockPeriod, unlockPeriod } from '../../reporting/locks.js';
import { sendDigest } from '../../reporting/mail.js';
import { type MissingReport, missingReports } from '../../reporting/missing.js';
import { generateReminders } from '../../reporting/reminders.js';
import { DUE_MONTHS } from '../../reporting/reporting.schema.js';
import { getReportingSettings, setReportingSettings } from '../../reporting/settings.js';
import { lateness, monthWords } from '../../reporting/words.js';
import { type GlobalOptions, type Io, withContext } from '../context.js';
import { renderTable } from '../table.js';

type Common = (cmd: Command) => Command;
type Say = (vi: string, en: string) => string;

interface PeriodFlags extends GlobalOptions {
  plan: string;
  period: string;
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function missingTable(r: MissingReport, lang: Lang): string {
  const L = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const late = lateness(r.daysPastDue)[lang];
  const head = L(
    `${r.planName} — ${r.unitName} — số liệu ${monthWords(r.period).vi} (hạn ${formatVnShortDate(r.dueDate)}, ${late})${r.locked ? ' — kỳ đã khóa' : ''}`,
    `${r.planName} — ${r.unitName} — figures for ${r.period} (due ${r.dueDate}, ${late})${r.locked ? ' — locked' : ''}`,
  );
  const summary = L(
    `${r.completeUnits}/${r.expectedUnits} đơn vị đã báo cáo đủ.`,
    `${r.completeUnits} of ${r.expectedUnits} units complete.`,
  );
  if (r.units.length === 0) return `${head}\n${summary}`;
  const table = renderTable(
    [
      { header: L('Mã', 'Code') },
      { header: L('Đơn vị', 'Unit'), max: 40 },
      { header: L('Thiếu', 'Missing'), align: 'right' },
      { header: L('Chỉ tiêu còn thiếu', 'Missing indicators'), max: 80 },
    ],
    r.units.map((u) => [
      u.code,
      u.name,
      `${u.missing.length}/${u.expected}`,
      u.missing.map((i) => i.name).join('; '),
    ]),
  );
  return `${head}\n${summary}\n\n${table}`;
}

/** `tiendo period lock|unlock|list`, `tiendo reporting missing|settings|remind`, `tiendo digest`. */
export function registerReporting(program: Command, common: Common, L: Say, io: Io): void {
  const json = (v: unknown) => io.out(JSON.stringify(v, null, 2));
  const period = program.command('period').description(L('Khóa, mở kỳ báo cáo', 'Lock and reopen periods'));
  const planAndPeriod = (cmd: Command) =>
    common(
      cmd
        .requiredOption('--plan <code>', L('mã kế hoạch', 'plan code'))
        .requiredOption('--period <YYYY-MM>', L('tháng, ví dụ 2021-09', 'month, e.g. 2021-09')),
    );

  planAndPeriod(
    period
      .command('lock')
      .description(
        L('Khóa một tháng sau kiểm điểm: không ghi, sửa số liệu được nữa', 'Lock a reviewed month'),
      )
      .option('--note <text>', L('ghi chú (ví dụ: số thông báo kết luận)', 'note')),
  ).action((o: PeriodFlags & { note?: string }) =>
    withContext(o, async (ctx) => {
      const { lock, created } = await lockPeriod(ctx, { planCode: o.plan, period: o.period, note: o.note });
      io.out(
        created
          ? L(
              `Đã khóa kỳ ${lock.period} của kế hoạch ${lock.planCode}.`,
              `Locked ${lock.period} of ${lock.planCode}.`,
            )
          : L(
              `Kỳ ${lock.period} của kế hoạch ${lock.planCode} đã khóa từ trước; không thay đổi gì.`,
              `${lock.period} of ${lock.planCode} was already locked; nothing changed.`,
            ),
      );
    }),
  );

  planAndPeriod(
    period
      .command('unlock')
      .description(
        L('Mở lại tháng đã khóa (ghi lý do vào nhật ký)', 'Reopen a locked month (reason audited)'),
      )
      .requiredOption('--reason <text>', L('lý do mở lại', 'why it is reopened')),
  ).action((o: PeriodFlags & { reason: string }) =>
    withContext(o, async (ctx) => {
      const lock = await unlockPeriod(ctx, { planCode: o.plan, period: o.period, reason: o.reason });
      io.out(
        L(
          `Đã mở lại kỳ ${lock.period} của kế hoạch ${lock.planCode}.`,
          `Reopened ${lock.period} of ${lock.planCode}.`,
        ),
      );
    }),
  );

  common(
    period
      .command('list')
      .description(L('Các tháng đã khóa của kế hoạch', 'Locked months of a plan'))
      .requiredOption('--plan <code>', L('mã kế hoạch', 'plan code'))
      .option('--json', L('in JSON', 'print JSON')),
  ).action((o: GlobalOptions & { plan: string; json?: boolean }) =>
    withContext(o, async (ctx) => {
      const locks = await listLocks(ctx.store.db, await requirePlan(ctx.store.db, o.plan));
      if (o.json) return json(locks);
      if (locks.length === 0) return io.out(L('Chưa khóa tháng nào.', 'No month is locked.'));
      io.out(
        renderTable(
          [
            { header: L('Kỳ', 'Period') },
            { header: L('Khóa lúc', 'Locked at') },
            { header: L('Người khóa', 'By') },
            { header: L('Ghi chú', 'Note'), max: 60 },
          ],
          locks.map((l) => [
            l.period,
            formatVnShortDate(toIsoDate(new Date(l.lockedAt))),
            l.lockedByName ?? L('hệ thống', 'system'),
            l.note ?? '',
          ]),
        ),
      );
    }),
  );

  const reporting = program
    .command('reporting')
    .description(L('Theo dõi báo cáo số liệu', 'Reporting workflow'));
  common(
    reporting
      .command('missing')
      .description(L('Đơn vị chưa báo cáo số liệu một tháng', 'Units that have not reported a month'))
      .requiredOption('--plan <code>', L('mã kế hoạch', 'plan code'))
      .requiredOption('--period <YYYY-MM>', L('tháng, ví dụ 2021-09', 'month, e.g. 2021-09'))
      .option('--unit <code>', L('chỉ các đơn vị thuộc đơn vị này', 'only this branch'))
      .option(
        '--date <YYYY-MM-DD>',
        L('tính quá hạn đến ngày này (mặc định: hôm nay)', 'count overdue days to this day'),
      )
      .option('--json', L('in JSON', 'print JSON')),
  ).action((o: PeriodFlags & { unit?: string; date?: string; json?: boolean }) =>
    withContext(o, async (ctx) => {
      const report = await missingReports(ctx, {
        planCode: o.plan,
        period: o.period,
        unitCode: o.unit,
        date: o.date,
      });
      if (o.json) json(report);
      else io.out(missingTable(report, o.lang));
    }),
  );

  common(
    reporting
      .command('settings')
      .description(L('Xem hoặc đặt lịch báo cáo của kế hoạch', 'Show or set a plan’s reporting calendar'))
      .requiredOption('--plan <code>', L('mã kế hoạch', 'plan code'))
      .option('--due-day <day>', L('ngày hạn nộp số liệu (1–31)', 'due day (1–31)'), Number)
      .addOption(
        new Option(
          '--due-month <when>',
          L('hạn trong tháng (same) hay tháng sau (next)', 'due in the month or the next'),
        ).choices([...DUE_MONTHS]),
      )
      .option(
        '--to <emails>',
        L('người nhận tin nhắc việc, cách nhau dấu phẩy', 'digest recipients, comma-separated'),
        list,
      ),
  ).action(
    (o: GlobalOptions & { plan: string; dueDay?: number; dueMonth?: 'same' | 'next'; to?: string[] }) =>
      withContext(o, async (ctx) => {
        const change = o.dueDay !== undefined || o.dueMonth !== undefined || o.to !== undefined;
        const s = change
          ? await setReportingSettings(ctx, {
              planCode: o.plan,
              dueDay: o.dueDay,
              dueMonth: o.dueMonth,
              recipients: o.to,
            })
          : await getReportingSettings(ctx, o.plan);
        io.out(
          L(
            `Kế hoạch ${s.planCode}: số liệu tháng M hạn ngày ${s.dueDay} ${s.dueMonth === 'same' ? 'của tháng M' : 'tháng M + 1'}; người nhận: ${s.recipients.join(', ') || '(chưa có)'}`,
            `Plan ${s.planCode}: month M is due on day ${s.dueDay} of ${s.dueMonth === 'same' ? 'M' : 'M + 1'}; recipients: ${s.recipients.join(', ') || '(none)'}`,
          ),
        );
      }),
  );

  common(
    reporting
      .command('remind')
      .description(
        L(
          'Tạo nhắc việc hôm nay trong hộp thư của người dùng (chạy hằng ngày)',
          'Raise today’s inbox reminders (run daily)',
        ),
      )
      .option('--date <YYYY-MM-DD>', L('ngày (mặc định: hôm nay)', 'day (default: today)')),
  ).action((o: GlobalOptions & { date?: string }) =>
    withContext(o, async (ctx) => {
      const r = await generateReminders(ctx, o.date);
      io.out(
        L(
          `Nhắc việc ngày ${r.day}: ${r.created} mới, ${r.refreshed} cập nhật, ${r.closed} tự đóng (đã xong).`,
          `Reminders for ${r.day}: ${r.created} new, ${r.refreshed} updated, ${r.closed} closed (resolved).`,
        ),
      );
    }),
  );

  common(
    program
      .command('digest')
      .description(
        L(
          'Tin nhắc việc hằng ngày dạng văn bản; --send để gửi thư',
          'The daily digest as text; --send mails it',
        ),
      )
      .requiredOption('--plan <code>', L('mã kế hoạch', 'plan code'))
      .option('--unit <code>', L('chỉ nhánh của đơn vị này', 'only this branch'))
      .option(
        '--period <YYYY-MM>',
        L('tháng (mặc định: tháng gần nhất đã đến hạn)', 'month (default: the latest due)'),
      )
      .option('--date <YYYY-MM-DD>', L('ngày (mặc định: hôm nay)', 'day (default: today)'))
      .option('--send', L('gửi thư qua TIENDO_SMTP_URL', 'mail it through TIENDO_SMTP_URL'))
      .option('--to <emails>', L('người nhận, cách nhau dấu phẩy', 'recipients, comma-separated'), list),
  ).action(
    (
      o: GlobalOptions & {
        plan: string;
        unit?: string;
        period?: string;
        date?: string;
        send?: boolean;
        to?: string[];
      },
    ) =>
      withContext(o, async (ctx) => {
        const digest = await buildDigest(ctx, {
          planCode: o.plan,
          unitCode: o.unit,
          period: o.period,
          date: o.date,
        });
        io.out(digest.body[o.lang]);
        if (!o.send) return;
        const to = o.to ?? (await getReportingSettings(ctx, o.plan)).recipients;
        const sent = await sendDigest(digest, to, o.lang);
        io.err(
          L(
            `Đã gửi thư tới: ${sent.accepted.join(', ')}${sent.rejected.length ? `; bị từ chối: ${sent.rejected.join(', ')}` : ''}`,
            `Sent to: ${sent.accepted.join(', ')}${sent.rejected.length ? `; rejected: ${sent.rejected.join(', ')}` : ''}`,
          ),
        );
      }),
  );
}
