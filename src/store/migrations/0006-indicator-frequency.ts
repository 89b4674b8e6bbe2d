import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history, see 0001
type AnyDb = Kysely<any>;

/**
 * How often an indicator is reported: many are monthly, but GRDP growth or the poverty rate come
 * by quarter or by year, and a unit must not be listed as owing them every month.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('indicators')
    .addColumn('frequency', 'text', (c) => c.notNull().defaultTo('monthly'))
    .execute();
}
