import type { Transaction } from 'kysely';
import { updateVersioned } from '../audit/versioned.js';
import { writeTransaction } from '../audit/write.js';
import type { ServiceContext } from '../context.js';
import { requirePlan } from '../plans/plans.service.js';
import type { Database } from '../store/schema.js';
import { parseInput } from '../validation.js';
import { syncConclusionItems, writeLists } from './meetings.lists.js';
import { findMeeting, type Meeting, periodColumns } from './meetings.repo.js';
import { type MeetingPatch, type MeetingPatchData, meetingPatchSchema } from './meetings.schema.js';
import { meetingNotFound } from './meetings.service.js';

/** Patch fields stored as they are; required ones cannot be null (the schema says so). */
const COLUMNS = {
  body: 'body',
  kind: 'kind',
  title: 'title',
  heldOn: 'held_on',
  sessionNumber: 'session_number',
  term: 'term',
  place: 'place',
  summary: 'summary',
  conclusion: 'conclusion',
} as const;

/** The meeting's own columns an edit sets: those given, `null` clearing. */
async function columns(trx: Transaction<Database>, d: MeetingPatchData): Promise<Record<string, unknown>> {
  const set: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = d[key as keyof typeof COLUMNS];
    if (value !== undefined) set[column] = value;
  }
  if (d.planCode !== undefined) {
    set.plan_id = d.planCode === null ? null : (await requirePlan(trx, d.planCode)).id;
  }
  if (d.period !== undefined) Object.assign(set, periodColumns(d.period));
  return set;
}

/**
 * Edits a meeting the editor saw at `version`. Lists given replace the stored ones; chairs given
 * get the positions they held on the (possibly new) meeting date.
 */
export async function updateMeeting(ctx: ServiceContext, id: number, input: MeetingPatch): Promise<Meeting> {
  const data = parseInput(meetingPatchSchema, input);
  return writeTransaction(ctx, async (trx, audit) =>
    updateVersioned(trx, {
      table: 'meetings',
      id,
      version: data.version,
      set: await columns(trx, data),
      load: (t) => findMeeting(t, id),
      notFound: () => meetingNotFound(id),
      audit,
      action: 'meeting.update',
      entity: 'meeting',
      writeChildren: async (before) => {
        await writeLists(trx, id, data.heldOn ?? before.heldOn, data);
        if (data.conclusionItems) {
          await syncConclusionItems(trx, id, before.conclusionItems, data.conclusionItems);
        }
      },
    }),
  );
}
