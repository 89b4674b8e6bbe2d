import type { TargetBasis } from './lexicon.js';

export type { TargetBasis };

/** Whether a figure is the month's own value or the cumulative one ("lũy kế", "9 tháng"). */
export type FigureScope = 'month' | 'cumulative' | null;

export interface ExtractedFigure {
  /** The indicator phrase as written (connectors, period phrases and verbs removed). */
  readonly indicator: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly percentOfTarget: number | null;
  readonly targetBasis: TargetBasis | null;
  readonly changeVsSamePeriodPct: number | null;
  readonly scope: FigureScope;
  /** [start, end) offsets in the input text. */
  readonly span: readonly [number, number];
}

/** The months a period covers: "9 tháng 2021" is { year: 2021, fromMonth: 1, toMonth: 9 }. */
export interface PeriodWindow {
  readonly year: number;
  readonly fromMonth: number;
  readonly toMonth: number;
}

export interface ExtractedMeeting {
  /** YYYY-MM-DD, only when day, month and year are known. */
  readonly date: string | null;
  /** Chairs joined with "; ". */
  readonly chair: string | null;
  readonly body: string | null;
  readonly session: number | null;
  readonly term: string | null;
  readonly kind: string | null;
}

export interface ExtractedDirective {
  readonly text: string;
  readonly span: readonly [number, number];
  /** Introduced as "trọng tâm" (a key task). */
  readonly key: boolean;
}

export interface ExtractResult {
  readonly period: string | null;
  readonly periodWindow: PeriodWindow | null;
  readonly meeting: ExtractedMeeting | null;
  readonly figures: ExtractedFigure[];
  readonly lagging: string[];
  readonly directives: ExtractedDirective[];
}

export interface ExtractOptions {
  /** Year of the document, used when the text does not say it. */
  readonly year?: number;
}
