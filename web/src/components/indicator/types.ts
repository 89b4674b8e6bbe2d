/** GET /progress/series: one indicator of one unit, month by month. */
export interface SeriesMonth {
  month: number;
  /** The month's own value (flows) or month-end value (levels). */
  value: number | null;
  lastYearValue: number | null;
  /** Running total (flows) or latest value (levels) through the month. */
  actual: number | null;
  lastYearActual: number | null;
  percentOfTarget: number | null;
  expectedPercent: number | null;
  /** Where the indicator was expected to stand by the month, in its unit (increase indicators). */
  expectedValue: number | null;
}

export interface ProgressSeries {
  plan: string;
  unit: string;
  year: number;
  throughMonth: number;
  indicator: {
    code: string;
    name: string;
    unit: string;
    kind: 'flow' | 'level';
    direction: 'increase' | 'decrease';
    decimals: number;
  };
  target: number | null;
  basis: string | null;
  months: SeriesMonth[];
}
