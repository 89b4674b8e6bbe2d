import { once } from 'node:events';
import { sql } from 'kysely';
import type { Store } from '../store/connect.js';
import type { DialectName } from '../store/dialect.js';
import { type AnyDb, type ColumnInfo, describeTables, schemaVersion, type TableInfo } from './tables.js';

/**
 * Everything in a store as newline-delimited JSON, to move the data between SQLite and
 * PostgreSQL. The file reads:
 *
 *   {"format":"tiendo-ndjson","version":"0003-figure-depth","exportedAt":"…","engine":"sqlite"}
 *   {"table":"units","columns":["id","code",…]}
 *   [1,"bac-kan",…]                              one array per row, in the columns' order
 *   …                                            every table, referenced tables first
 *   {"end":true,"tables":22,"rows":4711}         so a cut-off file is never taken for a whole one
 *
 * Values are written the same whichever engine holds them: flags and other integers as numbers,
 * booleans as true/false, dates and instants as ISO text, JSON columns as their JSON text.
 * Login sessions are left out (see LEFT_OUT): whoever is signed in must sign in again.
 */

export const NDJSON_FORMAT = 'tiendo-ndjson';

const PAGE = 1000;

export interface Transferred {
  tables: number;
  rows: number;
}

const BOOLEAN_TYPES = new Set(['bool', 'boolean']);
/** PostgreSQL types node-postgres hands back as text, to keep their precision. */
const DECIMAL_TYPES = new Set(['int8', 'numeric']);
const JSON_TYPES = new Set(['json', 'jsonb']);

/** A value as it travels in the file. */
function portable(dialect: DialectName, column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (BOOLEAN_TYPES.has(column.type)) return Boolean(value);
  if (value instanceof Date) return column.type === 'date' ? localDate(value) : value.toISOString();
  if (dialect === 'postgres' && JSON_TYPES.has(column.type)) return JSON.stringify(value);
  if (typeof value === 'string' && DECIMAL_TYPES.has(column.type)) return exactNumber(value);
  return value;
}

/** A value from the file as the target engine takes it: SQLite keeps booleans as 0/1. */
export function native(dialect: DialectName, column: ColumnInfo, value: unknown): unknown {
  if (dialect === 'sqlite' && typeof value === 'boolean') return value ? 1 : 0;
  if (dialect === 'postgres' && BOOLEAN_TYPES.has(column.type) && typeof value === 'number')
    return value !== 0;
  return value;
}

/** node-postgres reads a `date` as local midnight. */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A number when it holds every digit of the text ("1.50" is 1.5), else the text itself. */
function exactNumber(value: string): number | string {
  const n = Number(value);
  const digits = value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
  return Number.isFinite(n) && String(n) === digits ? n : value;
}

function writer(out: NodeJS.WritableStream) {
  return async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
}

/** Pages of a table in key order: each page starts after the last key seen, so no row is held twice. */
async function* pages(db: AnyDb, table: TableInfo): AsyncGenerator<Record<string, unknown>[]> {
  const key = table.primaryKey;
  const columns = sql.join(table.columns.map((c) => sql.ref(c.name)));
  const order = sql.join((key.length ? key : table.columns.map((c) => c.name)).map((c) => sql.ref(c)));
  let after: unknown[] | null = null;
  for (let done = 0; ; ) {
    const where = after ? sql`where (${sql.join(key.map((c) => sql.ref(c)))}) > (${sql.join(after)})` : sql``;
    // A table without a key (none today) is paged by position instead.
    const skip = key.length ? sql`` : sql`offset ${done}`;
    const { rows } = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(table.name)}
      ${where} order by ${order} limit ${PAGE} ${skip}`.execute(db);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    done += rows.length;
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = key.length ? key.map((c) => last[c]) : null;
  }
}

/**
 * Writes every table to `out` from one consistent snapshot (a read transaction), a page at a
 * time, waiting when `out` is full. Does not end `out`.
 */
export async function exportAll(store: Store, out: NodeJS.WritableStream): Promise<Transferred> {
  const write = writer(out);
  const line = (value: unknown) => write(`${JSON.stringify(value)}\n`);
  let trx = store.db.transaction();
  if (store.dialect === 'postgres') trx = trx.setIsolationLevel('repeatable read').setAccessMode('read only');
  return trx.execute(async (t) => {
    const db = t as unknown as AnyDb;
    const tables = await describeTables(db, store.dialect);
    const version = await schemaVersion(db);
    await line({
      format: NDJSON_FORMAT,
      version,
      exportedAt: new Date().toISOString(),
      engine: store.dialect,
    });
    let rows = 0;
    for (const table of tables) {
      await line({ table: table.name, columns: table.columns.map((c) => c.name) });
      for await (const page of pages(db, table)) {
        rows += page.length;
        const values = (row: Record<string, unknown>) =>
          table.columns.map((c) => portable(store.dialect, c, row[c.name]));
        await write(`${page.map((row) => JSON.stringify(values(row))).join('\n')}\n`);
      }
    }
    await line({ end: true, tables: tables.length, rows });
    return { tables: tables.length, rows };
  });
}
