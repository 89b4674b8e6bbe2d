/**
 * Everything a review report and its appendix say, read through the ordinary services: the
 * progress of the period, the conference that reviews it, the previous conference's
 * directives and the directives overdue, all as of the report's date.
 */
import { type ServiceContext, todayIso } from '../context.js';
import { assertIsoDate, compareIsoDate } from '../core/dates.js';
import { type DirectiveStatus, daysOverdue, directiveStatus } from '../core/directive-status.js';
import { type Directive, listDirectives } from '../directives/directives.service.js';
import type { Meeting, MeetingSummary } from '../meetings/meetings.repo.js';
import { getMeeting, listMeetings } from '../meetings/meetings.service.js';
import type { Plan } from '../plans/plans.repo.js';
import { requirePlan } from '../plans/plans.service.js';
import { type ProgressReport, progressFor } from '../progress/progress.service.js';
import { findUnitByCode, findUnitById, type Unit } from '../units/units.repo.js';

export interface ReviewQuery {
  planCode: string;
  /** 'YYYY-MM': the report covers January to this month. */
  period: string;
  unitCode?: string | undefined;
}

/** A directive as a report lists it, with its status as of the report's date. */
export interface DirectiveLine {
  id: number;
  title: string;
  leadUnit: string;
  coUnits: string[];
  deadline: string | null;
  completedOn: string | null;
  key: boolean;
  status: DirectiveStatus;
  daysOverdue: number | null;
  meetingId: number | null;
  conclusionItemId: number | null;
}

export interface ReviewData {
  plan: Plan;
  unit: Unit;
  planUnit: Unit;
  parentUnit: Unit | null;
  report: ProgressReport;
  year: number;
  month: number;
  /** The date the report speaks as of: given, or the reviewing conference's, or today. */
  date: string;
  /** The conference of the unit that reviews this plan and period, if one is recorded. */
  reviewMeeting: Meeting | null;
  /** The unit's latest conference before `date`, whose directives the report checks. */
  previousMeeting: MeetingSummary | null;
  previousDirectives: DirectiveLine[];
  /** Directives of the unit's subtree past their deadline and not done by `date`. */
  overdue: DirectiveLine[];
  /** Directives still open at `date` (on time, overdue or standing). */
  open: DirectiveLine[];
}

/** Directives as of a day: completions recorded later do not count yet. */
export function directiveLines(directives: readonly Directive[], asOf: string): DirectiveLine[] {
  return directives.map((d) => ({
    id: d.id,
    title: d.title,
    leadUnit: d.leadUnit.name || d.leadUnit.code,
    coUnits: d.coUnits.map((u) => u.name || u.code),
    deadline: d.deadline,
    completedOn: d.completedOn !== null && d.completedOn <= asOf ? d.completedOn : null,
    key: d.key,
    status: directiveStatus(d, asOf),
    daysOverdue: daysOverdue(d, asOf),
    meetingId: d.meetingId,
    conclusionItemId: d.conclusionItemId,
  }));
}

/** Conclusion order: the order of the items, then the order they were entered. */
export function inConclusionOrder(lines: DirectiveLine[]): DirectiveLine[] {
  const item = (l: DirectiveLine) => l.conclusionItemId ?? Number.MAX_SAFE_INTEGER;
  return [...lines].sort((a, b) => item(a) - item(b) || a.id - b.id);
}

const OPEN: readonly DirectiveStatus[] = ['in_progress_on_time', 'in_progress_overdue', 'ongoing'];

export async function gatherReview(
  ctx: ServiceContext,
  query: ReviewQuery,
  options: { date?: string | undefined } = {},
): Promise<ReviewData> {
  const report = await progressFor(ctx, query);
  const db = ctx.store.db;
  const plan = await requirePlan(db, query.planCode);
  const planUnit = (await findUnitById(db, plan.unitId)) as Unit;
  const unit =
    report.unit === planUnit.code ? planUnit : ((await findUnitByCode(db, report.unit)) ?? planUnit);
  const parentUnit = unit.parentId === null ? null : ((await findUnitById(db, unit.parentId)) ?? null);
  const [year, month] = report.period.split('-').map(Number) as [number, number];

  const allMeetings = await listMeetings(ctx);
  const meetings = allMeetings.filter((m) => m.unitId === unit.id);
  const reviewing = meetings
    .filter((m) => m.planId === plan.id && m.period === report.period)
    .sort((a, b) => compareIsoDate(a.heldOn, b.heldOn) || a.id - b.id)[0];
  const date = assertIsoDate(options.date ?? reviewing?.heldOn ?? todayIso(ctx));
  const reviewMeeting = reviewing && reviewing.heldOn <= date ? await getMeeting(ctx, reviewing.id) : null;
  const previousMeeting =
    meetings
      .filter((m) => m.heldOn < date)
      .sort((a, b) => compareIsoDate(b.heldOn, a.heldOn) || b.id - a.id)[0] ?? null;
  const previousDirectives = previousMeeting
    ? inConclusionOrder(directiveLines(await listDirectives(ctx, { meetingId: previousMeeting.id }), date))
    : [];

  // Only directives that existed before the report's date: those of earlier conferences (not
  // of the one the report is presented to), and those from documents whose deadline has come.
  const heldBy = new Map(allMeetings.map((m) => [m.id, m.heldOn]));
  const known = (await listDirectives(ctx, { unitCode: unit.code })).filter((d) =>
    d.meetingId === null
      ? d.deadline !== null && d.deadline < date
      : (heldBy.get(d.meetingId) ?? '9999') < date,
  );
  const lines = directiveLines(known, date);
  return {
    plan,
    unit,
    planUnit,
    parentUnit,
    report,
    year,
    month,
    date,
    reviewMeeting,
    previousMeeting,
    previousDirectives,
    overdue: lines.filter((l) => l.status === 'in_progress_overdue'),
    open: lines.filter((l) => OPEN.includes(l.status)),
  };
}
