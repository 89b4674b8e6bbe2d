import type { PlanIndicator } from '../../types';
import type { ExtractedFigure, FigureInput, Proposal, Review } from './types';

/** One row of the review as the person left it: whether to record it, and as which indicator. */
export interface Choice {
  accept: boolean;
  indicatorCode: string;
}

export function initialChoices(review: Review): Choice[] {
  return review.proposals.map((p) => ({ accept: p.input !== null, indicatorCode: p.indicator?.code ?? '' }));
}

/**
 * Whether the figure is a running total, as the server decides it (extraction.service.ts): a
 * level never is; "9 tháng", "lũy kế" say so; otherwise a text about January to a later month.
 */
export function isCumulative(figure: ExtractedFigure, review: Review, kind: PlanIndicator['kind']): boolean {
  if (kind === 'level') return false;
  if (figure.scope) return figure.scope === 'cumulative';
  const w = review.result.periodWindow;
  return w !== null && w.fromMonth === 1 && w.toMonth > 1;
}

/**
 * What to record for a row: the server's own proposal when the person kept its indicator; for
 * another indicator the value as written, in the unit as written (the server converts it or
 * says why not, on that row).
 */
export function inputFor(
  p: Proposal,
  choice: Choice,
  review: Review,
  text: string,
  indicators: readonly PlanIndicator[],
): FigureInput | null {
  if (!choice.accept || !choice.indicatorCode) return null;
  if (p.input && p.input.indicatorCode === choice.indicatorCode) return p.input;
  const indicator = indicators.find((i) => i.code === choice.indicatorCode);
  if (!indicator || p.figure.value === null) return null;
  return {
    planCode: review.plan,
    indicatorCode: indicator.code,
    unitCode: review.unit,
    period: review.period,
    value: p.figure.value,
    ...(p.figure.unit ? { measureUnit: p.figure.unit } : {}),
    cumulative: isCumulative(p.figure, review, indicator.kind),
    status: 'estimate',
    source: 'extract',
    sourceRef: text.slice(p.figure.span[0], p.figure.span[1]).slice(0, 2000),
  };
}

const SENTENCE_END = /[.!?;\n]/;
const CONTEXT = 160;

/** The sentence around a figure, split so the figure's own words can be marked. */
export function sentenceAround(text: string, [start, end]: [number, number]) {
  let from = start;
  while (from > 0 && start - from < CONTEXT && !SENTENCE_END.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && to - end < CONTEXT && !SENTENCE_END.test(text[to] ?? '')) to++;
  return {
    before: `${from > 0 && !SENTENCE_END.test(text[from - 1] ?? '') ? '…' : ''}${text.slice(from, start).trimStart()}`,
    figure: text.slice(start, end),
    after: `${text.slice(end, to)}${to < text.length && !SENTENCE_END.test(text[to] ?? '') ? '…' : ''}`,
  };
}

/** The match score in words as well as a number: people act on "thấp", not on 0,61. */
export function confidence(score: number): 'high' | 'medium' | 'low' {
  return score >= 0.9 ? 'high' : score >= 0.7 ? 'medium' : 'low';
}
