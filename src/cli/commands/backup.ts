import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { backupDatabase } from '../../backup/backup.js';
import type { RestorePlan } from '../../backup/restore.js';
import { restoreDatabase } from '../../backup/restore.js';
import { parseInterval, parseKeep, startBackupSchedule } from '../../backup/schedule.js';
import { InvalidError } from '../../errors.js';
import { text } from '../../i18n.js';
import { type StoreTarget, storeTarget } from '../../store/connect.js';
import { type GlobalOptions, type Io, storeOptions } from '../context.js';

type Common = (cmd: Command) => Command;
type Say = (vi: string, en: string) => string;

interface Flags extends GlobalOptions {
  yes?: boolean;
}

const megabytes = (bytes: number, L: Say) =>
  L(
    `${(bytes / 1e6).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`,
    `${(bytes / 1e6).toFixed(1)} MB`,
  );

const notConfirmed = (message: ReturnType<typeof text>) =>
  new InvalidError(message, [{ field: 'yes', message: text('chưa xác nhận', 'not confirmed') }]);

/** Asks at the terminal; without one (a script, a pipe) the answer must come as --yes. */
async function askAtTerminal(plan: RestorePlan, L: Say, io: Io): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw notConfirmed(
      text(
        `Khôi phục sẽ thay toàn bộ ${plan.target}; thêm --yes để xác nhận`,
        `Restoring replaces all of ${plan.target}; add --yes to confirm`,
      ),
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      L(
        `Thay toàn bộ dữ liệu của ${plan.target} bằng bản sao lưu (phiên bản ${plan.version})? Gõ "co" để đồng ý: `,
        `Replace all data of ${plan.target} with the backup (version ${plan.version})? Type "yes" to agree: `,
      ),
    );
    io.err('');
    return /^(co|có|yes|y)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** `tiendo backup FILE` and `tiendo restore FILE`. */
export function registerBackup(program: Command, common: Common, L: Say, io: Io): void {
  common(
    program
      .command('backup <file>')
      .description(
        L(
          'Sao lưu toàn bộ cơ sở dữ liệu vào một tệp (được cả khi máy chủ đang chạy)',
          'Back up the whole database into a file (also while the server runs)',
        ),
      )
      .option('--yes', L('ghi đè tệp đã có', 'overwrite an existing file')),
  ).action(async (file: string, o: Flags) => {
    if (existsSync(file) && !o.yes) {
      throw notConfirmed(
        text(`Tệp ${file} đã có; thêm --yes để ghi đè`, `${file} already exists; add --yes to overwrite it`),
      );
    }
    const done = await backupDatabase(storeTarget(storeOptions(o)), file);
    io.out(
      L(
        `Đã sao lưu vào ${done.file} (${megabytes(done.bytes, L)}, ${done.ms} ms).`,
        `Backed up into ${done.file} (${megabytes(done.bytes, L)}, ${done.ms} ms).`,
      ),
    );
  });

  common(
    program
      .command('restore <file>')
      .description(
        L(
          'Khôi phục cơ sở dữ liệu từ tệp sao lưu, sau khi kiểm tra tệp',
          'Restore the database from a backup, after checking it',
        ),
      )
      .option('--yes', L('không hỏi lại trước khi ghi đè', 'do not ask before overwriting')),
  ).action(async (file: string, o: Flags) => {
    const done = await restoreDatabase(storeTarget(storeOptions(o)), file, async (plan) =>
      o.yes ? true : askAtTerminal(plan, L, io),
    );
    if (!done) {
      io.err(L('Đã hủy; không thay đổi gì.', 'Cancelled; nothing changed.'));
      return;
    }
    io.out(
      L(
        `Đã khôi phục ${done.target} từ ${file} (phiên bản ${done.version}, ${done.ms} ms).`,
        `Restored ${done.target} from ${file} (version ${done.version}, ${done.ms} ms).`,
      ),
    );
    if (done.migrated.length) {
      io.out(L(`Đã nâng cấp lên: ${done.migrated.join(', ')}.`, `Migrated to: ${done.migrated.join(', ')}.`));
    }
  });
}

export interface ScheduleFlags {
  backupDir?: string;
  backupEvery: string;
  backupKeep: string;
}

/** The options of `tiendo serve` for backups on a schedule; environment variables give defaults. */
export function backupScheduleOptions(cmd: Command, L: Say): Command {
  return cmd
    .option(
      '--backup-dir <dir>',
      L('thư mục sao lưu tự động (TIENDO_BACKUP_DIR)', 'folder for scheduled backups (TIENDO_BACKUP_DIR)'),
      process.env.TIENDO_BACKUP_DIR,
    )
    .option(
      '--backup-every <interval>',
      L(
        'khoảng cách, ví dụ 24h, 30m, 7d (TIENDO_BACKUP_EVERY)',
        'interval, e.g. 24h, 30m, 7d (TIENDO_BACKUP_EVERY)',
      ),
      process.env.TIENDO_BACKUP_EVERY ?? '24h',
    )
    .option(
      '--backup-keep <n>',
      L(
        'số bản mới nhất được giữ (TIENDO_BACKUP_KEEP)',
        'how many of the newest to keep (TIENDO_BACKUP_KEEP)',
      ),
      process.env.TIENDO_BACKUP_KEEP ?? '7',
    );
}

/** Checked before the server starts, so a typo stops `serve` at once rather than at the first backup. */
export function backupSchedule(flags: ScheduleFlags) {
  if (!flags.backupDir) return null;
  return {
    dir: flags.backupDir,
    every: flags.backupEvery,
    everyMs: parseInterval(flags.backupEvery),
    keep: parseKeep(flags.backupKeep),
  };
}

/** Starts the schedule beside a running server; it ends when the server closes. */
export function scheduleBackups(
  app: FastifyInstance,
  target: StoreTarget,
  schedule: NonNullable<ReturnType<typeof backupSchedule>>,
  L: Say,
  io: Io,
): void {
  const running = startBackupSchedule({
    ...schedule,
    extension: target.dialect === 'sqlite' ? '.db' : '.dump',
    backup: (file) => backupDatabase(target, file),
    log: app.log,
  });
  // Hooks cannot be added to a listening server; its 'close' event comes with app.close().
  app.server.once('close', () => running.stop());
  io.out(
    L(
      `Sao lưu tự động vào ${schedule.dir}, mỗi ${schedule.every}, giữ ${schedule.keep} bản mới nhất.`,
      `Backing up into ${schedule.dir} every ${schedule.every}, keeping the newest ${schedule.keep}.`,
    ),
  );
}
