import type { Selectable } from 'kysely';
import type { Db } from '../context.js';
import type { UnitTable } from '../store/schema.js';

export interface Unit {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  provinceId: number | null;
  path: string;
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  version: number;
}

export function toUnit(r: Selectable<UnitTable>): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    provinceId: r.province_id,
    path: r.path,
    depth: r.depth,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    version: r.version,
  };
}

export async function findUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
  const r = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
  return r && toUnit(r);
}

export async function findUnitsByCodes(db: Db, codes: readonly string[]): Promise<Unit[]> {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('units').selectAll().where('code', 'in', codes).execute();
  return rows.map(toUnit);
}

export async function findUnitsByIds(db: Db, ids: readonly number[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(toUnit);
}

export async function findUnitById(db: Db, id: number): Promise<Unit | undefined> {
  const r = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toUnit(r);
}

/** The unit and everything below it, at any depth, in tree order. */
export async function listSubtree(db: Db, root: Unit): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units')
    .selectAll()
    .where('path', 'like', `${root.path}%`)
    .orderBy('depth')
    .orderBy('code')
    .execute();
  return rows.map(toUnit);
}

export async function listUnits(db: Db): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().orderBy('depth').orderBy('code').execute();
  return rows.map(toUnit);
}

export async function listPredecessorLinks(
  db: Db,
  unitIds?: readonly number[],
): Promise<{ unitId: number; predecessorId: number }[]> {
  let q = db.selectFrom('unit_predecessors').select(['unit_id', 'predecessor_id']);
  if (unitIds) {
    if (unitIds.length === 0) return [];
    q = q.where('unit_id', 'in', unitIds);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ unitId: r.unit_id, predecessorId: r.predecessor_id }));
}

export interface NewUnit {
  code: string;
  name: string;
  level: string;
  parent: Unit | null;
  validFrom: string | null;
  validTo: string | null;
}

/** Inserts and then fills the path, which needs the new id. */
export async function insertUnit(db: Db, u: NewUnit): Promise<Unit> {
  const { id } = await db
    .insertInto('units')
    .values({
      code: u.code,
      name: u.name,
      level: u.level,
      parent_id: u.parent?.id ?? null,
      province_id: u.parent?.provinceId ?? null,
      path: '/',
      depth: u.parent ? u.parent.depth + 1 : 0,
      valid_from: u.validFrom,
      valid_to: u.validTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${u.parent?.path ?? '/'}${id}/`;
  const provinceId = u.level === 'tinh' ? id : (u.parent?.provinceId ?? null);
  const row = await db
    .updateTable('units')
    .set({ path, province_id: provinceId })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUnit(row);
}
