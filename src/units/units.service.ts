import { writeTransaction } from '../audit/write.js';
import type { ServiceContext } from '../context.js';
import { ConflictError, invalidField, NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { parseInput } from '../validation.js';
import {
  findUnitByCode,
  findUnitsByCodes,
  insertUnit,
  listPredecessorLinks,
  listSubtree,
  listUnits,
  type Unit,
} from './units.repo.js';
import { type MergeInput, mergeInputSchema, type UnitInput, unitInputSchema } from './units.schema.js';

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

export async function createUnit(ctx: ServiceContext, input: UnitInput): Promise<Unit> {
  const data = parseInput(unitInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    if (await findUnitByCode(trx, data.code)) throw duplicateCode(data.code);
    const parent = data.parentCode ? ((await findUnitByCode(trx, data.parentCode)) ?? null) : null;
    if (data.parentCode && !parent) throw unitNotFound(data.parentCode, 'parentCode');
    if (data.validFrom && data.validTo && data.validTo <= data.validFrom) {
      throw invalidField(
        'validTo',
        text('Ngày hết hiệu lực phải sau ngày có hiệu lực', 'validTo must follow validFrom'),
      );
    }
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
      after: { unit, predecessors: predecessors.map((p) => p.code), on: data.on },
    });
    return unit;
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
