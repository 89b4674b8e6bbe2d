/** Shapes of the reporting API (/plans/:code/reporting, /reporting/*, /inbox). */

export interface PeriodLock {
  id: number;
  planCode: string;
  period: string;
  lockedAt: string;
  lockedBy: number | null;
  lockedByName: string | null;
  note: string | null;
}

export interface ReportingCalendar {
  settings: {
    planCode: string;
    dueDay: number;
    dueMonth: 'same' | 'next';
    recipients: string[];
    version: number;
  };
  locks: PeriodLock[];
  actions: { editSettings: boolean; lock: boolean; unlock: boolean };
}

export interface MissingReports {
  planName: string;
  unitName: string;
  period: string;
  dueDate: string;
  today: string;
  daysPastDue: number;
  locked: boolean;
  expectedUnits: number;
  completeUnits: number;
  units: {
    code: string;
    name: string;
    expected: number;
    missing: { code: string; name: string }[];
    nothingReported: boolean;
  }[];
}

export interface Reminder {
  id: number;
  kind: 'report_missing' | 'directive_overdue' | 'directive_due_soon';
  planCode: string | null;
  unitName: string | null;
  directiveId: number | null;
  period: string | null;
  day: string;
  message: { vi: string; en: string };
  createdAt: string;
  readAt: string | null;
}
