import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../store/dialect.js';

/**
 * The tables of a store as the store itself describes them (not a list kept by hand), so a
 * migration that adds a table is exported, imported and compared without touching this code.
 */

// Tables are read by name at run time, so their row types are unknown to the compiler.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type AnyDb = Kysely<any>;

/**
 * Kysely's bookkeeping; login sessions (a copy of the data should not carry anyone's login); and
 * the month sums, which the receiving database's triggers build again from the figures.
 */
export const LEFT_OUT = [
  'kysely_migration',
  'kysely_migration_lock',
  'sessions',
  'figure_month_sums',
] as const;

export interface ColumnInfo {
  name: string;
  /** Declared type, lower case: `integer`, `double precision` on SQLite; `int4`, `float8` on PostgreSQL. */
  type: string;
  /** Numbered by a sequence on PostgreSQL, which must be moved past explicitly inserted ids. */
  sequenced: boolean;
}

export interface ForeignKey {
  column: string;
  table: string;
  references: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

interface ColumnRow {
  table: string;
  name: string;
  type: string;
  pk: number;
  sequenced: number | boolean;
}

function sqliteColumns(db: AnyDb) {
  return sql<ColumnRow>`
    select m.name as "table", c.name as name, lower(c.type) as type, c.pk as pk, 0 as sequenced
    from sqlite_master m, pragma_table_info(m.name) c
    where m.type = 'table' and m.name not like 'sqlite_%'
    order by m.name, c.cid`.execute(db);
}

function sqliteForeignKeys(db: AnyDb) {
  return sql<ForeignKey & { from: string }>`
    select m.name as "from", f."from" as "column", f."table" as "table", coalesce(f."to", 'id') as "references"
    from sqlite_master m, pragma_foreign_key_list(m.name) f
    where m.type = 'table'`.execute(db);
}

function postgresColumns(db: AnyDb) {
  return sql<ColumnRow>`
    select c.relname as "table", a.attname as name, t.typname as type,
      coalesce((select o.n from unnest(i.indkey::int2[]) with ordinality as o(attnum, n)
        where o.attnum = a.attnum), 0) as pk,
      pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null as sequenced
    from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    left join pg_index i on i.indrelid = c.oid and i.indisprimary
    where c.relkind in ('r', 'p') and c.relnamespace = current_schema()::regnamespace
    order by c.relname, a.attnum`.execute(db);
}

function postgresForeignKeys(db: AnyDb) {
  return sql<ForeignKey & { from: string }>`
    select c.relname as "from", a.attname as "column", r.relname as "table", ra.attname as "references"
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class r on r.oid = k.confrelid
    cross join lateral unnest(k.conkey, k.confkey) as u(col, refcol)
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.col
    join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = u.refcol
    where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`.execute(db);
}

/**
 * Every data table except those LEFT_OUT, in an order where each table comes after the tables
 * it references (ties by name, so both engines list them alike). A table referencing itself
 * (a unit's parent unit) is fine; a cycle between tables is refused, as no insert order exists.
 */
export async function describeTables(db: AnyDb, dialect: DialectName): Promise<TableInfo[]> {
  const sqlite = dialect === 'sqlite';
  const [columns, keys] = await Promise.all([
    (sqlite ? sqliteColumns : postgresColumns)(db),
    (sqlite ? sqliteForeignKeys : postgresForeignKeys)(db),
  ]);
  const tables = new Map<string, TableInfo & { keyOrder: Map<string, number> }>();
  for (const c of columns.rows) {
    if ((LEFT_OUT as readonly string[]).includes(c.table)) continue;
    let table = tables.get(c.table);
    if (!table) {
      table = { name: c.table, columns: [], primaryKey: [], foreignKeys: [], keyOrder: new Map() };
      tables.set(c.table, table);
    }
    table.columns.push({ name: c.name, type: c.type, sequenced: Boolean(c.sequenced) });
    if (Number(c.pk) > 0) table.keyOrder.set(c.name, Number(c.pk));
  }
  for (const k of keys.rows) {
    tables.get(k.from)?.foreignKeys.push({ column: k.column, table: k.table, references: k.references });
  }
  const described = [...tables.values()].map(({ keyOrder, ...t }) => ({
    ...t,
    primaryKey: [...keyOrder.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name),
  }));
  return dependencyOrder(described);
}

function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()]
      .filter((t) => t.foreignKeys.every((k) => k.table === t.name || !pending.has(k.table)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    const next = ready[0];
    if (!next) throw new Error(`Foreign keys form a cycle between tables: ${[...pending.keys()].join(', ')}`);
    ordered.push(next);
    pending.delete(next.name);
  }
  return ordered;
}

/** The latest migration applied to the store: the version of its schema. */
export async function schemaVersion(db: AnyDb): Promise<string | null> {
  const row = await sql<{
    name: string;
  }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  return row.rows[0]?.name ?? null;
}
