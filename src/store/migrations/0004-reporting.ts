import type { Kysely } from 'kysely';
import { type DialectName, idColumn } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history, see 0001
type AnyDb = Kysely<any>;

/**
 * The reporting workflow: each plan's due day, the months locked after their review, and the
 * reminders shown in each user's inbox.
 */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const id = idColumn(dialect);

  // One row per plan that departs from the defaults (due on the 15th of the month itself).
  await db.schema
    .createTable('reporting_settings')
    .addColumn('plan_id', 'integer', (c) => c.primaryKey().references('plans.id'))
    .addColumn('due_day', 'integer', (c) => c.notNull())
    .addColumn('due_month_offset', 'integer', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('period_locks')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addUniqueConstraint('period_locks_month', ['plan_id', 'year', 'month'])
    .execute();
  // Figure writes look for locks by month: a lock on any plan using the indicator counts.
  await db.schema.createIndex('period_locks_period').on('period_locks').columns(['year', 'month']).execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    /** What the reminder is about ("report:plan:2021-09:unit", "overdue:directive"); one live per user. */
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('directive_id', 'integer', (c) => c.references('directives.id'))
    .addColumn('period', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('message_vi', 'text', (c) => c.notNull())
    .addColumn('message_en', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('reminders_user')
    .on('reminders')
    .columns(['user_id', 'subject', 'day'])
    .execute();
}
