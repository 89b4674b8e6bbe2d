/**
 * What the conclusion notice and the article say about one conference: the meeting with its
 * chairs, opinions and conclusion, its directives in conclusion order, and (when the meeting
 * reviews a plan's period) the review of that period as of the meeting day.
 */
import type { ServiceContext } from '../context.js';
import { listDirectives } from '../directives/directives.service.js';
import type { Meeting } from '../meetings/meetings.repo.js';
import { getMeeting } from '../meetings/meetings.service.js';
import { type Plan, toPlan } from '../plans/plans.repo.js';
import { findUnitById, type Unit } from '../units/units.repo.js';
import {
  type DirectiveLine,
  directiveLines,
  gatherReview,
  inConclusionOrder,
  type ReviewData,
} from './review-data.js';

export interface MeetingData {
  meeting: Meeting;
  unit: Unit;
  parentUnit: Unit | null;
  plan: Plan | null;
  directives: DirectiveLine[];
  /** The plan's period as reviewed on the meeting day; null when the meeting names none. */
  review: ReviewData | null;
}

export async function gatherMeeting(
  ctx: ServiceContext,
  meetingId: number,
  options: { withReview?: boolean } = {},
): Promise<MeetingData> {
  const db = ctx.store.db;
  const meeting = await getMeeting(ctx, meetingId);
  const unit = (await findUnitById(db, meeting.unitId)) as Unit;
  const parentUnit = unit.parentId === null ? null : ((await findUnitById(db, unit.parentId)) ?? null);
  const planRow =
    meeting.planId === null
      ? undefined
      : await db.selectFrom('plans').selectAll().where('id', '=', meeting.planId).executeTakeFirst();
  const plan = planRow ? toPlan(planRow) : null;
  const directives = inConclusionOrder(
    directiveLines(await listDirectives(ctx, { meetingId: meeting.id }), meeting.heldOn),
  );
  // A meeting may name a plan of another unit or year; then there is no review to quote.
  const planUnit = plan ? await findUnitById(db, plan.unitId) : undefined;
  const inPlan =
    plan !== null &&
    planUnit !== undefined &&
    unit.path.startsWith(planUnit.path) &&
    meeting.period?.startsWith(`${plan.year}-`) === true;
  const review =
    options.withReview && plan && meeting.period && inPlan
      ? await gatherReview(
          ctx,
          { planCode: plan.code, period: meeting.period, unitCode: unit.code },
          { date: meeting.heldOn },
        )
      : null;
  return { meeting, unit, parentUnit, plan, directives, review };
}
