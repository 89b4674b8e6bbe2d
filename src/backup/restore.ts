import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { StoreError } from '../errors.js';
import { text } from '../i18n.js';
import { migrateToLatest, openStore, type StoreTarget } from '../store/connect.js';
import { moveIntoPlace, viaTemp } from './files.js';
import { findPgTool, runPgTool, shownUrl } from './pg-tools.js';
import {
  badBackup,
  checkMigrations,
  claimSqliteTarget,
  inspectSqliteBackup,
  inUse,
  removeJournals,
} from './sqlite-file.js';

/** What the person is asked to confirm before their database is replaced. */
export interface RestorePlan {
  /** Schema version of the backup (its latest migration). */
  version: string;
  /** The database that will be replaced, without any password. */
  target: string;
}

export type Confirm = (plan: RestorePlan) => Promise<boolean>;

export interface RestoreDone extends RestorePlan {
  /** Migrations run after the restore, when the backup came from an older version. */
  migrated: string[];
  ms: number;
}

/**
 * Replaces the database with a backup, after checking the backup whole (integrity, a Tiến độ
 * database, not newer than this code) and after `confirm`. Refuses while the database is in use.
 * Returns null when the person declines. The restored database is migrated to this version.
 */
export async function restoreDatabase(
  target: StoreTarget,
  file: string,
  confirm: Confirm,
): Promise<RestoreDone | null> {
  const started = Date.now();
  if (!existsSync(file)) throw badBackup(file, text('không tìm thấy tệp', 'the file does not exist'));
  const version =
    target.dialect === 'sqlite'
      ? await restoreSqlite(target.file, file, confirm)
      : await restorePostgres(target.url, file, confirm);
  if (version === null) return null;
  const store = await openStore(target.dialect === 'sqlite' ? { file: target.file } : { url: target.url });
  let migrated: string[];
  try {
    migrated = await migrateToLatest(store);
  } finally {
    await store.close();
  }
  return { version, target: location(target), migrated, ms: Date.now() - started };
}

const location = (target: StoreTarget) => (target.dialect === 'sqlite' ? target.file : shownUrl(target.url));

/**
 * The backup is copied beside the target and the copy is checked, so what is checked is exactly
 * what is put in place; the rename then swaps the whole file at once.
 */
async function restoreSqlite(targetFile: string, file: string, confirm: Confirm): Promise<string | null> {
  mkdirSync(dirname(targetFile), { recursive: true });
  return viaTemp(targetFile, async (temp) => {
    copyFileSync(file, temp);
    const version = inspectSqliteBackup(temp, file);
    if (!(await confirm({ version, target: targetFile }))) return null;
    const release = claimSqliteTarget(targetFile);
    try {
      removeJournals(targetFile);
      moveIntoPlace(temp, targetFile);
    } finally {
      release();
    }
    return version;
  });
}

/**
 * Reads the whole dump once as pg_restore would restore it (a cut or damaged archive fails
 * here), keeping the rows of Kysely's migration table to learn its version.
 */
async function inspectPgDump(file: string): Promise<string> {
  findPgTool('pg_restore');
  const names: string[] = [];
  let inMigrations = false;
  try {
    await runPgTool({
      tool: 'pg_restore',
      args: ['--file=-', file],
      onLine: (line) => {
        if (inMigrations) {
          if (line === '\\.') inMigrations = false;
          else names.push(line.split('\t')[0] as string);
        } else if (/^COPY (\S+\.)?kysely_migration /.test(line)) {
          inMigrations = true;
        }
      },
    });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw badBackup(
      file,
      text(
        `pg_restore không đọc được tệp (${error.text.vi})`,
        `pg_restore cannot read it (${error.text.en})`,
      ),
    );
  }
  return checkMigrations(names, file);
}

async function refuseBusyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((error: Error) => {
    const message = text(
      `Không kết nối được PostgreSQL tại ${shownUrl(url)}: ${error.message}`,
      `Cannot reach PostgreSQL at ${shownUrl(url)}: ${error.message}`,
    );
    throw new StoreError(message, [{ field: 'DATABASE_URL', message }]);
  });
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    if ((rows[0]?.n ?? 0) > 0) throw inUse(shownUrl(url));
  } finally {
    await client.end();
  }
}

/** One transaction (`--single-transaction`): a restore that fails leaves the database as it was. */
async function restorePostgres(url: string, file: string, confirm: Confirm): Promise<string | null> {
  const version = await inspectPgDump(file);
  await refuseBusyPostgres(url);
  if (!(await confirm({ version, target: shownUrl(url) }))) return null;
  await runPgTool({
    tool: 'pg_restore',
    args: ['--clean', '--if-exists', '--no-owner', '--single-transaction', file],
    url,
  });
  return version;
}
