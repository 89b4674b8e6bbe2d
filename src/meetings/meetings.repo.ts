import type { Selectable } from 'kysely';
import type { Db } from '../context.js';
import type { MeetingTable } from '../store/schema.js';
import type { Principal } from '../users/access.js';
import { readablePath } from './readable.js';

export interface MeetingSummary {
  id: number;
  unitId: number;
  unit: { code: string; name: string };
  body: string;
  kind: string;
  sessionNumber: number | null;
  term: string | null;
  title: string;
  heldOn: string;
  place: string | null;
  planId: number | null;
  planCode: string | null;
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

type MeetingRow = Selectable<MeetingTable> & {
  unit_code: string;
  unit_name: string;
  plan_code: string | null;
};

export function toMeetingSummary(r: MeetingRow): MeetingSummary {
  return {
    id: r.id,
    unitId: r.unit_id,
    unit: { code: r.unit_code, name: r.unit_name },
    body: r.body,
    kind: r.kind,
    sessionNumber: r.session_number,
    term: r.term,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    planId: r.plan_id,
    planCode: r.plan_code,
    period:
      r.period_year !== null && r.period_month !== null
        ? `${r.period_year}-${String(r.period_month).padStart(2, '0')}`
        : null,
    summary: r.summary,
    conclusion: r.conclusion,
    version: r.version,
  };
}

/** The period under review as stored: year and month columns, both null when none is given. */
export function periodColumns(period: string | null): {
  period_year: number | null;
  period_month: number | null;
} {
  if (period === null) return { period_year: null, period_month: null };
  const [year, month] = period.split('-').map(Number);
  return { period_year: year ?? null, period_month: month ?? null };
}

/** Meetings with the codes people know them by: the organising unit's and the plan's. */
function meetings(db: Db) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .leftJoin('plans as p', 'p.id', 'm.plan_id');
}

const named = ['u.code as unit_code', 'u.name as unit_name', 'p.code as plan_code'] as const;

export async function listMeetingSummaries(db: Db, planId?: number): Promise<MeetingSummary[]> {
  return (await pageMeetingSummaries(db, { planId })).items;
}

export interface MeetingQuery {
  planId?: number | undefined;
  /** Meetings organised by a unit of this subtree. */
  unitPath?: string | undefined;
  /** Only meetings of units this caller may read. */
  visibleTo?: Principal | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** Newest first; the page and the total come from the database. */
export async function pageMeetingSummaries(
  db: Db,
  q: MeetingQuery,
): Promise<{ items: MeetingSummary[]; total: number }> {
  let sel = meetings(db);
  if (q.planId !== undefined) sel = sel.where('m.plan_id', '=', q.planId);
  if (q.unitPath) sel = sel.where('u.path', 'like', `${q.unitPath}%`);
  if (q.visibleTo) sel = sel.where(readablePath('u.path', q.visibleTo));
  let items = sel.selectAll('m').select(named).orderBy('m.held_on', 'desc').orderBy('m.id', 'desc');
  if (q.limit !== undefined) items = items.limit(q.limit).offset(q.offset ?? 0);
  const [rows, count] = await Promise.all([
    items.execute(),
    sel.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toMeetingSummary), total: Number(count.n) };
}

/** A meeting with its lists: five small queries by meeting id, whatever the list sizes. */
export async function findMeeting(db: Db, id: number): Promise<Meeting | undefined> {
  const row = await meetings(db).selectAll('m').select(named).where('m.id', '=', id).executeTakeFirst();
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
