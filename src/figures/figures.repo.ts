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
export async function listRevisions(db: Db, slot: FigureSlot): Promise<Figure[]> {
  const rows = await slotQuery(db, slot).orderBy('revision', 'desc').execute();
  return rows.map(toFigure);
}

export interface NewRevision {
  slot: FigureSlot;
  provinceId: number | null;
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
    .values({
      indicator_id: fig.slot.indicatorId,
      unit_id: fig.slot.unitId,
      province_id: fig.provinceId,
      year: fig.slot.year,
      month: fig.slot.month,
      cumulative: fig.slot.cumulative ? 1 : 0,
      value: fig.value,
      status: fig.status,
      source: fig.source,
      source_ref: fig.sourceRef,
      note: fig.note,
      revision: (previous?.revision ?? 0) + 1,
      is_current: 1,
      recorded_by: fig.recordedBy,
      recorded_at: fig.recordedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toFigure(row);
}

export interface FigureListFilter {
  indicatorIds: readonly number[];
  unitIds?: readonly number[] | undefined;
  year: number;
  month?: number | undefined;
}

export async function listCurrentFigures(db: Db, filter: FigureListFilter): Promise<Figure[]> {
  if (filter.indicatorIds.length === 0) return [];
  let q = db
    .selectFrom('figures')
    .selectAll()
    .where('is_current', '=', 1)
    .where('indicator_id', 'in', filter.indicatorIds)
    .where('year', '=', filter.year);
  if (filter.unitIds) q = q.where('unit_id', 'in', filter.unitIds);
  if (filter.month !== undefined) q = q.where('month', '=', filter.month);
  const rows = await q.orderBy('indicator_id').orderBy('unit_id').orderBy('month').execute();
  return rows.map(toFigure);
}
