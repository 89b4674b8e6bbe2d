import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history, see 0001
type AnyDb = Kysely<any>;

/**
 * Figures carry the depth of their unit in the tree, like their province key: units never move
 * (a reorganisation makes new units), so the copy cannot go stale, and the progress aggregate
 * groups by level without joining the units table for every figure. The covering index follows
 * the aggregate's grouping, so a province's figures are summed without sorting them.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('figures').addColumn('unit_depth', 'integer').execute();
  await sql`update figures set unit_depth = (select depth from units where units.id = figures.unit_id)`.execute(
    db,
  );
  await db.schema.dropIndex('figures_current_scope').execute();
  await db.schema
    .createIndex('figures_month_values')
    .on('figures')
    .columns(['province_id', 'year', 'indicator_id', 'unit_depth', 'month', 'unit_id', 'value'])
    .where(sql<boolean>`is_current = 1 and cumulative = 0`)
    .execute();
}
