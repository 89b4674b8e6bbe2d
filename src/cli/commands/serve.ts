import { type Command, Option } from 'commander';
import { DEMO_LOGINS } from '../../demo/users.js';
import { serve } from '../../http/serve.js';
import { connect, storeTarget } from '../../store/connect.js';
import { type GlobalOptions, type Io, storeOptions } from '../context.js';
import { backupSchedule, backupScheduleOptions, type ScheduleFlags, scheduleBackups } from './backup.js';

type Common = (cmd: Command) => Command;
type Say = (vi: string, en: string) => string;

interface ServeFlags extends GlobalOptions, ScheduleFlags {
  port: string;
  host: string;
  demo?: boolean;
}

/** `tiendo serve` and `tiendo start` (what `npm start` runs: serve, with the demo on first start). */
export function registerServe(program: Command, common: Common, L: Say, io: Io): void {
  const action = (demo: boolean) => async (o: ServeFlags) => {
    const backups = backupSchedule(o);
    const store = await connect(storeOptions(o));
    const { app, url, demoLoaded } = await serve(store, {
      port: Number(o.port),
      host: o.host,
      demoOnFirstStart: demo || Boolean(o.demo),
    });
    if (demoLoaded)
      io.out(
        L(
          `Đã nạp dữ liệu mẫu Bắc Kạn 2021 vào ${store.location}.`,
          `Loaded the Bắc Kạn 2021 demo into ${store.location}.`,
        ),
      );
    io.out(L(`Tiến độ đang chạy tại ${url}`, `Tiến độ is running at ${url}`));
    io.out(L(`Tài liệu API: ${url}/api/docs`, `API docs: ${url}/api/docs`));
    if (backups) scheduleBackups(app, storeTarget(storeOptions(o)), backups, L, io);
    const users = await store.db.selectFrom('users').select('username').execute();
    const demoUsers = DEMO_LOGINS.filter((d) => users.some((u) => u.username === d.username));
    if (demoUsers.length) {
      io.out(L('Tài khoản dùng thử:', 'Demo logins:'));
      for (const d of demoUsers)
        io.out(`  ${d.username.padEnd(9)} / ${d.password.padEnd(13)} ${d.role} — ${d.displayName}`);
    }
  };
  const flags = (cmd: Command) =>
    backupScheduleOptions(common(cmd), L)
      .addOption(new Option('--port <port>', L('cổng', 'port')).default(process.env.PORT ?? '3000'))
      .addOption(
        new Option('--host <host>', L('địa chỉ lắng nghe', 'address to listen on')).default(
          process.env.HOST ?? '127.0.0.1',
        ),
      );
  flags(program.command('serve').description(L('Chạy máy chủ HTTP (API)', 'Run the HTTP server (API)')))
    .option(
      '--demo',
      L('nạp dữ liệu mẫu nếu cơ sở dữ liệu còn trống', 'load the demo into an empty database'),
    )
    .action(action(false));
  flags(
    program
      .command('start')
      .description(
        L(
          'Chạy ứng dụng; lần đầu nạp dữ liệu mẫu và in tài khoản dùng thử',
          'Run the app; load the demo on first start',
        ),
      ),
  ).action(action(true));
}
