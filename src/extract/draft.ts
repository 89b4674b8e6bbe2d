/**
 * A figure while its sentence is being read: a value (or none) and the comparisons chained
 * after it ("đạt 2.404 tỷ đồng, bằng 73,96% NQ, tăng 5% so với cùng kỳ").
 */
import type { Verb } from './context.js';
import { indicatorPhrase } from './indicator.js';
import type { TargetBasis } from './lexicon.js';
import type { Token } from './tokenizer.js';
import type { ExtractedFigure, FigureScope } from './types.js';

export interface Draft {
  value: number | null;
  unit: string | null;
  pots: { pct: number; basis: TargetBasis | null }[];
  change: number | null;
  /** Verb of the last comparison, inherited by "… và 101,2% CK". */
  lastVerb: Verb | null;
  /** First token of the subject, of the anchor (verb or number), and the last token read. */
  subjectFrom: number;
  anchor: number;
  end: number;
  unitTokens: { from: number; to: number } | null;
  scope: FigureScope;
}

export function newDraft(init: Partial<Draft> & Pick<Draft, 'subjectFrom' | 'anchor' | 'end'>): Draft {
  return {
    value: init.value ?? null,
    unit: init.unit ?? null,
    pots: init.pots ?? [],
    change: init.change ?? null,
    lastVerb: init.lastVerb ?? null,
    subjectFrom: init.subjectFrom,
    anchor: init.anchor,
    end: init.end,
    unitTokens: init.unitTokens ?? null,
    scope: init.scope ?? null,
  };
}

/** One figure per target basis ("đạt 112% dự toán huyện giao, đạt 95% dự toán HĐND xã giao"). */
export function draftToFigures(tokens: readonly Token[], d: Draft, sentenceEnd: number): ExtractedFigure[] {
  if (d.value === null && d.pots.length === 0 && d.change === null) return [];
  const indicator = indicatorPhrase(tokens, {
    from: d.subjectFrom,
    to: d.anchor,
    unit: d.unit,
    unitTokens: d.unitTokens,
    sentenceEnd,
  });
  const start = tokens[Math.min(d.subjectFrom, d.anchor)]?.start ?? 0;
  const end = tokens[d.end]?.end ?? start;
  const base = {
    indicator,
    value: d.value,
    unit: d.value === null ? null : d.unit,
    changeVsSamePeriodPct: d.change,
    scope: d.scope,
    span: [start, end] as const,
  };
  if (d.pots.length === 0) return [{ ...base, percentOfTarget: null, targetBasis: null }];
  return d.pots.map((p) => ({ ...base, percentOfTarget: p.pct, targetBasis: p.basis }));
}
