/** Shared by the extract tests: figures as compact tuples. */
import { extract } from './index.js';
import type { ExtractOptions } from './types.js';

/** [value, unit, percentOfTarget, targetBasis, changeVsSamePeriodPct] */
export type FigureTuple = [number | null, string | null, number | null, string | null, number | null];

export function figures(text: string, options?: ExtractOptions): FigureTuple[] {
  return extract(text, options).figures.map((f) => [
    f.value,
    f.unit,
    f.percentOfTarget,
    f.targetBasis,
    f.changeVsSamePeriodPct,
  ]);
}
