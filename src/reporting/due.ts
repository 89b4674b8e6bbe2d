/**
 * When a month's figures are due. Vietnamese reporting rules (Nghị định 09/2019/NĐ-CP) close a
 * monthly report inside the month itself: units send the month's figures, estimated to the end
 * of the month ("ước"), by a day of that month, and correct them later by a new revision. So
 * by default month M is due on the 15th of M, which is what lets a review held early in M + 1
 * (the demo's 6 October) read September complete. Offices that wait for closed books set the
 * due month to the next one ("ngày 5 tháng sau").
 */

import type { ServiceContext } from '../context.js';
import { daysBetween, daysInMonth, type IsoDate } from '../core/dates.js';
import type { Month } from '../core/periods.js';

export type DueMonth = 'same' | 'next';

export interface DueRule {
  /** Day of the month, 1–31; a day past the month's end means its last day. */
  dueDay: number;
  dueMonth: DueMonth;
}

export const DEFAULT_DUE_RULE: DueRule = { dueDay: 15, dueMonth: 'same' };

/** Directives whose deadline is this close are announced as due soon. */
export const DUE_SOON_DAYS = 3;

/** Reminders look back this far for months still missing (about two due dates). */
export const REMINDER_LOOKBACK_DAYS = 62;

const pad = (n: number) => String(n).padStart(2, '0');

export function dueDate(rule: DueRule, period: Month): IsoDate {
  const next = rule.dueMonth === 'next';
  const year = next && period.month === 12 ? period.year + 1 : period.year;
  const month = next ? (period.month % 12) + 1 : period.month;
  return `${year}-${pad(month)}-${pad(Math.min(rule.dueDay, daysInMonth(year, month)))}`;
}

/** Days past the due date (0 on the day itself, negative before it). */
export function daysPastDue(rule: DueRule, period: Month, today: IsoDate): number {
  return daysBetween(dueDate(rule, period), today);
}

/** The latest month whose due date is today or earlier: the one a daily digest talks about. */
export function latestDuePeriod(rule: DueRule, today: IsoDate): Month {
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  // The answer is at most two months back (due in the next month, not yet reached).
  for (let i = 0; i < 3; i++) {
    if (dueDate(rule, { year, month }) <= today) return { year, month };
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return { year, month };
}

/** Months of `year` whose due date fell in the `lookback` days before today. */
export function recentlyDuePeriods(rule: DueRule, year: number, today: IsoDate, lookback: number): Month[] {
  const out: Month[] = [];
  for (let month = 1; month <= 12; month++) {
    const past = daysPastDue(rule, { year, month }, today);
    if (past > 0 && past <= lookback) out.push({ year, month });
  }
  return out;
}

/** A context whose clock reads `today` (noon in Vietnam), so directive statuses are that day's. */
export function onDay(ctx: ServiceContext, today: IsoDate): ServiceContext {
  return { ...ctx, now: () => new Date(`${today}T05:00:00Z`) };
}
