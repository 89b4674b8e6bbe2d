import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connect, storeTarget } from '../store/connect.js';
import { backupDatabase } from './backup.js';
import {
  backupFileName,
  FIRST_BACKUP_DELAY_MS,
  parseInterval,
  parseKeep,
  pruneBackups,
  startBackupSchedule,
  type Timers,
} from './schedule.js';

const HOUR = 3_600_000;

/** Timers that run only when the test says so, and a clock the test moves. */
function fakeTime(start: string) {
  let now = new Date(start).getTime();
  const pending: { run: () => void; ms: number; id: number }[] = [];
  let ids = 0;
  const timers: Timers = {
    set: (run, ms) => {
      pending.push({ run, ms, id: ++ids });
      return ids;
    },
    clear: (id) => {
      const i = pending.findIndex((p) => p.id === id);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return {
    timers,
    now: () => new Date(now),
    pending,
    /** Fires the one pending timer after moving the clock by its delay; resolves when the turn is done. */
    async fire(turnDone: Promise<unknown>) {
      const next = pending.shift();
      if (!next) throw new Error('no timer pending');
      now += next.ms;
      next.run();
      await turnDone;
      return next.ms;
    },
  };
}

function collectingLog() {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    info: (details: object, message: string) =>
      lines.push({ level: 'info', details: { ...details }, message }),
    error: (details: object, message: string) =>
      lines.push({ level: 'error', details: { ...details }, message }),
  };
}

describe('backup schedule', () => {
  it('backs up shortly after start, then every interval, keeping the newest files only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-schedule-'));
    writeFileSync(join(dir, 'ghi-chu.txt'), 'không phải bản sao lưu');
    writeFileSync(join(dir, 'tiendo-khac.db'), 'tên khác mẫu');
    const time = fakeTime('2021-10-15T03:00:00Z');
    const log = collectingLog();
    let done: () => void = () => {};
    const turn = () => new Promise<void>((resolve) => (done = resolve));
    const schedule = startBackupSchedule({
      dir,
      everyMs: 24 * HOUR,
      keep: 3,
      extension: '.db',
      backup: async (file) => {
        writeFileSync(file, 'bản sao');
        setImmediate(done);
        return { bytes: 7, ms: 1 };
      },
      log,
      now: time.now,
      timers: time.timers,
    });
    const delays: number[] = [];
    for (let day = 0; day < 5; day++) {
      const finished = turn();
      delays.push(await time.fire(finished));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(delays).toEqual([FIRST_BACKUP_DELAY_MS, 24 * HOUR, 24 * HOUR, 24 * HOUR, 24 * HOUR]);
    expect(readdirSync(dir).sort()).toEqual([
      'ghi-chu.txt',
      'tiendo-20211017-030100.db',
      'tiendo-20211018-030100.db',
      'tiendo-20211019-030100.db',
      'tiendo-khac.db',
    ]);
    expect(log.lines.at(-1)).toMatchObject({
      level: 'info',
      details: { bytes: 7, removed: ['tiendo-20211016-030100.db'] },
    });
    expect(time.pending).toHaveLength(1);
    schedule.stop();
    expect(time.pending).toHaveLength(0);
  });

  it('logs a failed backup, keeps the server going and tries again at the next turn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-schedule-'));
    const time = fakeTime('2021-10-15T03:00:00Z');
    const log = collectingLog();
    let calls = 0;
    let done: () => void = () => {};
    startBackupSchedule({
      dir,
      everyMs: HOUR,
      keep: 7,
      extension: '.dump',
      backup: async () => {
        calls++;
        setImmediate(done);
        throw new Error('pg_dump: không kết nối được');
      },
      log,
      now: time.now,
      timers: time.timers,
    });
    expect(time.pending[0]?.ms).toBe(FIRST_BACKUP_DELAY_MS);
    await time.fire(new Promise<void>((resolve) => (done = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.lines).toMatchObject([{ level: 'error', message: 'backup failed' }]);
    expect(time.pending).toMatchObject([{ ms: HOUR }]);
    expect(calls).toBe(1);
  });

  it('schedules nothing more once stopped, even when a backup was running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-schedule-'));
    const time = fakeTime('2021-10-15T03:00:00Z');
    let finish: () => void = () => {};
    const schedule = startBackupSchedule({
      dir,
      everyMs: HOUR,
      keep: 7,
      extension: '.db',
      backup: () => new Promise((resolve) => (finish = () => resolve({ bytes: 0, ms: 0 }))),
      log: collectingLog(),
      now: time.now,
      timers: time.timers,
    });
    time.pending.shift()?.run();
    schedule.stop();
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(time.pending).toEqual([]);
  });

  it('writes real, openable SQLite backups with the store open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-schedule-'));
    const file = join(dir, 'data', 'tiendo.db');
    const store = await connect({ file });
    const time = fakeTime('2021-10-15T03:00:00Z');
    const log = collectingLog();
    let done: () => void = () => {};
    const schedule = startBackupSchedule({
      dir: join(dir, 'sao-luu'),
      everyMs: HOUR,
      keep: 2,
      extension: '.db',
      backup: async (to) => {
        const written = await backupDatabase(storeTarget({ file }), to);
        done();
        return written;
      },
      log,
      now: time.now,
      timers: time.timers,
    });
    await time.fire(new Promise<void>((resolve) => (done = resolve)));
    schedule.stop();
    await store.close();
    const backup = join(dir, 'sao-luu', 'tiendo-20211015-030100.db');
    expect(existsSync(backup)).toBe(true);
    const db = new SQLite(backup, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('names files by UTC time and prunes only its own names', () => {
    expect(backupFileName(new Date('2021-10-15T03:04:05.678Z'), '.db')).toBe('tiendo-20211015-030405.db');
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-prune-'));
    for (const name of [
      'tiendo-20200101-000000.db',
      'tiendo-20210101-000000.dump',
      'tiendo-20220101-000000.db',
      'x.db',
    ])
      writeFileSync(join(dir, name), '');
    expect(pruneBackups(dir, 1)).toEqual(['tiendo-20210101-000000.dump', 'tiendo-20200101-000000.db']);
    expect(readdirSync(dir).sort()).toEqual(['tiendo-20220101-000000.db', 'x.db']);
  });

  it('reads intervals and counts, refusing nonsense in Vietnamese', () => {
    expect(parseInterval('24h')).toBe(24 * HOUR);
    expect(parseInterval('30m')).toBe(30 * 60_000);
    expect(parseInterval('7d')).toBe(7 * 24 * HOUR);
    for (const bad of ['5s', '0h', 'mỗi ngày', '']) {
      expect(() => parseInterval(bad)).toThrow(
        expect.objectContaining({
          text: expect.objectContaining({ vi: expect.stringContaining('không hợp lệ') }),
        }),
      );
    }
    expect(parseKeep('7')).toBe(7);
    expect(() => parseKeep('0')).toThrow();
    expect(() => parseKeep('2.5')).toThrow();
  });
});
