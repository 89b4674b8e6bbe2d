/**
 * Directive status, the Government Office's 2×2 model (done or not × within the deadline or
 * not) plus "thường xuyên" for standing tasks with no deadline. It is always computed, never
 * typed, so a report can never claim "trong hạn" for a directive that has run past its date.
 */

import { assertIsoDate, compareIsoDate, daysBetween, type IsoDate } from './dates.js';

export type DirectiveStatus =
  | 'in_progress_on_time'
  | 'in_progress_overdue'
  | 'done_on_time'
  | 'done_late'
  | 'ongoing';

export interface DirectiveDates {
  deadline: IsoDate | null;
  completedOn: IsoDate | null;
}

/**
 * Status as of `today`, which may be any day: a review meeting reports its predecessors'
 * directives as of the meeting date, so a completion recorded after that day does not count
 * yet. The deadline day itself is still on time.
 */
export function directiveStatus(d: DirectiveDates, today: IsoDate): DirectiveStatus {
  assertIsoDate(today);
  const deadline = d.deadline === null ? null : assertIsoDate(d.deadline);
  const completedOn = d.completedOn === null ? null : assertIsoDate(d.completedOn);
  const doneOn = completedOn !== null && compareIsoDate(completedOn, today) <= 0 ? completedOn : null;
  if (deadline === null) return doneOn === null ? 'ongoing' : 'done_on_time';
  if (doneOn !== null) return compareIsoDate(doneOn, deadline) <= 0 ? 'done_on_time' : 'done_late';
  return compareIsoDate(today, deadline) <= 0 ? 'in_progress_on_time' : 'in_progress_overdue';
}

/**
 * Days past the deadline ("quá hạn 12 ngày"): up to completion if it was done late, up to
 * `today` if it is still open. Null when nothing is overdue.
 */
export function daysOverdue(d: DirectiveDates, today: IsoDate): number | null {
  const status = directiveStatus(d, today);
  if (d.deadline === null) return null;
  if (status === 'done_late' && d.completedOn !== null) return daysBetween(d.deadline, d.completedOn);
  if (status === 'in_progress_overdue') return daysBetween(d.deadline, today);
  return null;
}

export const DIRECTIVE_STATUS_LABELS: Record<DirectiveStatus, { vi: string; en: string }> = {
  in_progress_on_time: { vi: 'đang thực hiện, trong hạn', en: 'in progress, on time' },
  in_progress_overdue: { vi: 'đang thực hiện, quá hạn', en: 'in progress, overdue' },
  done_on_time: { vi: 'hoàn thành đúng hạn', en: 'done on time' },
  done_late: { vi: 'hoàn thành quá hạn', en: 'done late' },
  ongoing: { vi: 'thường xuyên', en: 'ongoing' },
};
