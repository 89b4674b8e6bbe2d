import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen history, see 0001
type AnyDb = Kysely<any>;

/**
 * Month sums of the current month values, per province, year, indicator, tree depth and month:
 * what the progress of a whole province or of the country adds up, kept ready so that a report
 * reads a few thousand sums instead of hundreds of thousands of figures. Weighted rollups keep
 * Σ value × weight and Σ weight, pairing each value with the weight figure of the same unit and
 * month. The app fixes an indicator's weight when it is created; should it change all the same,
 * the indicator's groups are summed again.
 *
 * The database keeps the sums itself, with triggers, so no way of writing figures (the app,
 * an import, a bulk loader, a restore) can leave them behind. A group that loses a figure is
 * summed again from the figures, never reduced by the difference: subtracting would leave the
 * rounding of a value typed far too big and then corrected. Figures are append-only (a
 * correction is a new row; the old one only loses `is_current`), so a group is found from the
 * changed row's own keys. Figures without a province (units above the provinces) use key 0.
 */
export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('figure_month_sums')
    .addColumn('province_key', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator_id', 'integer', (c) => c.notNull())
    .addColumn('unit_depth', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    // null: no value of the group has a weight figure beside it.
    .addColumn('weighted_total', 'double precision')
    .addColumn('weight_total', 'double precision')
    .addPrimaryKeyConstraint('figure_month_sums_key', [
      'province_key',
      'year',
      'indicator_id',
      'unit_depth',
      'month',
    ])
    .execute();
  // A changed weight figure refreshes the groups of the indicators it weighs.
  await db.schema.createIndex('indicators_weight').on('indicators').column('weight_indicator_id').execute();

  if (dialect === 'sqlite') await sqliteTriggers(db);
  else await postgresTriggers(db);
  await sql.raw(`insert into figure_month_sums (${COLUMNS}) ${groupSums(dialect, 'true', null)}`).execute(db);
}

const COLUMNS =
  'province_key, year, indicator_id, unit_depth, month, total, count, weighted_total, weight_total';

/**
 * The sums of the groups `where` picks, from the figures themselves; `province` is the province
 * they lie in (a trigger row's column or a parameter), null for every province. PostgreSQL's
 * index serves `=` only, so there the figures without a province are summed in a second branch.
 */
function groupSums(dialect: DialectName, where: string, province: string | null): string {
  const select = (sameProvince: string, inProvince: string) => `
    select coalesce(f.province_id, 0), f.year, f.indicator_id, f.unit_depth, f.month,
      sum(f.value), count(*), sum(f.value * w.value), sum(w.value)
    from figures f
    join indicators i on i.id = f.indicator_id
    left join figures w on ${sameProvince} and w.year = f.year
      and w.indicator_id = i.weight_indicator_id and w.unit_depth = f.unit_depth
      and w.month = f.month and w.unit_id = f.unit_id and w.is_current = 1 and w.cumulative = 0
    where f.is_current = 1 and f.cumulative = 0 and ${inProvince} and ${where}
    group by f.province_id, f.year, f.indicator_id, f.unit_depth, f.month`;
  if (dialect === 'sqlite') {
    return select('w.province_id is f.province_id', province ? `f.province_id is ${province}` : 'true');
  }
  return `${select('w.province_id = f.province_id', province ? `f.province_id = ${province}` : 'f.province_id is not null')}
    union all ${select('w.province_id is null', `f.province_id is null${province ? ` and ${province} is null` : ''}`)}`;
}

/** Every group of an indicator whose weight changed, summed again (rare: a full read of its figures). */
const reweigh = (dialect: DialectName) => `
  delete from figure_month_sums where indicator_id = new.id;
  insert into figure_month_sums (${COLUMNS}) ${groupSums(dialect, 'f.indicator_id = new.id', null)};`;

/** The row's group and, when the row is a weight, the groups of the indicators it weighs. */
const touchedIndicators = (row: string) =>
  `(select ${row}.indicator_id union all select id from indicators where weight_indicator_id = ${row}.indicator_id)`;

/**
 * SQLite triggers run per row, so a new figure is added to its group (one upsert, with the
 * weight figure beside it read from the index) rather than its group summed again: a bulk load
 * would read each group over and over. Adding leaves no rounding a recount would not; a
 * superseded or deleted figure has its group summed again. A new weight figure has the groups
 * of the indicators it weighs summed again (weights are one indicator among many).
 */
async function sqliteTriggers(db: AnyDb): Promise<void> {
  const resum = (row: 'new' | 'old', indicators: string) => `
    delete from figure_month_sums
    where province_key = coalesce(${row}.province_id, 0) and year = ${row}.year
      and unit_depth = ${row}.unit_depth and month = ${row}.month and indicator_id in ${indicators};
    insert into figure_month_sums (${COLUMNS}) ${groupSums(
      'sqlite',
      `f.year = ${row}.year and f.unit_depth = ${row}.unit_depth and f.month = ${row}.month
        and f.indicator_id in ${indicators}`,
      `${row}.province_id`,
    )};`;
  const weighed = (row: string) =>
    `(select id from indicators where weight_indicator_id = ${row}.indicator_id)`;
  const add = `
    insert into figure_month_sums (${COLUMNS})
    select coalesce(new.province_id, 0), new.year, new.indicator_id, new.unit_depth, new.month,
      new.value, 1, new.value * w.value, w.value
    from (select 1) left join figures w on w.province_id is new.province_id and w.year = new.year
      and w.indicator_id = (select weight_indicator_id from indicators where id = new.indicator_id)
      and w.unit_depth = new.unit_depth and w.month = new.month and w.unit_id = new.unit_id
      and w.is_current = 1 and w.cumulative = 0
    where true
    on conflict (province_key, year, indicator_id, unit_depth, month) do update set
      total = total + excluded.total,
      count = count + 1,
      weighted_total = coalesce(weighted_total + excluded.weighted_total, weighted_total, excluded.weighted_total),
      weight_total = coalesce(weight_total + excluded.weight_total, weight_total, excluded.weight_total);`;
  const triggers = [
    `create trigger figure_month_sums_insert after insert on figures
      for each row when new.is_current = 1 and new.cumulative = 0
      begin ${add} end`,
    `create trigger figure_month_sums_insert_weight after insert on figures
      for each row when new.is_current = 1 and new.cumulative = 0 and exists ${weighed('new')}
      begin ${resum('new', weighed('new'))} end`,
    `create trigger figure_month_sums_update after update of is_current, value on figures
      for each row when old.cumulative = 0
      begin ${resum('old', touchedIndicators('old'))} end`,
    `create trigger figure_month_sums_delete after delete on figures
      for each row when old.is_current = 1 and old.cumulative = 0
      begin ${resum('old', touchedIndicators('old'))} end`,
    `create trigger figure_month_sums_reweigh after update of weight_indicator_id on indicators
      for each row when old.weight_indicator_id is not new.weight_indicator_id
      begin ${reweigh('sqlite')} end`,
  ];
  for (const t of triggers) await sql.raw(t).execute(db);
}

/**
 * PostgreSQL triggers run once per statement over the rows it changed (`changed`). New figures
 * are added group by group straight from `changed`, so a bulk insert reads no other figures
 * but the weights beside them; other changes have each touched group summed again by
 * `figure_month_sums_resum`, whose equalities on the index's leading columns keep it an index
 * scan whatever the statistics say during a long load.
 */
async function postgresTriggers(db: AnyDb): Promise<void> {
  await sql
    .raw(`create function figure_month_sums_resum(
      p_province integer, p_year integer, p_indicator integer, p_depth integer, p_month integer
    ) returns void language plpgsql as $$
    begin
      delete from figure_month_sums
      where province_key = coalesce(p_province, 0) and year = p_year and indicator_id = p_indicator
        and unit_depth = p_depth and month = p_month;
      insert into figure_month_sums (${COLUMNS}) ${groupSums(
        'postgres',
        'f.year = p_year and f.indicator_id = p_indicator and f.unit_depth = p_depth and f.month = p_month',
        'p_province',
      )};
    end $$`)
    .execute(db);
  // The groups of the indicators that the changed figures weigh.
  const weighed = `select distinct c.province_id, c.year, i.id, c.unit_depth, c.month
    from changed c join indicators i on i.weight_indicator_id = c.indicator_id where c.cumulative = 0`;
  const resumEach = (groups: string) => `for g in ${groups} loop
      perform figure_month_sums_resum(g.province_id, g.year, g.id, g.unit_depth, g.month);
    end loop;`;
  // Only indicators rolled up with a weight look for one (a test once per row, not a scan).
  const weightOf = (province: string) => `select w.value from figures w
    where c.weight_id is not null and ${province} and w.year = c.year and w.indicator_id = c.weight_id
      and w.unit_depth = c.unit_depth and w.month = c.month and w.unit_id = c.unit_id
      and w.is_current = 1 and w.cumulative = 0`;
  await sql
    .raw(`create function figure_month_sums_add() returns trigger language plpgsql as $$
    declare g record;
    begin
      insert into figure_month_sums (${COLUMNS})
      select coalesce(c.province_id, 0), c.year, c.indicator_id, c.unit_depth, c.month,
        sum(c.value), count(*), sum(c.value * w.value), sum(w.value)
      from (
        -- Transition tables have no statistics: a join with indicators would scan it per row.
        select n.*, (select weight_indicator_id from indicators where id = n.indicator_id) as weight_id
        from changed n where n.is_current = 1 and n.cumulative = 0
      ) c
      left join lateral (
        ${weightOf('w.province_id = c.province_id')}
        union all ${weightOf('c.province_id is null and w.province_id is null')}
      ) w on true
      group by c.province_id, c.year, c.indicator_id, c.unit_depth, c.month
      on conflict (province_key, year, indicator_id, unit_depth, month) do update set
        total = figure_month_sums.total + excluded.total,
        count = figure_month_sums.count + excluded.count,
        weighted_total = coalesce(figure_month_sums.weighted_total + excluded.weighted_total,
          figure_month_sums.weighted_total, excluded.weighted_total),
        weight_total = coalesce(figure_month_sums.weight_total + excluded.weight_total,
          figure_month_sums.weight_total, excluded.weight_total);
      ${resumEach(`${weighed} and c.is_current = 1`)}
      return null;
    end $$`)
    .execute(db);
  await sql
    .raw(`create function figure_month_sums_remove() returns trigger language plpgsql as $$
    declare g record;
    begin
      ${resumEach(`select distinct province_id, year, indicator_id as id, unit_depth, month
        from changed where cumulative = 0 union ${weighed}`)}
      return null;
    end $$`)
    .execute(db);
  await sql
    .raw(`create function figure_month_sums_reweigh() returns trigger language plpgsql as $$
    begin ${reweigh('postgres')} return null; end $$`)
    .execute(db);
  await sql
    .raw(`create trigger figure_month_sums_reweigh after update of weight_indicator_id on indicators
      for each row when (old.weight_indicator_id is distinct from new.weight_indicator_id)
      execute function figure_month_sums_reweigh()`)
    .execute(db);
  for (const [event, table, run] of [
    ['insert', 'new', 'add'],
    ['update', 'old', 'remove'],
    ['delete', 'old', 'remove'],
  ] as const) {
    await sql
      .raw(`create trigger figure_month_sums_${event} after ${event} on figures
        referencing ${table} table as changed for each statement
        execute function figure_month_sums_${run}()`)
      .execute(db);
    // Bulk loaders skip ordinary triggers with `session_replication_role = replica` (to spare
    // the foreign-key checks); these must still run.
    await sql.raw(`alter table figures enable always trigger figure_month_sums_${event}`).execute(db);
  }
}
