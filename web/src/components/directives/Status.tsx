import { directiveStatusLabel, formatNumber } from '../../format';
import { useLang } from '../../i18n';
import type { Directive as BaseDirective, DirectiveStatus } from '../../types';
import { daysBetween, todayIso } from './units';

export interface Directive extends BaseDirective {
  sourceDocument: string | null;
  createdAt: string;
}

export interface DirectiveDetail extends Directive {
  updates: {
    id: number;
    reportedOn: string;
    text: string;
    evidence: string | null;
    recordedBy: number | null;
    recordedAt: string;
  }[];
  actions: { edit: boolean; report: boolean; complete: boolean };
}

/** Worst first: what a review meeting asks about before anything else. */
export const STATUS_ORDER: DirectiveStatus[] = [
  'in_progress_overdue',
  'in_progress_on_time',
  'ongoing',
  'done_late',
  'done_on_time',
];

// A sign as well as a colour, so the status reads in grey print and to colour-blind readers.
const ICON: Record<DirectiveStatus, string> = {
  in_progress_overdue: '⚠',
  in_progress_on_time: '○',
  ongoing: '↻',
  done_late: '✔',
  done_on_time: '✔',
};

export function DirectiveStatusBadge({ status }: { status: DirectiveStatus }) {
  const { lang } = useLang();
  return (
    <span className={`badge dstatus dstatus-${status}`}>
      <span aria-hidden="true">{ICON[status]}</span> {directiveStatusLabel(status, lang)}
    </span>
  );
}

/** "quá hạn 12 ngày": to completion when done late, to today while still open. */
export function OverdueDays({ directive: d }: { directive: Directive }) {
  const { t, lang } = useLang();
  if (!d.deadline) return null;
  const end =
    d.status === 'done_late' && d.completedOn
      ? d.completedOn
      : d.status === 'in_progress_overdue'
        ? todayIso()
        : null;
  if (!end) return null;
  const days = daysBetween(d.deadline, end);
  if (days <= 0) return null;
  return (
    <span className="overdue-days">
      {t(`quá hạn ${formatNumber(days, lang)} ngày`, `${formatNumber(days, lang)} days late`)}
    </span>
  );
}

export function KeyMark() {
  const { t } = useLang();
  return (
    <span className="key-mark">
      <span aria-hidden="true">★</span> {t('trọng tâm', 'key')}
    </span>
  );
}
