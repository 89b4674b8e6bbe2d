import type { Transaction } from 'kysely';
import { type Audit, writeTransaction } from '../audit/write.js';
import { type Db, type ServiceContext, todayIso } from '../context.js';
import { type DirectiveStatus, directiveStatus } from '../core/directive-status.js';
import { ConflictError, invalidField, NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { meetingNotFound } from '../meetings/meetings.service.js';
import type { Database } from '../store/schema.js';
import { findUnitsByCodes, findUnitsByIds, type Unit } from '../units/units.repo.js';
import { getUnit, unitNotFound } from '../units/units.service.js';
import { parseInput } from '../validation.js';
import {
  type DirectiveRecord,
  type DirectiveUpdate,
  findDirective,
  listUpdates,
  queryDirectives,
} from './directives.repo.js';
import {
  type DirectiveFilter,
  type DirectiveInput,
  type DirectiveUpdateInput,
  directiveFilterSchema,
  directiveInputSchema,
  directiveUpdateInputSchema,
} from './directives.schema.js';

/** A directive as people read it: units by code and name, and the status as of today. */
export interface Directive extends DirectiveRecord {
  status: DirectiveStatus;
  leadUnit: { code: string; name: string };
  coUnits: { code: string; name: string }[];
}

function directiveNotFound(id: number): NotFoundError {
  const message = text(`Không tìm thấy nhiệm vụ số ${id}`, `No directive with id ${id}`);
  return new NotFoundError(message, [{ field: 'directiveId', message }]);
}

async function unitsOf(db: Db, records: readonly DirectiveRecord[]): Promise<Map<number, Unit>> {
  const units = await findUnitsByIds(
    db,
    records.flatMap((d) => [d.leadUnitId, ...d.coUnitIds]),
  );
  return new Map(units.map((u) => [u.id, u]));
}

function present(d: DirectiveRecord, units: ReadonlyMap<number, Unit>, today: string): Directive {
  const named = (id: number) => {
    const u = units.get(id);
    return { code: u?.code ?? String(id), name: u?.name ?? '' };
  };
  return {
    ...d,
    status: directiveStatus(d, today),
    leadUnit: named(d.leadUnitId),
    coUnits: d.coUnitIds.map(named),
  };
}

async function insertDirective(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  audit: Audit,
  input: DirectiveInput,
) {
  const data = parseInput(directiveInputSchema, input);
  const codes = [data.leadUnitCode, ...data.coUnitCodes];
  const units = await findUnitsByCodes(trx, codes);
  const missing = codes.find((c) => !units.some((u) => u.code === c));
  if (missing) throw unitNotFound(missing, missing === data.leadUnitCode ? 'leadUnitCode' : 'coUnitCodes');
  const lead = units.find((u) => u.code === data.leadUnitCode) as Unit;
  if (data.meetingId !== undefined) {
    const meeting = await trx
      .selectFrom('meetings')
      .select('id')
      .where('id', '=', data.meetingId)
      .executeTakeFirst();
    if (!meeting) throw meetingNotFound(data.meetingId);
  }
  if (data.conclusionItemId !== undefined) {
    const item = await trx
      .selectFrom('conclusion_items')
      .select('meeting_id')
      .where('id', '=', data.conclusionItemId)
      .executeTakeFirst();
    if (!item || (data.meetingId !== undefined && item.meeting_id !== data.meetingId)) {
      throw invalidField(
        'conclusionItemId',
        text('Mục kết luận không thuộc hội nghị đã chọn', 'The conclusion item is not from that meeting'),
      );
    }
  }
  const { id } = await trx
    .insertInto('directives')
    .values({
      title: data.title,
      meeting_id: data.meetingId ?? null,
      conclusion_item_id: data.conclusionItemId ?? null,
      source_document: data.sourceDocument ?? null,
      lead_unit_id: lead.id,
      province_id: lead.provinceId,
      deadline: data.deadline ?? null,
      completed_on: null,
      is_key: data.key ? 1 : 0,
      created_at: ctx.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const coUnits = units.filter((u) => u.id !== lead.id);
  if (coUnits.length) {
    await trx
      .insertInto('directive_co_units')
      .values(coUnits.map((u) => ({ directive_id: id, unit_id: u.id })))
      .execute();
  }
  const record = (await findDirective(trx, id)) as DirectiveRecord;
  await audit({ action: 'directive.create', entity: 'directive', entityId: id, after: record });
  return present(record, new Map(units.map((u) => [u.id, u])), todayIso(ctx));
}

export function createDirective(ctx: ServiceContext, input: DirectiveInput): Promise<Directive> {
  return writeTransaction(ctx, (trx, audit) => insertDirective(trx, ctx, audit, input));
}

/** Turns a conclusion into directives in one step: all are created, or none. */
export function createDirectives(
  ctx: ServiceContext,
  inputs: readonly DirectiveInput[],
): Promise<Directive[]> {
  return writeTransaction(ctx, async (trx, audit) => {
    const out: Directive[] = [];
    for (const input of inputs) out.push(await insertDirective(trx, ctx, audit, input));
    return out;
  });
}

/**
 * Records progress on a directive, and its completion when `completed` is set. Completing
 * needs the version the reporter saw, so two people cannot close it with different dates.
 */
export async function addDirectiveUpdate(
  ctx: ServiceContext,
  input: DirectiveUpdateInput,
): Promise<Directive> {
  const data = parseInput(directiveUpdateInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const before = await findDirective(trx, data.directiveId);
    if (!before) throw directiveNotFound(data.directiveId);
    await trx
      .insertInto('directive_updates')
      .values({
        directive_id: before.id,
        reported_on: data.reportedOn,
        text: data.text,
        evidence: data.evidence ?? null,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now().toISOString(),
      })
      .execute();
    if (data.completed) {
      const stale = () =>
        new ConflictError(
          text(
            'Nhiệm vụ đã được người khác cập nhật; hãy tải lại',
            'The directive changed meanwhile; reload it',
          ),
          [{ field: 'version', message: text('phiên bản cũ', 'stale version') }],
          before,
        );
      if (before.completedOn !== null || data.version !== before.version) throw stale();
      const done = await trx
        .updateTable('directives')
        .set({ completed_on: data.reportedOn, version: before.version + 1 })
        .where('id', '=', before.id)
        .where('version', '=', before.version)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw stale();
    }
    const after = (await findDirective(trx, before.id)) as DirectiveRecord;
    await audit({
      action: data.completed ? 'directive.complete' : 'directive.update',
      entity: 'directive',
      entityId: before.id,
      before,
      after: {
        ...after,
        update: { reportedOn: data.reportedOn, text: data.text, evidence: data.evidence ?? null },
      },
    });
    return present(after, await unitsOf(trx, [after]), todayIso(ctx));
  });
}

export async function listDirectives(
  ctx: ServiceContext,
  filter: DirectiveFilter = {},
): Promise<Directive[]> {
  const f = parseInput(directiveFilterSchema, filter);
  const db = ctx.store.db;
  const unit = f.unitCode ? await getUnit(ctx, f.unitCode) : undefined;
  const today = todayIso(ctx);
  const records = await queryDirectives(db, {
    meetingId: f.meetingId,
    status: f.status,
    unitPath: unit?.path,
    key: f.key,
    today,
  });
  const byId = await unitsOf(db, records);
  return records.map((d) => present(d, byId, today));
}

export async function getDirective(
  ctx: ServiceContext,
  id: number,
): Promise<Directive & { updates: DirectiveUpdate[] }> {
  const db = ctx.store.db;
  const record = await findDirective(db, id);
  if (!record) throw directiveNotFound(id);
  const [updates, units] = await Promise.all([listUpdates(db, id), unitsOf(db, [record])]);
  return { ...present(record, units, todayIso(ctx)), updates };
}
