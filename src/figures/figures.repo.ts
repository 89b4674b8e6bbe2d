import type { Selectable } from 'kysely';
import type { Db } from '../context.js';
import type { FigureTable } from '../store/schema.js';

export interface Figure {
  id: number;
  indicatorId: number;
  unitId: number;
  year: number;
  month: number;
  cumulative: boolean;
  value: number;
  status: 'estimate' | 'official';
  source: string;
  sourceRef: string | null;
  note: string | null;
  revision: number;
  isCurrent: boolean;
  recordedBy: number | null;
  recordedAt: string;
}

export function toFigure(r: Selectable<FigureTable>): Figure {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    year: r.year,
    month: r.month,
    cumulative: r.cumulative === 1,
    value: r.value,
    status: r.status as Figure['status'],
    source: r.source,
    sourceRef: r.source_ref,
    note: r.note,
    revision: r.revision,
    isCurrent: r.is_current === 1,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

export interface FigureSlot {
  indicatorId: number;
  unitId: number;
  year: number;
  month: number;
  cumulative: boolean;
}

function slotQuery(db: Db, slot: FigureSlot) {
  return db
    .selectFrom('figures')
    .selectAll()
    .where('indicator_id', '=', slot.indicatorId)
    .where('unit_id', '=', slot.unitId)
    .where('year', '=', slot.year)
    .where('month', '=', slot.month)
    .where('cumulative', '=', slot.cumulative ? 1 : 0);
}

export async function findCurrentFigure(db: Db, slot: FigureSlot): Promise<Figure | undefined> {
  const r = await slotQuery(db, slot).where('is_current', '=', 1).executeTakeFirst();
  return r && toFigure(r);
}

/** Every revision of one slot, newest first. */
/** A revision with the name of who recorded it, as the history shows it. */
export interface Revision extends Figure {
  recordedByName: string | null;
}

export async function listRevisions(db: Db, slot: FigureSlot): Promise<Revision[]> {
  const rows = await slotQuery(db, slot).orderBy('revision', 'desc').execute();
  const ids = [...new Set(rows.flatMap((r) => (r.recorded_by === null ? [] : [r.recorded_by])))];
  const users = ids.length
    ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute()
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.display_name]));
  return rows.map((r) => ({ ...toFigure(r), recordedByName: nameOf.get(r.recorded_by ?? -1) ?? null }));
}

export interface NewRevision {
  slot: FigureSlot;
  provinceId: number | null;
  unitDepth: number;
  value: number;
  status: string;
  source: string;
  sourceRef: string | null;
  note: string | null;
  recordedBy: number | null;
  recordedAt: string;
}

/**
 * Appends a revision. The previous one only loses its "current" mark; its value stays. Returns
 * undefined when another writer superseded `previous` first.
 */
export async function appendRevision(
  db: Db,
  fig: NewRevision,
  previous?: Figure,
): Promise<Figure | undefined> {
  if (previous) {
    const done = await db
      .updateTable('figures')
      .set({ is_current: 0 })
      .where('id', '=', previous.id)
      .where('is_current', '=', 1)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return undefined;
  }
  const row = await db
    .insertInto('figures')
    .values(revisionRow(fig, (previous?.revision ?? 0) + 1))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFigure(row);
}

function revisionRow(fig: NewRevision, revision: number) {
  return {
    indicator_id: fig.slot.indicatorId,
    unit_id: fig.slot.unitId,
    province_id: fig.provinceId,
    unit_depth: fig.unitDepth,
    year: fig.slot.year,
    month: fig.slot.month,
    cumulative: fig.slot.cumulative ? 1 : 0,
    value: fig.value,
    status: fig.status,
    source: fig.source,
    source_ref: fig.sourceRef,
    note: fig.note,
    revision,
    is_current: 1,
    recorded_by: fig.recordedBy,
    recorded_at: fig.recordedAt,
  };
}

/** One key per slot, for matching rows of a batch with what is stored. */
export function slotKey(s: FigureSlot): string {
  return `${s.indicatorId}:${s.unitId}:${s.year}:${s.month}:${s.cumulative ? 1 : 0}`;
}

