import { writeTransaction } from '../audit/write.js';
import type { Db, ServiceContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { text } from '../i18n.js';
import { positionsOn } from '../people/people.repo.js';
import { ensurePerson } from '../people/people.service.js';
import { requirePlan } from '../plans/plans.service.js';
import { findUnitByCode } from '../units/units.repo.js';
import { unitNotFound } from '../units/units.service.js';
import { parseInput } from '../validation.js';
import { findMeeting, listMeetingSummaries, type Meeting, type MeetingSummary } from './meetings.repo.js';
import { type MeetingData, type MeetingInput, meetingInputSchema } from './meetings.schema.js';

export function meetingNotFound(id: number): NotFoundError {
  const message = text(`Không tìm thấy hội nghị số ${id}`, `No meeting with id ${id}`);
  return new NotFoundError(message, [{ field: 'meetingId', message }]);
}

async function unitId(db: Db, code: string, field: string): Promise<number> {
  const unit = await findUnitByCode(db, code);
  if (!unit) throw unitNotFound(code, field);
  return unit.id;
}

async function insertLists(db: Db, meetingId: number, data: MeetingData): Promise<void> {
  for (const [i, chair] of data.chairs.entries()) {
    const personId = await ensurePerson(db, chair.name);
    // The position is the one held on the day, kept with the meeting: later moves don't rewrite it.
    const title = chair.positionTitle ?? ((await positionsOn(db, personId, data.heldOn)).join(', ') || null);
    await db
      .insertInto('meeting_chairs')
      .values({ meeting_id: meetingId, person_id: personId, position_title: title, sort_order: i + 1 })
      .execute();
  }
  for (const a of data.attendees) {
    await db
      .insertInto('meeting_attendees')
      .values({
        meeting_id: meetingId,
        person_id: null,
        name: a.name,
        position_title: a.positionTitle ?? null,
        unit_id: a.unitCode ? await unitId(db, a.unitCode, 'attendees.unitCode') : null,
      })
      .execute();
  }
  const ordered = <T>(list: T[]) => list.map((item, i) => ({ item, sort_order: i + 1 }));
  const agenda = ordered(data.agenda).map(({ item, sort_order }) => ({
    meeting_id: meetingId,
    sort_order,
    title: item,
  }));
  if (agenda.length) await db.insertInto('agenda_items').values(agenda).execute();
  const opinions = ordered(data.opinions).map(({ item, sort_order }) => ({
    meeting_id: meetingId,
    sort_order,
    speaker: item.speaker ?? null,
    speaker_position: item.speakerPosition ?? null,
    text: item.text,
  }));
  if (opinions.length) await db.insertInto('opinions').values(opinions).execute();
  const items = ordered(data.conclusionItems).map(({ item, sort_order }) => ({
    meeting_id: meetingId,
    sort_order,
    text: item.text,
    is_key: item.key ? 1 : 0,
  }));
  if (items.length) await db.insertInto('conclusion_items').values(items).execute();
}

/** Records a conference with its agenda, chairs, attendees, opinions and conclusion at once. */
export async function createMeeting(ctx: ServiceContext, input: MeetingInput): Promise<Meeting> {
  const data = parseInput(meetingInputSchema, input);
  return writeTransaction(ctx, async (trx, audit) => {
    const unit = await findUnitByCode(trx, data.unitCode);
    if (!unit) throw unitNotFound(data.unitCode);
    const plan = data.planCode ? await requirePlan(trx, data.planCode) : undefined;
    const [periodYear, periodMonth] = data.period ? data.period.split('-').map(Number) : [null, null];
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
        period_year: periodYear ?? null,
        period_month: periodMonth ?? null,
        summary: data.summary ?? null,
        conclusion: data.conclusion ?? null,
        province_id: unit.provinceId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertLists(trx, id, data);
    const meeting = (await findMeeting(trx, id)) as Meeting;
    await audit({ action: 'meeting.create', entity: 'meeting', entityId: id, after: meeting });
    return meeting;
  });
}

export async function getMeeting(ctx: ServiceContext, id: number): Promise<Meeting> {
  const meeting = await findMeeting(ctx.store.db, id);
  if (!meeting) throw meetingNotFound(id);
  return meeting;
}

export async function listMeetings(
  ctx: ServiceContext,
  filter: { planCode?: string | undefined } = {},
): Promise<MeetingSummary[]> {
  const plan = filter.planCode ? await requirePlan(ctx.store.db, filter.planCode) : undefined;
  return listMeetingSummaries(ctx.store.db, plan?.id);
}
