import { sql } from 'kysely';
import { systemContext } from '../context.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/connect.js';
import { openSession } from '../users/sessions.js';
import { type AnyDb, type ColumnInfo, describeTables, type TableInfo } from './tables.js';

const NOW = () => new Date('2021-10-15T03:00:00Z');

/** Text that trips naive escaping: quotes, new lines, a line separator, tabs, emoji, NUL-free. */
export const AWKWARD_TEXT = 'Báo cáo "ước" 9 tháng;\nxuống dòng\r\n\u2028tab\t— 🎉 \\ cuối';

/**
 * The demo, plus at least one row in every table the demo leaves empty (found from the
 * store, so tables added later are filled too), plus values that are easy to get wrong: a
 * reference to a row further down its own table, floats, negative numbers, awkward text, nulls.
 */
export async function fillEveryTable(store: Store): Promise<void> {
  const ctx = systemContext(store, NOW);
  await loadDemo(ctx);
  const db = store.db as unknown as AnyDb;
  const user = await store.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
  await openSession(ctx, user.id, { idleMinutes: 60, absoluteHours: 1 });

  const indicators = await store.db.selectFrom('indicators').select('id').orderBy('id').execute();
  const first = indicators[0]?.id as number;
  const last = indicators[indicators.length - 1]?.id as number;
  // A weight indicator created after the indicator it weights: a forward reference.
  await store.db
    .updateTable('indicators')
    .set({ weight_indicator_id: last })
    .where('id', '=', first)
    .execute();
  const figures = await store.db.selectFrom('figures').select('id').orderBy('id').limit(4).execute();
  const values = [0.1 + 0.2, -12.5, 1e-7, 123456789.123456];
  for (const [i, f] of figures.entries()) {
    await store.db
      .updateTable('figures')
      .set({ value: values[i] as number, note: i === 0 ? AWKWARD_TEXT : '' })
      .where('id', '=', f.id)
      .execute();
  }

  for (const table of await describeTables(db, store.dialect)) {
    const { rows } = await sql`select 1 as one from ${sql.table(table.name)} limit 1`.execute(db);
    if (rows.length === 0) await insertMadeUpRow(db, table);
  }
}

/** One row that satisfies the table's types and references: each reference to a different row. */
async function insertMadeUpRow(db: AnyDb, table: TableInfo): Promise<void> {
  const row: Record<string, unknown> = {};
  let nth = 0;
  for (const c of table.columns) {
    const key = table.foreignKeys.find((k) => k.column === c.name);
    if (key) {
      const { rows } = await sql<{ ref: unknown }>`select ${sql.ref(key.references)} as ref
        from ${sql.table(key.table)} order by 1 limit 1 offset ${nth++}`.execute(db);
      row[c.name] = rows[0]?.ref;
    } else if (!isGeneratedKey(table, c)) {
      row[c.name] = madeUpValue(c);
    }
  }
  await db.insertInto(table.name).values(row).execute();
}

function isGeneratedKey(table: TableInfo, c: ColumnInfo): boolean {
  return table.primaryKey.length === 1 && table.primaryKey[0] === c.name && /^int/.test(c.type);
}

function madeUpValue(c: ColumnInfo): unknown {
  if (/^(int|bigint)/.test(c.type)) return 1;
  if (/double|float|real|numeric/.test(c.type)) return 2.5;
  return `${c.name}: ${AWKWARD_TEXT}`;
}

/** Every row of every table, in key order, for comparing two stores. */
export async function tableContents(store: Store): Promise<Record<string, unknown[]>> {
  const db = store.db as unknown as AnyDb;
  const out: Record<string, unknown[]> = {};
  for (const t of await describeTables(db, store.dialect)) {
    const order = (t.primaryKey.length ? t.primaryKey : t.columns.map((c) => c.name)).map((c) => sql.ref(c));
    const { rows } = await sql`select * from ${sql.table(t.name)} order by ${sql.join(order)}`.execute(db);
    out[t.name] = rows;
  }
  return out;
}
