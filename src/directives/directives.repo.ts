import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../context.js';
import type { DirectiveStatus } from '../core/directive-status.js';
import { readablePath } from '../meetings/readable.js';
import type { Database, DirectiveTable } from '../store/schema.js';
import type { Principal } from '../users/access.js';

export interface DirectiveRecord {
  id: number;
  title: string;
  meetingId: number | null;
  conclusionItemId: number | null;
  sourceDocument: string | null;
  leadUnitId: number;
  coUnitIds: number[];
  deadline: string | null;
  completedOn: string | null;
  key: boolean;
  createdAt: string;
  version: number;
}

export interface DirectiveUpdate {
  id: number;
  reportedOn: string;
  text: string;
  evidence: string | null;
  recordedBy: number | null;
  recordedAt: string;
}

export function toDirective(r: Selectable<DirectiveTable>, coUnitIds: number[]): DirectiveRecord {
  return {
    id: r.id,
    title: r.title,
    meetingId: r.meeting_id,
    conclusionItemId: r.conclusion_item_id,
    sourceDocument: r.source_document,
    leadUnitId: r.lead_unit_id,
    coUnitIds,
    deadline: r.deadline,
    completedOn: r.completed_on,
    key: r.is_key === 1,
    createdAt: r.created_at,
    version: r.version,
  };
}

export interface DirectiveQuery {
  meetingId?: number | undefined;
  status?: DirectiveStatus | undefined;
  /** Directives led by, or shared with, a unit of this subtree. */
  unitPath?: string | undefined;
  key?: boolean | undefined;
  /** Only directives whose lead unit or a co-unit this caller may read. */
  visibleTo?: Principal | undefined;
  today: string;
  limit?: number | undefined;
  offset?: number | undefined;
}

type Eb = ExpressionBuilder<Database & { d: DirectiveTable }, 'd'>;

/**
 * The status rule of src/core, spelled in SQL so a filter by status pages in the database. A
 * completion dated after `today` does not count yet, as in the rule.
 */
function statusFilter(status: DirectiveStatus, today: string) {
  return (eb: Eb) => {
    const open = eb.or([eb('d.completed_on', 'is', null), eb('d.completed_on', '>', today)]);
    const done = eb('d.completed_on', '<=', today);
    switch (status) {
      case 'ongoing':
        return eb.and([open, eb('d.deadline', 'is', null)]);
      case 'in_progress_on_time':
        return eb.and([open, eb('d.deadline', '>=', today)]);
      case 'in_progress_overdue':
        return eb.and([open, eb('d.deadline', '<', today)]);
      case 'done_on_time':
        return eb.and([
          done,
          eb.or([eb('d.deadline', 'is', null), eb('d.completed_on', '<=', eb.ref('d.deadline'))]),
        ]);
      case 'done_late':
        return eb.and([done, eb('d.completed_on', '>', eb.ref('d.deadline'))]);
    }
  };
}

/** The directive's lead unit or one of its co-units meets `test` (a condition on `u.path`). */
function someUnit(eb: Eb, test: (path: 'lu.path' | 'cu.path') => Expression<SqlBool>) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('units as lu')
        .select('lu.id')
        .whereRef('lu.id', '=', 'd.lead_unit_id')
        .where(test('lu.path')),
    ),
    eb.exists(
      eb
        .selectFrom('directive_co_units as c')
        .innerJoin('units as cu', 'cu.id', 'c.unit_id')
        .select('c.unit_id')
        .whereRef('c.directive_id', '=', 'd.id')
        .where(test('cu.path')),
    ),
  ]);
}

/** Deadline order, standing tasks (no deadline) last on both engines; the page and total in SQL. */
export async function pageDirectiveRecords(
  db: Db,
  q: DirectiveQuery,
): Promise<{ records: DirectiveRecord[]; total: number }> {
  let sel = db.selectFrom('directives as d');
  if (q.meetingId !== undefined) sel = sel.where('d.meeting_id', '=', q.meetingId);
  if (q.key !== undefined) sel = sel.where('d.is_key', '=', q.key ? 1 : 0);
  if (q.status) sel = sel.where(statusFilter(q.status, q.today));
  const { unitPath, visibleTo } = q;
  if (unitPath)
    sel = sel.where((eb) => someUnit(eb, (path) => sql<SqlBool>`${sql.ref(path)} like ${`${unitPath}%`}`));
  if (visibleTo) sel = sel.where((eb) => someUnit(eb, (path) => readablePath(path, visibleTo)));
  let items = sel
    .selectAll('d')
    .orderBy(sql`case when d.deadline is null then 1 else 0 end`)
    .orderBy('d.deadline')
    .orderBy('d.id');
  if (q.limit !== undefined) items = items.limit(q.limit).offset(q.offset ?? 0);
  const [rows, count] = await Promise.all([
    items.execute(),
    sel.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { records: await attachCoUnits(db, rows), total: Number(count.n) };
}

export async function queryDirectives(db: Db, q: DirectiveQuery): Promise<DirectiveRecord[]> {
  return (await pageDirectiveRecords(db, q)).records;
}

async function attachCoUnits(db: Db, rows: Selectable<DirectiveTable>[]): Promise<DirectiveRecord[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('directive_co_units')
    .select(['directive_id', 'unit_id'])
    .where(
      'directive_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) =>
    toDirective(
      r,
      links.filter((l) => l.directive_id === r.id).map((l) => l.unit_id),
    ),
  );
}

export async function findDirective(db: Db, id: number): Promise<DirectiveRecord | undefined> {
  const row = await db.selectFrom('directives').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [d] = await attachCoUnits(db, [row]);
  return d;
}

export async function listUpdates(db: Db, directiveId: number): Promise<DirectiveUpdate[]> {
  const rows = await db
    .selectFrom('directive_updates')
    .selectAll()
    .where('directive_id', '=', directiveId)
    .orderBy('reported_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportedOn: r.reported_on,
    text: r.text,
    evidence: r.evidence,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}
