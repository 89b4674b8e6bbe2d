import type { Db } from '../context.js';
import { InvalidError, invalidField } from '../errors.js';
import { text } from '../i18n.js';
import { positionsOn } from '../people/people.repo.js';
import { ensurePerson } from '../people/people.service.js';
import { findUnitsByCodes } from '../units/units.repo.js';
import { unitNotFound } from '../units/units.service.js';
import type { ConclusionItemData, MeetingLists } from './meetings.schema.js';

const numbered = <T>(rows: readonly T[]) => rows.map((row, i) => ({ row, sort_order: i + 1 }));

async function writeChairs(db: Db, meetingId: number, heldOn: string, chairs: MeetingLists['chairs']) {
  const names = chairs.map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) {
    throw invalidField('chairs', text(`"${twice}" được ghi hai lần`, `"${twice}" is listed twice`));
  }
  await db.deleteFrom('meeting_chairs').where('meeting_id', '=', meetingId).execute();
  for (const { row, sort_order } of numbered(chairs)) {
    const personId = await ensurePerson(db, row.name);
    // The position is the one held on the day, kept with the meeting: later moves don't rewrite it.
    const title = row.positionTitle ?? ((await positionsOn(db, personId, heldOn)).join(', ') || null);
    await db
      .insertInto('meeting_chairs')
      .values({ meeting_id: meetingId, person_id: personId, position_title: title, sort_order })
      .execute();
  }
}

async function writeAttendees(db: Db, meetingId: number, attendees: MeetingLists['attendees']) {
  const codes = [...new Set(attendees.flatMap((a) => (a.unitCode ? [a.unitCode] : [])))];
  const units = new Map((await findUnitsByCodes(db, codes)).map((u) => [u.code, u.id]));
  const missing = codes.find((c) => !units.has(c));
  if (missing) throw unitNotFound(missing, 'attendees.unitCode');
  await db.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
  if (attendees.length === 0) return;
  await db
    .insertInto('meeting_attendees')
    .values(
      attendees.map((a) => ({
        meeting_id: meetingId,
        person_id: null,
        name: a.name,
        position_title: a.positionTitle ?? null,
        unit_id: a.unitCode ? (units.get(a.unitCode) ?? null) : null,
      })),
    )
    .execute();
}

/** Replaces the lists given; a new meeting is given all of them. */
export async function writeLists(
  db: Db,
  meetingId: number,
  heldOn: string,
  lists: Partial<MeetingLists>,
): Promise<void> {
  if (lists.chairs) await writeChairs(db, meetingId, heldOn, lists.chairs);
  if (lists.attendees) await writeAttendees(db, meetingId, lists.attendees);
  if (lists.agenda) {
    await db.deleteFrom('agenda_items').where('meeting_id', '=', meetingId).execute();
    const rows = numbered(lists.agenda).map(({ row, sort_order }) => ({
      meeting_id: meetingId,
      sort_order,
      title: row,
    }));
    if (rows.length) await db.insertInto('agenda_items').values(rows).execute();
  }
  if (lists.opinions) {
    await db.deleteFrom('opinions').where('meeting_id', '=', meetingId).execute();
    const rows = numbered(lists.opinions).map(({ row, sort_order }) => ({
      meeting_id: meetingId,
      sort_order,
      speaker: row.speaker ?? null,
      speaker_position: row.speakerPosition ?? null,
      text: row.text,
    }));
    if (rows.length) await db.insertInto('opinions').values(rows).execute();
  }
}

function checkIds(existing: ReadonlySet<number>, items: ConclusionItemData): void {
  const seen = new Set<number>();
  for (const [i, item] of items.entries()) {
    if (item.id === undefined) continue;
    if (!existing.has(item.id) || seen.has(item.id)) {
      throw invalidField(
        `conclusionItems.${i}.id`,
        text(
          `Mục kết luận số ${item.id} không thuộc hội nghị này hoặc được ghi hai lần`,
          `Conclusion item ${item.id} is not from this meeting, or is listed twice`,
        ),
      );
    }
    seen.add(item.id);
  }
}

/**
 * Brings the meeting's conclusion items to `items`: an item with an id is kept (its text, flag
 * and place updated), one without is added, the others are removed. An item a directive was
 * made from cannot be removed: the directive would lose the conclusion it carries out.
 */
export async function syncConclusionItems(
  db: Db,
  meetingId: number,
  existing: readonly { id: number; text: string }[],
  items: ConclusionItemData,
): Promise<void> {
  checkIds(new Set(existing.map((e) => e.id)), items);
  const kept = new Set(items.flatMap((i) => (i.id === undefined ? [] : [i.id])));
  const removed = existing.filter((e) => !kept.has(e.id));
  if (removed.length) {
    const linked = await db
      .selectFrom('directives')
      .select(['id', 'conclusion_item_id'])
      .where(
        'conclusion_item_id',
        'in',
        removed.map((r) => r.id),
      )
      .orderBy('id')
      .execute();
    const first = linked[0];
    if (first) {
      const item = removed.find((r) => r.id === first.conclusion_item_id);
      const message = text(
        `Không thể bỏ mục kết luận "${item?.text}": đã giao thành nhiệm vụ số ${first.id}. Hãy giữ mục này; nội dung của mục vẫn sửa được.`,
        `Cannot remove conclusion item "${item?.text}": directive ${first.id} was made from it. Keep the item; its text may still be edited.`,
      );
      throw new InvalidError(message, [{ field: 'conclusionItems', message }]);
    }
    await db
      .deleteFrom('conclusion_items')
      .where(
        'id',
        'in',
        removed.map((r) => r.id),
      )
      .execute();
  }
  for (const { row, sort_order } of numbered(items)) {
    const values = { text: row.text, is_key: row.key ? 1 : 0, sort_order };
    if (row.id === undefined) {
      await db
        .insertInto('conclusion_items')
        .values({ ...values, meeting_id: meetingId })
        .execute();
    } else {
      await db.updateTable('conclusion_items').set(values).where('id', '=', row.id).execute();
    }
  }
}
