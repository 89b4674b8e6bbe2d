/**
 * Parallel comparisons: "xảy ra 26 vụ, làm chết 11 người, bị thương 19 người. So với cùng kỳ,
 * giảm 4 vụ (-13,3%), giảm 2 người chết (-15,4%), …". The bracketed
 * percentages belong, in order, to the figures listed before, when the units line up.
 */
import type { Draft } from './draft.js';

/** A percentage bracketed after an absolute change ("giảm 12 vụ (giảm 8,5%)"). */
export interface AbsChange {
  readonly pct: number;
  /** Unit of the absolute change ("vụ"), to line it up with a listed figure. */
  readonly unit: string | null;
  /** The change has no subject of its own: it refers back to a list. */
  readonly subjectless: boolean;
  /** First token of its clause, its verb, and the last token read. */
  readonly from: number;
  readonly anchor: number;
  readonly end: number;
}

function head(unit: string | null): string {
  return (unit ?? '').split(/[\s/]/)[0] ?? '';
}

/**
 * Attaches the changes to the figures they refer to (in this sentence, else the previous one)
 * and returns those that stand alone ("số vụ cháy giảm 12 vụ (giảm 8,5%)").
 */
export function resolveParallel(
  drafts: readonly Draft[],
  previous: readonly Draft[],
  abs: readonly AbsChange[],
): AbsChange[] {
  const first = abs[0];
  if (first === undefined) return [];
  if (!abs.every((a) => a.subjectless)) return [...abs];
  const open = (d: Draft) => d.value !== null && d.change === null && d.unit !== '%' && d.unit !== null;
  let candidates = drafts.filter((d) => d.anchor < first.from && open(d));
  if (candidates.length === 0) candidates = previous.filter(open);
  if (candidates.length < abs.length) return [...abs];
  const targets = candidates.slice(-abs.length);
  if (!targets.every((d, k) => head(d.unit) === head(abs[k]?.unit ?? null))) return [...abs];
  targets.forEach((d, k) => {
    d.change = abs[k]?.pct ?? null;
  });
  return [];
}
