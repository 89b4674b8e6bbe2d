import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import { StoreError } from '../errors.js';
import { text } from '../i18n.js';
import type { DialectName } from './dialect.js';
import * as m0001 from './migrations/0001-initial.js';
import * as m0002 from './migrations/0002-accounts.js';
import * as m0003 from './migrations/0003-figure-depth.js';
import * as m0004 from './migrations/0004-reporting.js';
import * as m0005 from './migrations/0005-month-sums.js';
import * as m0006 from './migrations/0006-indicator-frequency.js';
import type { Database } from './schema.js';

export const DEFAULT_SQLITE_FILE = 'data/tiendo.db';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, without any password, for messages. */
  location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://… selects PostgreSQL; otherwise `file` (default data/tiendo.db) is SQLite. */
  url?: string | undefined;
  file?: string | undefined;
}

const MIGRATIONS: Record<string, { up: (db: Kysely<unknown>, dialect: DialectName) => Promise<void> }> = {
  '0001-initial': m0001,
  '0002-accounts': m0002,
  '0003-figure-depth': m0003,
  '0004-reporting': m0004,
  '0005-month-sums': m0005,
  '0006-indicator-frequency': m0006,
};

function provider(dialect: DialectName): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => m.up(db, dialect) };
      return out;
    },
  };
}

/** Migration names this code knows, oldest first: a database with any other is newer than the code. */
export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS).sort();
}

/** Where the options (or DATABASE_URL) point, for tools that work on files and dumps, not rows. */
export type StoreTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export function storeTarget(options: StoreOptions = {}): StoreTarget {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  return {
    dialect: 'sqlite',
    file: options.file ?? (url?.replace(/^sqlite:(\/\/)?/, '') || DEFAULT_SQLITE_FILE),
  };
}

/** Opens the store named by the options (or DATABASE_URL), without migrating it. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const target = storeTarget(options);
  return target.dialect === 'postgres' ? openPostgres(target.url) : openSqlite(target.file);
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const native = new SQLite(file);
  try {
    native.pragma('journal_mode = WAL');
    native.pragma('foreign_keys = ON');
    native.pragma('busy_timeout = 5000');
    native.pragma('synchronous = NORMAL');
    // Refreshes the planner's statistics when they are missing or stale (SQLite's advice for
    // long-lived connections): without them a new index can be passed over for a worse one.
    native.pragma('optimize = 0x10002');
  } catch (error) {
    native.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new StoreError(
        text(`Tệp "${file}" không phải là cơ sở dữ liệu SQLite`, `File "${file}" is not an SQLite database`),
        [{ field: 'db', message: text('không phải tệp SQLite', 'not an SQLite file') }],
      );
    }
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: native }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/[^@/]*@/, '//');
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new StoreError(
      text(
        `Không kết nối được PostgreSQL tại ${location}: ${(error as Error).message}`,
        `Cannot reach PostgreSQL at ${location}: ${(error as Error).message}`,
      ),
      [{ field: 'DATABASE_URL', message: text('không kết nối được', 'unreachable') }],
    );
  }
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

/**
 * Brings the schema to the latest version. A database migrated by a newer Tiến độ is refused
 * rather than touched, so an old binary can never damage newer data.
 */
export async function migrateToLatest(store: Store): Promise<string[]> {
  await refuseNewerSchema(store);
  const migrator = new Migrator({ db: store.db, provider: provider(store.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  // New indexes need statistics before the planner trusts them.
  if (applied.length > 0) await sql`analyze`.execute(store.db);
  return applied;
}

async function refuseNewerSchema(store: Store): Promise<void> {
  const tables = await store.db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return;
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
  const unknown = rows.rows.map((r) => r.name).filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new StoreError(
      text(
        `Cơ sở dữ liệu ${store.location} được tạo bởi phiên bản Tiến độ mới hơn (${unknown.join(', ')}); hãy cập nhật phần mềm`,
        `Database ${store.location} was written by a newer Tiến độ (${unknown.join(', ')}); please upgrade`,
      ),
      [{ field: 'db', message: text('phiên bản mới hơn', 'newer version') }],
    );
  }
}

/** Opens and migrates: what every command and the server do first. */
export async function connect(options: StoreOptions = {}): Promise<Store> {
  const store = await openStore(options);
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
