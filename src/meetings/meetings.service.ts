import { writeTransaction } from '../audit/write.js';
import type { ServiceContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { requirePlan } from '../plans/plans.service.js';
import { findUnitByCode } from '../units/units.repo.js';
import { getUnit, unitNotFound } from '../units/units.service.js';
import type { Principal } from '../users/access.js';
import { parseInput } from '../validation.js';
import { syncConclusionItems, writeLists } from './meetings.lists.js';
import {
  findMeeting,
  listMeetingSummaries,
  type Meeting,
  type MeetingSummary,
  pageMeetingSummaries,
  periodColumns,
} from './meetings.repo.js';
import { type MeetingInput, meetingInputSchema } from './meetings.schema.js';

export function meetingNotFound(id: number, field = 'meetingId'): NotFoundError {
  const message = text(`Không tìm thấy hội nghị số ${id}`, `No meeting with id ${id}`);
  return new NotFoundError(message, [{ field, message }]);
}

/** Records a conference with its agenda, chairs, attendees, opinions and conclusion at once. */
export async function createMeeting(ctx: ServiceContext, input: MeetingInput): Promise<Meeting> {
  const data = parseInput(meetingInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const unit = await findUnitByCode(trx, data.unitCode);
    if (!unit) throw unitNotFound(data.unitCode);
    const plan = data.planCode ? await requirePlan(trx, data.planCode) : undefined;
    const { id } = await trx
      .insertInto('meetings')
      .values({
        unit_id: unit.id,
        body: data.body,
        kind: data.kind,
        session_number: data.sessionNumber ?? null,
        term: data.term ?? null,
        title: data.title,
        held_on: data.heldOn,
        place: data.place ?? null,
        plan_id: plan?.id ?? null,
        ...periodColumns(data.period ?? null),
        summary: data.summary ?? null,
        conclusion: data.conclusion ?? null,
        province_id: unit.provinceId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLists(trx, id, data.heldOn, data);
    await syncConclusionItems(trx, id, [], data.conclusionItems);
    const meeting = (await findMeeting(trx, id)) as Meeting;
    await audit({ action: 'meeting.create', entity: 'meeting', entityId: id, after: meeting });
    return meeting;
  });
}

export async function getMeeting(ctx: ServiceContext, id: number, field = 'meetingId'): Promise<Meeting> {
  const meeting = await findMeeting(ctx.store.db, id);
  if (!meeting) throw meetingNotFound(id, field);
  return meeting;
}

export async function listMeetings(
  ctx: ServiceContext,
  filter: { planCode?: string | undefined } = {},
): Promise<MeetingSummary[]> {
  const plan = filter.planCode ? await requirePlan(ctx.store.db, filter.planCode) : undefined;
  return listMeetingSummaries(ctx.store.db, plan?.id);
}

export interface MeetingFilter {
  planCode?: string | undefined;
  unitCode?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of the meetings `reader` may read, of a plan and/or of a unit's subtree. */
export async function pageMeetings(
  ctx: ServiceContext,
  reader: Principal,
  filter: MeetingFilter,
): Promise<{ items: MeetingSummary[]; total: number }> {
  const db = ctx.store.db;
  const plan = filter.planCode ? await requirePlan(db, filter.planCode, 'plan') : undefined;
  const unit = filter.unitCode ? await getUnit(ctx, filter.unitCode, 'unit') : undefined;
  return pageMeetingSummaries(db, {
    planId: plan?.id,
    unitPath: unit?.path,
    visibleTo: reader,
    limit: filter.limit,
    offset: filter.offset,
  });
}
