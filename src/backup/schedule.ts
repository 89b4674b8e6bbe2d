import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { invalidField } from '../errors.js';
import { text } from '../i18n.js';

/** Only files named like this are ever pruned: the folder may hold other things. */
const BACKUP_NAME = /^tiendo-\d{8}-\d{6}\.(db|dump)$/;

/** The first backup waits this long after start, so it does not compete with starting up. */
export const FIRST_BACKUP_DELAY_MS = 60_000;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Real timers that never keep the process alive on their own. */
const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ScheduleLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface BackupSchedule {
  dir: string;
  everyMs: number;
  keep: number;
  /** `.db` for SQLite, `.dump` for a PostgreSQL custom-format dump. */
  extension: '.db' | '.dump';
  /** Writes one backup into the file. */
  backup: (file: string) => Promise<{ bytes: number; ms: number }>;
  log: ScheduleLog;
  now?: () => Date;
  timers?: Timers;
}

/** `tiendo-20211015-030000.db`, in UTC so names sort in time order whatever the clock's zone. */
export function backupFileName(at: Date, extension: string): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `tiendo-${stamp}${extension}`;
}

/** Removes all but the newest `keep` backups of the folder; returns the names removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = readdirSync(dir)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse()
    .slice(keep);
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}

/**
 * Backs up shortly after start, then every `everyMs`, keeping the newest `keep` files. A failed
 * backup is logged and retried at the next turn; it never stops the server. `stop` clears the
 * timer, and a backup running at that moment schedules no other.
 */
export function startBackupSchedule(options: BackupSchedule): { stop(): void } {
  const { dir, everyMs, keep, extension, backup, log } = options;
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? REAL_TIMERS;
  let handle: unknown;
  let stopped = false;

  const turn = async () => {
    const file = join(dir, backupFileName(now(), extension));
    try {
      mkdirSync(dir, { recursive: true });
      const { bytes, ms } = await backup(file);
      const removed = pruneBackups(dir, keep);
      log.info({ file, bytes, ms, removed }, 'backup written');
    } catch (error) {
      log.error({ file, err: error }, 'backup failed');
    }
    if (!stopped) handle = timers.set(() => void turn(), everyMs);
  };

  handle = timers.set(() => void turn(), Math.min(FIRST_BACKUP_DELAY_MS, everyMs));
  return {
    stop() {
      stopped = true;
      timers.clear(handle);
    },
  };
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30m", "24h", "7d"; at least a minute. */
export function parseInterval(value: string): number {
  const m = /^\s*(\d+)\s*([mhd])\s*$/i.exec(value);
  const ms = m ? Number(m[1]) * (UNIT_MS[(m[2] as string).toLowerCase()] as number) : 0;
  if (ms < 60_000) {
    throw invalidField(
      'backup-every',
      text(
        `Khoảng cách giữa hai lần sao lưu "${value}" không hợp lệ; ví dụ: 30m, 24h, 7d (ít nhất 1 phút)`,
        `Invalid backup interval "${value}"; for example 30m, 24h, 7d (at least a minute)`,
      ),
    );
  }
  return ms;
}

export function parseKeep(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw invalidField(
      'backup-keep',
      text(
        `Số bản sao lưu giữ lại "${value}" phải là số nguyên từ 1 trở lên`,
        `The number of backups to keep "${value}" must be a whole number of at least 1`,
      ),
    );
  }
  return n;
}
