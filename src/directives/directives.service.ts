import type { Transaction } from 'kysely';
import { updateVersioned } from '../audit/versioned.js';
import { type Audit, writeTransaction } from '../audit/write.js';
import { type ServiceContext, todayIso } from '../context.js';
import { AppError, type FieldProblem, InvalidError, invalidField } from '../errors.js';
import { text } from '../i18n.js';
import { meetingNotFound } from '../meetings/meetings.service.js';
import type { Database } from '../store/schema.js';
import type { Unit } from '../units/units.repo.js';
import { getUnit } from '../units/units.service.js';
import type { Principal } from '../users/access.js';
import { parseInput } from '../validation.js';
import {
  type Directive,
  type DirectiveDetail,
  directiveNotFound,
  loadDirective,
  present,
  unitsByCode,
  unitsOf,
  writeCoUnits,
} from './directives.present.js';
import { type DirectiveRecord, findDirective, pageDirectiveRecords } from './directives.repo.js';
import {
  type DirectiveFilter,
  type DirectiveInput,
  type DirectiveUpdateInput,
  directiveFilterSchema,
  directiveInputSchema,
  directiveUpdateInputSchema,
} from './directives.schema.js';

export type { Directive, DirectiveDetail } from './directives.present.js';

async function insertDirective(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  audit: Audit,
  input: DirectiveInput,
) {
  const data = parseInput(directiveInputSchema, input);
  const [lead] = (await unitsByCode(trx, [data.leadUnitCode], 'leadUnitCode')) as [Unit];
  const coUnits = await unitsByCode(trx, data.coUnitCodes, 'coUnitCodes');
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
  await writeCoUnits(trx, id, lead.id, coUnits);
  const record = (await findDirective(trx, id)) as DirectiveRecord;
  await audit({ action: 'directive.create', entity: 'directive', entityId: id, after: record });
  return present(record, new Map([lead, ...coUnits].map((u) => [u.id, u])), todayIso(ctx));
}

export function createDirective(ctx: ServiceContext, input: DirectiveInput): Promise<Directive> {
  return writeTransaction(ctx, (trx, audit) => insertDirective(trx, ctx, audit, input));
}

/**
 * Turns a conclusion into directives in one step: all are created, or none. Every row is
 * checked and the problems of all rows are reported together, numbered from 1.
 */
export function createDirectives(
  ctx: ServiceContext,
  inputs: readonly DirectiveInput[],
): Promise<Directive[]> {
  return writeTransaction(ctx, async (trx, audit) => {
    const out: Directive[] = [];
    const problems: FieldProblem[] = [];
    for (const [i, input] of inputs.entries()) {
      try {
        out.push(await insertDirective(trx, ctx, audit, input));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push(...error.fields.map((f) => ({ ...f, row: i + 1 })));
      }
    }
    const first = problems[0];
    if (first) {
      throw new InvalidError(
        text(
          `${problems.length} lỗi; dòng ${first.row}: ${first.message.vi}. Chưa tạo nhiệm vụ nào.`,
          `${problems.length} problems; row ${first.row}: ${first.message.en}. No directive was created.`,
        ),
        problems,
      );
    }
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
): Promise<DirectiveDetail> {
  const data = parseInput(directiveUpdateInputSchema, input);
  const today = todayIso(ctx);
  const id = data.directiveId;
  const update = { reportedOn: data.reportedOn, text: data.text, evidence: data.evidence ?? null };
  return writeTransaction(ctx, async (trx, audit) => {
    const record = () =>
      trx
        .insertInto('directive_updates')
        .values({
          directive_id: id,
          reported_on: update.reportedOn,
          text: update.text,
          evidence: update.evidence,
          recorded_by: ctx.actor.userId,
          recorded_at: ctx.now().toISOString(),
        })
        .execute();
    const load = (t: Transaction<Database>) => loadDirective(t, id, today);
    if (!data.completed) {
      const before = await load(trx);
      if (!before) throw directiveNotFound(id);
      await record();
      const after = (await load(trx)) as DirectiveDetail;
      await audit({ action: 'directive.update', entity: 'directive', entityId: id, before, after });
      return after;
    }
    if (data.version === undefined) {
      throw invalidField(
        'version',
        text(
          'Báo hoàn thành cần ghi phiên bản (version) của nhiệm vụ đang xem',
          'Completing needs the version of the directive you saw',
        ),
      );
    }
    return updateVersioned(trx, {
      table: 'directives',
      id,
      version: data.version,
      set: { completed_on: update.reportedOn },
      load,
      notFound: () => directiveNotFound(id),
      audit,
      action: 'directive.complete',
      entity: 'directive',
      writeChildren: async (before) => {
        if (before.completedOn !== null) {
          throw invalidField(
            'completed',
            text(
              `Nhiệm vụ đã hoàn thành ngày ${before.completedOn}`,
              `The directive was completed on ${before.completedOn}`,
            ),
          );
        }
        await record();
      },
    });
  });
}

export async function listDirectives(
  ctx: ServiceContext,
  filter: DirectiveFilter = {},
): Promise<Directive[]> {
  return (await pageDirectives(ctx, filter)).items;
}

export interface DirectiveWindow {
  /** Only directives whose lead unit or a co-unit this caller may read. */
  visibleTo?: Principal | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** One page of directives, filtered (status included) and counted in the database. */
export async function pageDirectives(
  ctx: ServiceContext,
  filter: DirectiveFilter,
  window: DirectiveWindow = {},
): Promise<{ items: Directive[]; total: number }> {
  const f = parseInput(directiveFilterSchema, filter);
  const db = ctx.store.db;
  const unit = f.unitCode ? await getUnit(ctx, f.unitCode) : undefined;
  const today = todayIso(ctx);
  const { records, total } = await pageDirectiveRecords(db, {
    meetingId: f.meetingId,
    status: f.status,
    unitPath: unit?.path,
    key: f.key,
    today,
    ...window,
  });
  const byId = await unitsOf(db, records);
  return { items: records.map((d) => present(d, byId, today)), total };
}

export async function getDirective(ctx: ServiceContext, id: number): Promise<DirectiveDetail> {
  const directive = await loadDirective(ctx.store.db, id, todayIso(ctx));
  if (!directive) throw directiveNotFound(id);
  return directive;
}
