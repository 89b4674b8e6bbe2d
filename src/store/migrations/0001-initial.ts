import { type Kysely, sql } from 'kysely';
import { type DialectName, idColumn } from '../dialect.js';

// Kysely migrations are frozen history: they take Kysely<any> on purpose, so later schema
// changes never make an old migration fail to compile.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: DialectName): Promise<void> {
  const id = idColumn(dialect);

  await db.schema
    .createTable('units')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('province_id', 'integer', (c) => c.references('units.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();
  await db.schema.createIndex('units_path').on('units').column('path').execute();

  await db.schema
    .createTable('unit_predecessors')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('predecessor_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('unit_predecessors_pk', ['unit_id', 'predecessor_id'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', id)
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('positions_person').on('positions').column('person_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('adopted_on', 'text')
    .addColumn('default_basis', 'text', (c) => c.notNull().defaultTo('NQ'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', 'integer', id)
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('measure_unit', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('rollup', 'text', (c) => c.notNull())
    .addColumn('weight_indicator_id', 'integer', (c) => c.references('indicators.id'))
    .addColumn('allow_negative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('indicators_owner_code', ['owner_unit_id', 'code'])
    .execute();

  await db.schema
    .createTable('plan_indicators')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('baseline', 'double precision')
    .addPrimaryKeyConstraint('plan_indicators_pk', ['plan_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('targets')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('targets_key', ['plan_id', 'indicator_id', 'unit_id', 'basis', 'issuing_body'])
    .execute();

  await db.schema
    .createTable('figures')
    .addColumn('id', 'integer', id)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('province_id', 'integer')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('cumulative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('figures_revision', [
      'indicator_id',
      'unit_id',
      'year',
      'month',
      'cumulative',
      'revision',
    ])
    .execute();
  // The progress query reads only current revisions of one province (or all) and a few
  // years: this partial index covers it without touching the table.
  await db.schema
    .createIndex('figures_current_scope')
    .on('figures')
    .columns(['province_id', 'year', 'indicator_id', 'unit_id', 'month', 'cumulative', 'value'])
    .where(sql.ref('is_current'), '=', 1)
    .execute();
  // Cumulative entries ("9 tháng ước đạt") are few; progress finds them here to reconcile them.
  await db.schema
    .createIndex('figures_cumulative')
    .on('figures')
    .columns(['province_id', 'year', 'indicator_id', 'unit_id'])
    .where(sql<boolean>`is_current = 1 and cumulative = 1`)
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session_number', 'integer')
    .addColumn('term', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('period_year', 'integer')
    .addColumn('period_month', 'integer')
    .addColumn('summary', 'text')
    .addColumn('conclusion', 'text')
    .addColumn('province_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('meetings_unit').on('meetings').columns(['unit_id', 'held_on']).execute();

  await db.schema
    .createTable('meeting_chairs')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('position_title', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_chairs_pk', ['meeting_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('id', 'integer', id)
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position_title', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .execute();

  await db.schema
    .createIndex('meeting_attendees_meeting')
    .on('meeting_attendees')
    .column('meeting_id')
    .execute();

  // Agenda, opinions and conclusion items are ordered lists hanging off a meeting.
  const meetingList = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'integer', id)
      .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('sort_order', 'integer', (c) => c.notNull());
  await meetingList('agenda_items')
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await meetingList('opinions')
    .addColumn('speaker', 'text')
    .addColumn('speaker_position', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await meetingList('conclusion_items')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const table of ['agenda_items', 'opinions', 'conclusion_items']) {
    await db.schema.createIndex(`${table}_meeting`).on(table).column('meeting_id').execute();
  }

  await db.schema
    .createTable('directives')
    .addColumn('id', 'integer', id)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'integer', (c) => c.references('meetings.id'))
    .addColumn('conclusion_item_id', 'integer', (c) => c.references('conclusion_items.id'))
    .addColumn('source_document', 'text')
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('province_id', 'integer')
    .addColumn('deadline', 'text')
    .addColumn('completed_on', 'text')
    .addColumn('is_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('directives_meeting').on('directives').column('meeting_id').execute();
  await db.schema
    .createIndex('directives_lead')
    .on('directives')
    .columns(['lead_unit_id', 'deadline'])
    .execute();

  await db.schema
    .createTable('directive_co_units')
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directives.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('directive_co_units_pk', ['directive_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('directive_updates')
    .addColumn('id', 'integer', id)
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directives.id').onDelete('cascade'))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directive_updates_directive')
    .on('directive_updates')
    .column('directive_id')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
