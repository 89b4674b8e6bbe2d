import { once } from 'node:events';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { InvalidError, StoreError } from '../errors.js';
import { type Text, text } from '../i18n.js';
import { knownMigrations } from '../store/connect.js';

/** Returned from better-sqlite3's progress callback: the rest of the pages in a single step. */
const ALL_PAGES = 0x7fffffff;

function storeError(message: Text): StoreError {
  return new StoreError(message, [{ field: 'db', message }]);
}

export function badBackup(file: string, why: Text): InvalidError {
  const message = text(
    `Tệp sao lưu ${file} không dùng được: ${why.vi}`,
    `The backup ${file} cannot be used: ${why.en}`,
  );
  return new InvalidError(message, [{ field: 'file', message }]);
}

/**
 * The copy itself, run in a worker thread so that a server taking its scheduled backup keeps
 * answering (one step of a 1 GB database holds a thread for seconds). Plain CommonJS evaluated
 * by the worker, so it runs the same from TypeScript sources and from dist; the driver is
 * loaded from the path the main thread resolved.
 */
const COPY_IN_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const { source, dest, allPages } = workerData;
const db = new SQLite(source, { readonly: true, fileMustExist: true });
db.backup(dest, { progress: () => allPages }).then(
  () => {
    db.close();
    const copy = new SQLite(dest);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    parentPort.postMessage({ ok: true });
  },
  (error) => {
    db.close();
    parentPort.postMessage({ ok: false, message: String(error && error.message), sqlite: error instanceof SQLite.SqliteError });
  },
);
`;

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * SQLite's online backup of a live database, every page in one step: the copy is read from one
 * snapshot, so a server writing meanwhile (WAL) neither waits nor restarts it. The copy is left
 * in rollback-journal mode, one self-contained file that opens without -wal/-shm beside it.
 */
export async function backupSqlite(source: string, dest: string): Promise<void> {
  if (!existsSync(source)) {
    throw storeError(
      text(`Không có cơ sở dữ liệu ${source} để sao lưu`, `There is no database ${source} to back up`),
    );
  }
  const worker = new Worker(COPY_IN_WORKER, {
    eval: true,
    workerData: { driver: DRIVER, source, dest, allPages: ALL_PAGES },
  });
  const [result] = (await once(worker, 'message')) as [{ ok: boolean; message?: string; sqlite?: boolean }];
  await worker.terminate();
  if (result.ok) return;
  if (result.sqlite) {
    throw storeError(
      text(`Không sao lưu được ${source}: ${result.message}`, `Cannot back up ${source}: ${result.message}`),
    );
  }
  throw new Error(result.message);
}

/**
 * Checks a copy of a backup before it replaces anything: SQLite's full integrity check, then
 * that it is a Tiến độ database no newer than this code. Returns its schema version. `copy` is a
 * private copy (it is switched to rollback-journal mode); messages name `shownAs`.
 */
export function inspectSqliteBackup(copy: string, shownAs: string): string {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(copy, { fileMustExist: true, timeout: 0 });
    db.pragma('journal_mode = DELETE');
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    if (problems.join() !== 'ok') {
      throw badBackup(
        shownAs,
        text(
          `kiểm tra toàn vẹn báo lỗi (${problems.slice(0, 3).join('; ')})`,
          `the integrity check failed (${problems.slice(0, 3).join('; ')})`,
        ),
      );
    }
    const tracked = db
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`)
      .get();
    const names = tracked
      ? (db.prepare('select name from kysely_migration order by name').pluck().all() as string[])
      : [];
    return checkMigrations(names, shownAs);
  } catch (error) {
    if (!(error instanceof SQLite.SqliteError)) throw error;
    throw badBackup(
      shownAs,
      error.code === 'SQLITE_NOTADB'
        ? text('không phải cơ sở dữ liệu SQLite', 'it is not an SQLite database')
        : text(`tệp bị hỏng (${error.message})`, `the file is damaged (${error.message})`),
    );
  } finally {
    db?.close();
  }
}

/** The migrations a backup records must all be known here; returns the latest. */
export function checkMigrations(names: string[], shownAs: string): string {
  const known = knownMigrations();
  if (!names.includes(known[0] as string)) {
    throw badBackup(
      shownAs,
      text('đây không phải cơ sở dữ liệu của Tiến độ', 'it is not a Tiến độ database'),
    );
  }
  const newer = names.filter((n) => !known.includes(n));
  if (newer.length > 0) {
    throw badBackup(
      shownAs,
      text(
        `được tạo bởi phiên bản Tiến độ mới hơn (${newer.join(', ')}); hãy cập nhật phần mềm`,
        `it was written by a newer Tiến độ (${newer.join(', ')}); please upgrade`,
      ),
    );
  }
  return names.sort()[names.length - 1] as string;
}

export function inUse(where: string): StoreError {
  return storeError(
    text(
      `Cơ sở dữ liệu ${where} đang được dùng (máy chủ hoặc lệnh khác đang mở); hãy dừng máy chủ rồi khôi phục lại`,
      `Database ${where} is in use (a server or another command has it open); stop the server, then restore again`,
    ),
  );
}

/**
 * Takes the target database for ourselves before it is replaced. Leaving WAL mode needs every
 * other connection closed, so it fails while a server has the file open; holding an exclusive
 * lock afterwards keeps others out until the new file is in place. Also folds away the target's
 * -wal, which must never be replayed onto the restored file. A target that is not a database at
 * all is simply replaced. Returns the release.
 */
export function claimSqliteTarget(file: string): () => void {
  if (!existsSync(file)) return () => {};
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true, timeout: 0 });
  } catch {
    return () => {};
  }
  try {
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse(file);
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('begin exclusive');
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw inUse(file);
    if (error instanceof SQLite.SqliteError) return () => {};
    throw error;
  }
  return () => db.close();
}

/** Journal files of a database that no longer exists in that form. */
export function removeJournals(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