/**
 * The current figures of many slots in one query. It reads the cross product of the slots'
 * indicators, units and months (an import is usually one month), and keeps the asked slots.
 */
export async function findCurrentFigures(db: Db, slots: readonly FigureSlot[]): Promise<Map<string, Figure>> {
  const out = new Map<string, Figure>();
  if (slots.length === 0) return out;
  const wanted = new Set(slots.map(slotKey));
  const distinct = <T>(pick: (s: FigureSlot) => T) => [...new Set(slots.map(pick))];
  const indicators = distinct((s) => s.indicatorId);
  const units = distinct((s) => s.unitId);
  const rows = await db
    .selectFrom('figures')
    .selectAll()
    .where('indicator_id', 'in', indicators)
    .where('unit_id', 'in', units)
    .where(
      'year',
      'in',
      distinct((s) => s.year),
    )
    .where(
      'month',
      'in',
      distinct((s) => s.month),
    )
    .where('is_current', '=', 1)
    .execute();
  for (const r of rows) {
    const figure = toFigure(r);
    const key = slotKey(figure);
    if (wanted.has(key)) out.set(key, figure);
  }
  return out;
}

/** Takes the "current" mark off many revisions; returns how many still had it. */
export async function supersedeFigures(db: Db, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const done = await db
    .updateTable('figures')
    .set({ is_current: 0 })
    .where('id', 'in', ids)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  return Number(done.numUpdatedRows);
}

/** Inserts many revisions in one statement (the caller has superseded their predecessors). */
export async function insertRevisions(
  db: Db,
  revisions: readonly { fig: NewRevision; revision: number }[],
): Promise<Figure[]> {
  if (revisions.length === 0) return [];
  const rows = await db
    .insertInto('figures')
    .values(revisions.map((r) => revisionRow(r.fig, r.revision)))
    .returningAll()
    .execute();
  return rows.map(toFigure);
}

export interface PeriodFigure extends Figure {
  indicatorCode: string;
  unitCode: string;
}

interface MonthFilter {
  indicatorIds: readonly number[];
  year: number;
  month: number;
}

/** Current figures of a month, with their codes, for the units `where` picks. */
function currentOfMonth(db: Db, filter: MonthFilter) {
  return db
    .selectFrom('figures as f')
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .innerJoin('indicators as i', 'i.id', 'f.indicator_id')
    .selectAll('f')
    .select(['i.code as indicator_code', 'u.code as unit_code'])
    .where('f.is_current', '=', 1)
    .where('f.indicator_id', 'in', filter.indicatorIds)
    .where('f.year', '=', filter.year)
    .where('f.month', '=', filter.month);
}

const withCodes = (
  r: Selectable<FigureTable> & { indicator_code: string; unit_code: string },
): PeriodFigure => ({
  ...toFigure(r),
  indicatorCode: r.indicator_code,
  unitCode: r.unit_code,
});

/** Current figures of a month for a unit and its direct children: the data-entry grid. */
export async function listPeriodFigures(
  db: Db,
  filter: MonthFilter & { unitId: number },
): Promise<PeriodFigure[]> {
  if (filter.indicatorIds.length === 0) return [];
  const rows = await currentOfMonth(db, filter)
    .where((eb) => eb.or([eb('u.id', '=', filter.unitId), eb('u.parent_id', '=', filter.unitId)]))
    .orderBy('u.code')
    .orderBy('i.code')
    .execute();
  return rows.map(withCodes);
}

/** Current figures of a month for a unit and everything below it: what an export writes. */
export async function listSubtreeFigures(
  db: Db,
  filter: MonthFilter & { unitPath: string },
): Promise<PeriodFigure[]> {
  if (filter.indicatorIds.length === 0) return [];
  const rows = await currentOfMonth(db, filter)
    .where('u.path', 'like', `${filter.unitPath}%`)
    .orderBy('u.depth')
    .orderBy('u.code')
    .orderBy('i.code')
    .orderBy('f.cumulative')
    .execute();
  return rows.map(withCodes);
}
