import { updateVersioned } from '../audit/versioned.js';
import { writeTransaction } from '../audit/write.js';
import type { Db, ServiceContext } from '../context.js';
import { ConflictError, invalidField, NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { parseInput } from '../validation.js';
import {
  findUnitByCode,
  findUnitById,
  findUnitsByCodes,
  insertUnit,
  listPredecessorLinks,
  listSubtree,
  listUnits,
  type Unit,
} from './units.repo.js';
import {
  type MergeInput,
  mergeInputSchema,
  type UnitInput,
  type UnitUpdate,
  unitInputSchema,
  unitUpdateSchema,
} from './units.schema.js';

export function unitNotFound(code: string, field = 'unitCode'): NotFoundError {
  const message = text(`Không tìm thấy đơn vị có mã "${code}"`, `No unit with code "${code}"`);
  return new NotFoundError(message, [{ field, message }]);
}

export async function getUnit(ctx: ServiceContext, code: string, field = 'unitCode'): Promise<Unit> {
  const unit = await findUnitByCode(ctx.store.db, code);
  if (!unit) throw unitNotFound(code, field);
  return unit;
}

function duplicateCode(code: string): ConflictError {
  const message = text(`Mã đơn vị "${code}" đã tồn tại`, `Unit code "${code}" already exists`);
  return new ConflictError(message, [{ field: 'code', message }]);
}

function checkValidity(validFrom: string | null, validTo: string | null): void {
  if (validFrom && validTo && validTo <= validFrom) {
    throw invalidField(
      'validTo',
      text('Ngày hết hiệu lực phải sau ngày có hiệu lực', 'validTo must follow validFrom'),
    );
  }
}

export async function createUnit(ctx: ServiceContext, input: UnitInput): Promise<Unit> {
  const data = parseInput(unitInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    if (await findUnitByCode(trx, data.code)) throw duplicateCode(data.code);
    const parent = data.parentCode ? ((await findUnitByCode(trx, data.parentCode)) ?? null) : null;
    if (data.parentCode && !parent) throw unitNotFound(data.parentCode, 'parentCode');
    checkValidity(data.validFrom ?? null, data.validTo ?? null);
    const unit = await insertUnit(trx, {
      code: data.code,
      name: data.name,
      level: data.level,
      parent,
      validFrom: data.validFrom ?? null,
      validTo: data.validTo ?? null,
    });
    await audit({ action: 'unit.create', entity: 'unit', entityId: unit.id, after: unit });
    return unit;
  });
}

/**
 * Merges communes (or any units) into a new one. The predecessors end the day before `on` and
 * keep their figures; the new unit's "cùng kỳ" is read through the predecessor links.
 */
export async function mergeUnits(ctx: ServiceContext, input: MergeInput): Promise<Unit> {
  const data = parseInput(mergeInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    if (await findUnitByCode(trx, data.code)) throw duplicateCode(data.code);
    const parent = await findUnitByCode(trx, data.parentCode);
    if (!parent) throw unitNotFound(data.parentCode, 'parentCode');
    const predecessors = await findUnitsByCodes(trx, data.predecessorCodes);
    const missing = data.predecessorCodes.find((c) => !predecessors.some((p) => p.code === c));
    if (missing) throw unitNotFound(missing, 'predecessorCodes');
    const ended = predecessors.find((p) => p.validTo !== null && p.validTo <= data.on);
    if (ended) {
      throw invalidField(
        'predecessorCodes',
        text(
          `Đơn vị "${ended.code}" đã hết hiệu lực từ ${ended.validTo}`,
          `Unit "${ended.code}" ended on ${ended.validTo}`,
        ),
      );
    }
    const unit = await insertUnit(trx, {
      code: data.code,
      name: data.name,
      level: data.level,
      parent,
      validFrom: data.on,
      validTo: null,
    });
    for (const p of predecessors) {
      await trx
        .updateTable('units')
        .set({ valid_to: data.on, version: p.version + 1 })
        .where('id', '=', p.id)
        .execute();
      await trx.insertInto('unit_predecessors').values({ unit_id: unit.id, predecessor_id: p.id }).execute();
    }
    await audit({
      action: 'unit.merge',
      entity: 'unit',
      entityId: unit.id,
      // In the order given: the database returns rows in no promised order.
      after: { unit, predecessors: [...new Set(data.predecessorCodes)], on: data.on },
    });
    return unit;
  });
}

/**
 * A merged unit's end date is its successor's start date: moving it would leave months counted
 * twice or not at all in "cùng kỳ", so it stays as the merger set it.
 */
async function refuseIfMerged(db: Db, unit: Unit): Promise<void> {
  const successor = await db
    .selectFrom('unit_predecessors as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['u.code', 'u.valid_from'])
    .where('p.predecessor_id', '=', unit.id)
    .executeTakeFirst();
  if (!successor) return;
  throw invalidField(
    'validTo',
    text(
      `Đơn vị "${unit.code}" đã hợp nhất vào "${successor.code}" từ ${successor.valid_from}; không sửa được ngày hết hiệu lực`,
      `Unit "${unit.code}" was merged into "${successor.code}" on ${successor.valid_from}; its end date cannot change`,
    ),
  );
}

/** Renames or ends (or reopens) a unit, from the version the admin saw. */
export async function updateUnit(ctx: ServiceContext, code: string, input: UnitUpdate): Promise<Unit> {
  const data = parseInput(unitUpdateSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const unit = await findUnitByCode(trx, code);
    if (!unit) throw unitNotFound(code, 'code');
    if (data.validTo !== undefined && data.validTo !== unit.validTo) {
      checkValidity(unit.validFrom, data.validTo);
      await refuseIfMerged(trx, unit);
    }
    return updateVersioned(trx, {
      table: 'units',
      id: unit.id,
      version: data.version,
      // Kysely leaves undefined columns out, so only what the admin sent changes.
      set: { name: data.name, valid_to: data.validTo },
      load: (db) => findUnitById(db, unit.id),
      notFound: () => unitNotFound(code, 'code'),
      audit,
      action: 'unit.update',
      entity: 'unit',
    });
  });
}

export interface UnitNode extends Unit {
  predecessorIds: number[];
  children: UnitNode[];
}

/** The tree under a unit (or every root), each node with its predecessor links. */
export async function unitTree(ctx: ServiceContext, rootCode?: string): Promise<UnitNode[]> {
  const db = ctx.store.db;
  const units = rootCode ? await listSubtree(db, await getUnit(ctx, rootCode)) : await listUnits(db);
  const links = await listPredecessorLinks(
    db,
    units.map((u) => u.id),
  );
  const nodes = new Map(
    units.map((u) => [u.id, { ...u, predecessorIds: [] as number[], children: [] as UnitNode[] }]),
  );
  for (const l of links) nodes.get(l.unitId)?.predecessorIds.push(l.predecessorId);
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Whether the unit existed during any day of the month. */
export function unitValidInMonth(unit: Unit, year: number, month: number): boolean {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return (
    (unit.validFrom === null || unit.validFrom < next) && (unit.validTo === null || unit.validTo > first)
  );
}
