/** The shapes the API returns, as far as the app reads them. */

export type ProgressStatus = 'achieved' | 'on_track' | 'behind' | 'at_risk' | 'no_data';

export interface IndicatorProgress {
  code: string;
  name: string;
  field: string;
  unit: string;
  kind: 'flow' | 'level';
  direction: 'increase' | 'decrease';
  decimals: number;
  target: number | null;
  basis: string | null;
  actual: number | null;
  percentOfTarget: number | null;
  expectedPercent: number | null;
  pace: number | null;
  status: ProgressStatus;
  samePeriodActual: number | null;
  changeVsSamePeriodPct: number | null;
  forecast: number | null;
  otherTargets: {
    basis: string;
    issuingBody: string | null;
    value: number;
    percentOfTarget: number | null;
  }[];
}

export interface ProgressReport {
  plan: string;
  planName: string;
  period: string;
  periodLabel: string;
  unit: string;
  unitName: string;
  indicators: IndicatorProgress[];
  actions: { recordFigures: boolean; editPlan: boolean };
}

/** GET /progress/children: the same table for each unit directly below. */
export interface ChildrenProgress {
  children: { unit: string; unitName: string; indicators: IndicatorProgress[] }[];
}

/** One indicator across the units below, leaving out units with neither a figure nor a target. */
export function childRows(data: ChildrenProgress | undefined, indicator: string) {
  return (data?.children ?? []).flatMap((c) => {
    const p = c.indicators.find((i) => i.code === indicator);
    return p && (p.actual !== null || p.target !== null) ? [{ unit: c.unit, unitName: c.unitName, p }] : [];
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PlanSummary {
  id: number;
  code: string;
  name: string;
  year: number;
  unitCode: string;
  unitName: string;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  path: string;
  depth: number;
  validFrom: string | null;
  validTo: string | null;
  version: number;
  predecessorIds: number[];
  children: Unit[];
  actions: { edit: boolean; addChild: boolean; merge: boolean };
}

export interface PlanIndicator {
  id: number;
  code: string;
  name: string;
  field: string;
  measureUnit: string;
  kind: 'flow' | 'level';
  direction: 'increase' | 'decrease';
  rollup: string;
  frequency: string;
  allowNegative: boolean;
  decimals: number;
  version: number;
  sortOrder: number;
  baseline: number | null;
}

export interface Target {
  id: number;
  indicatorId: number;
  unitId: number;
  basis: string;
  issuingBody: string | null;
  value: number;
  version: number;
  indicatorCode: string;
  unitCode: string;
}

export interface PlanDetail {
  plan: {
    id: number;
    code: string;
    name: string;
    year: number;
    unitId: number;
    issuingBody: string | null;
    documentNumber: string | null;
    adoptedOn: string | null;
    defaultBasis: string;
    version: number;
  };
  indicators: PlanIndicator[];
  targets: Target[];
  lastReportedPeriod: string | null;
  actions: { editPlan: boolean; editTargets: boolean; recordFigures: boolean };
}

export interface Figure {
  id: number;
  indicatorId: number;
  unitId: number;
  year: number;
  month: number;
  cumulative: boolean;
  value: number;
  status: 'estimate' | 'official';
  source: string;
  sourceRef: string | null;
  note: string | null;
  revision: number;
  isCurrent: boolean;
  recordedBy: number | null;
  recordedAt: string;
  indicatorCode?: string;
  unitCode?: string;
}

export type DirectiveStatus =
  | 'done_on_time'
  | 'done_late'
  | 'in_progress_on_time'
  | 'in_progress_overdue'
  | 'ongoing';

export interface Directive {
  id: number;
  title: string;
  meetingId: number | null;
  conclusionItemId: number | null;
  leadUnitId: number;
  coUnitIds: number[];
  deadline: string | null;
  completedOn: string | null;
  key: boolean;
  version: number;
  status: DirectiveStatus;
  leadUnit: { code: string; name: string };
  coUnits: { code: string; name: string }[];
  updates?: { id: number; reportedOn: string; text: string; evidence: string | null; recordedAt: string }[];
  actions?: Record<string, boolean>;
}
