/** POST /extract/review: what the text says, matched to the plan's indicators; nothing written. */

export interface ExtractedFigure {
  /** The indicator phrase as written. */
  indicator: string;
  value: number | null;
  unit: string | null;
  percentOfTarget: number | null;
  targetBasis: string | null;
  changeVsSamePeriodPct: number | null;
  scope: 'month' | 'cumulative' | null;
  /** [start, end) in the text. */
  span: [number, number];
}

/** What POST /figures and /figures/bulk take. */
export interface FigureInput {
  planCode: string;
  indicatorCode: string;
  unitCode: string;
  period: string;
  value: number;
  measureUnit?: string;
  cumulative: boolean;
  status: 'estimate' | 'official';
  source: 'extract';
  sourceRef?: string;
}

export interface Proposal {
  figure: ExtractedFigure;
  indicator: { code: string; name: string; unit: string } | null;
  /** How well the phrase matched the indicator's name, 0 to 1. */
  score: number;
  /** What would be recorded, or null with the reason in `skip`. */
  input: FigureInput | null;
  skip: { vi: string; en: string } | null;
  consistency: { status: string; message: string; messageEn: string } | null;
}

export interface Review {
  plan: string;
  period: string;
  unit: string;
  result: {
    period: string | null;
    periodWindow: { year: number; fromMonth: number; toMonth: number } | null;
    figures: ExtractedFigure[];
  };
  proposals: Proposal[];
}
