import type { Selectable } from 'kysely';
import type { Db } from '../context.js';
import type { MeetingTable } from '../store/schema.js';

export interface MeetingSummary {
  id: number;
  unitId: number;
  body: string;
  kind: string;
  sessionNumber: number | null;
  term: string | null;
  title: string;
  heldOn: string;
  place: string | null;
  planId: number | null;
  period: string | null;
  summary: string | null;
  conclusion: string | null;
  version: number;
}

export interface Meeting extends MeetingSummary {
  chairs: { personId: number; name: string; positionTitle: string | null }[];
  attendees: { name: string; positionTitle: string | null; unitId: number | null }[];
  agenda: string[];
  opinions: { speaker: string | null; speakerPosition: string | null; text: string }[];
  conclusionItems: { id: number; text: string; key: boolean }[];
}

export function toMeetingSummary(r: Selectable<MeetingTable>): MeetingSummary {
  return {
    id: r.id,
    unitId: r.unit_id,
    body: r.body,
    kind: r.kind,
    sessionNumber: r.session_number,
    term: r.term,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    planId: r.plan_id,
    period:
      r.period_year !== null && r.period_month !== null
        ? `${r.period_year}-${String(r.period_month).padStart(2, '0')}`
        : null,
    summary: r.summary,
    conclusion: r.conclusion,
    version: r.version,
  };
}

export async function listMeetingSummaries(db: Db, planId?: number): Promise<MeetingSummary[]> {
  let q = db.selectFrom('meetings').selectAll();
  if (planId !== undefined) q = q.where('plan_id', '=', planId);
  const rows = await q.orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toMeetingSummary);
}

/** A meeting with its lists: five small queries by meeting id, whatever the list sizes. */
export async function findMeeting(db: Db, id: number): Promise<Meeting | undefined> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [chairs, attendees, agenda, opinions, items] = await Promise.all([
    db
      .selectFrom('meeting_chairs as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .select(['c.person_id', 'p.full_name', 'c.position_title'])
      .where('c.meeting_id', '=', id)
      .orderBy('c.sort_order')
      .execute(),
    db.selectFrom('meeting_attendees').selectAll().where('meeting_id', '=', id).orderBy('id').execute(),
    db.selectFrom('agenda_items').selectAll().where('meeting_id', '=', id).orderBy('sort_order').execute(),
    db.selectFrom('opinions').selectAll().where('meeting_id', '=', id).orderBy('sort_order').execute(),
    db
      .selectFrom('conclusion_items')
      .selectAll()
      .where('meeting_id', '=', id)
      .orderBy('sort_order')
      .execute(),
  ]);
  return {
    ...toMeetingSummary(row),
    chairs: chairs.map((c) => ({
      personId: c.person_id,
      name: c.full_name,
      positionTitle: c.position_title,
    })),
    attendees: attendees.map((a) => ({ name: a.name, positionTitle: a.position_title, unitId: a.unit_id })),
    agenda: agenda.map((a) => a.title),
    opinions: opinions.map((o) => ({
      speaker: o.speaker,
      speakerPosition: o.speaker_position,
      text: o.text,
    })),
    conclusionItems: items.map((i) => ({ id: i.id, text: i.text, key: i.is_key === 1 })),
  };
}
