import { Command, Option } from 'commander';
import { loadDemo } from '../demo/load-demo.js';
import { DIRECTIVE_STATUSES } from '../directives/directives.schema.js';
import { listDirectives } from '../directives/directives.service.js';
import { type Lang, parseLang } from '../i18n.js';
import { listMeetings } from '../meetings/meetings.service.js';
import { progressFor } from '../progress/progress.service.js';
import { connect } from '../store/connect.js';
import { registerBackup } from './commands/backup.js';
import { registerExtract } from './commands/extract.js';
import { directivesTable, meetingsTable } from './commands/meetings.js';
import { progressJson, progressTable } from './commands/progress.js';
import { registerReport } from './commands/report.js';
import { registerReporting } from './commands/reporting.js';
import { registerServe } from './commands/serve.js';
import { registerTransfer } from './commands/transfer.js';
import { registerUser } from './commands/user.js';
import { type GlobalOptions, type Io, processIo, reportError, storeOptions, withContext } from './context.js';

/** The language is read before the program is built, so help text comes out in it too. */
function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? process.env.TIENDO_LANG : (argv[i]?.split('=')[1] ?? argv[i + 1]);
  return parseLang(value);
}

export function buildProgram(lang: Lang, io: Io): Command {
  const L = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const program = new Command('tiendo')
    .description(
      L(
        'Tiến độ: theo dõi chỉ tiêu nghị quyết, hội nghị kiểm điểm và nhiệm vụ',
        'Tiến độ: resolution targets, reviews and directives',
      ),
    )
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .helpCommand(true)
    .exitOverride();
  const common = (cmd: Command) =>
    cmd
      .option(
        '--db <path>',
        L(
          'tệp SQLite hoặc postgres://… (mặc định: DATABASE_URL hoặc data/tiendo.db)',
          'SQLite file or postgres://… (default: DATABASE_URL or data/tiendo.db)',
        ),
      )
      .addOption(
        new Option('--lang <lang>', L('ngôn ngữ: vi hoặc en', 'language: vi or en'))
          .choices(['vi', 'en'])
          .default(lang),
      );
  const json = (v: unknown) => io.out(JSON.stringify(v, null, 2));

  common(
    program
      .command('init')
      .description(L('Tạo hoặc nâng cấp cơ sở dữ liệu', 'Create or migrate the database')),
  ).action(async (o: GlobalOptions) => {
    const store = await connect(storeOptions(o));
    io.out(L(`Cơ sở dữ liệu sẵn sàng: ${store.location}`, `Database ready: ${store.location}`));
    await store.close();
  });

  common(
    program
      .command('demo')
      .description(L('Nạp dữ liệu mẫu thành phố Bắc Kạn năm 2021', 'Load the Bắc Kạn 2021 demo')),
  ).action((o: GlobalOptions) =>
    withContext(o, async (ctx, store) => {
      const made = await loadDemo(ctx, (step) => io.err(L(`Đang nạp ${step}…`, `Loading ${step}…`)));
      const nothing = Object.values(made).every((n) => n === 0);
      io.out(
        nothing
          ? L(
              `Dữ liệu mẫu đã có sẵn trong ${store.location}; không thay đổi gì.`,
              `The demo is already in ${store.location}; nothing changed.`,
            )
          : L(
              `Đã nạp dữ liệu mẫu vào ${store.location}: ${made.units} đơn vị, ${made.indicators} chỉ tiêu, ${made.targets} mục tiêu, ${made.figures} số liệu, ${made.meetings} hội nghị, ${made.directives} nhiệm vụ.`,
              `Demo loaded into ${store.location}: ${made.units} units, ${made.indicators} indicators, ${made.targets} targets, ${made.figures} figures, ${made.meetings} meetings, ${made.directives} directives.`,
            ),
      );
    }),
  );

  common(
    program
      .command('progress')
      .description(
        L(
          'Tiến độ thực hiện chỉ tiêu của một kế hoạch đến hết một tháng',
          'Progress of a plan through a month',
        ),
      )
      .requiredOption('--plan <code>', L('mã kế hoạch', 'plan code'))
      .requiredOption('--period <YYYY-MM>', L('kỳ báo cáo, ví dụ 2021-09', 'period, e.g. 2021-09'))
      .option(
        '--unit <code>',
        L('mã đơn vị (mặc định: đơn vị của kế hoạch)', 'unit code (default: the plan unit)'),
      )
      .option('--json', L('in JSON', 'print JSON')),
  ).action((o: GlobalOptions & { plan: string; period: string; unit?: string; json?: boolean }) =>
    withContext(o, async (ctx) => {
      const report = await progressFor(ctx, {
        planCode: o.plan,
        period: o.period,
        ...(o.unit ? { unitCode: o.unit } : {}),
      });
      if (o.json) json(progressJson(report));
      else io.out(progressTable(report, o.lang));
    }),
  );

  common(
    program
      .command('meetings')
      .description(L('Danh sách hội nghị', 'List meetings'))
      .option('--plan <code>', L('chỉ hội nghị của kế hoạch này', 'only meetings of this plan'))
      .option('--json', L('in JSON', 'print JSON')),
  ).action((o: GlobalOptions & { plan?: string; json?: boolean }) =>
    withContext(o, async (ctx) => {
      const meetings = await listMeetings(ctx, { planCode: o.plan });
      if (o.json) json(meetings);
      else io.out(meetingsTable(meetings, o.lang));
    }),
  );

  common(
    program
      .command('directives')
      .description(L('Danh sách nhiệm vụ và tình trạng thực hiện', 'List directives and their status'))
      .option(
        '--meeting <id>',
        L('nhiệm vụ từ kết luận của hội nghị này', 'from this meeting’s conclusion'),
        (v) => Number(v),
      )
      .addOption(
        new Option('--status <status>', L('lọc theo tình trạng', 'filter by status')).choices([
          ...DIRECTIVE_STATUSES,
        ]),
      )
      .option('--unit <code>', L('đơn vị chủ trì hoặc phối hợp', 'lead or co-unit'))
      .option('--json', L('in JSON', 'print JSON')),
  ).action(
    (
      o: GlobalOptions & {
        meeting?: number;
        status?: (typeof DIRECTIVE_STATUSES)[number];
        unit?: string;
        json?: boolean;
      },
    ) =>
      withContext(o, async (ctx) => {
        const directives = await listDirectives(ctx, {
          meetingId: o.meeting,
          status: o.status,
          unitCode: o.unit,
        });
        if (o.json) json(directives);
        else io.out(directivesTable(directives, o.lang));
      }),
  );

  registerServe(program, common, L, io);
  registerUser(program, common, L, io);
  registerReport(program, common, L, io);
  registerExtract(program, common, L, io);
  registerBackup(program, common, L, io);
  registerReporting(program, common, L, io);
  registerTransfer(program, common, L, io);
  return program;
}

/** Runs the command line; returns the exit code instead of exiting, for tests. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const lang = langFromArgv(argv);
  const program = buildProgram(lang, io);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    const code = (error as { code?: string; exitCode?: number }).code;
    if (code?.startsWith('commander.')) {
      return code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help'
        ? 0
        : 2;
    }
    return reportError(error, lang, io);
  }
}
