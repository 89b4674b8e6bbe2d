/**
 * Rolling figures up the unit tree, and finding which units' history a unit inherits after
 * communes merge. Reorganisation never rewrites history: a merged commune's "cùng kỳ" is read
 * from its predecessors' own figures, rolled up by the indicator's rule.
 */

import { compareIsoDate, type IsoDate } from './dates.js';

export type RollupRule = 'sum' | 'mean' | 'weighted' | 'none';

export interface RollupItem {
  value: number | null;
  /** For 'weighted': the weighting figure (population, households, area). */
  weight?: number | null;
}

function isNumber(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * Missing values are skipped, not read as zero: a unit that has not reported yet must not pull
 * a mean down. Null when nothing is left to roll up, and always for 'none' (rates such as
 * "tỷ lệ hộ nghèo" that cannot be derived from children's figures).
 */
export function rollupValues(rule: RollupRule, items: readonly RollupItem[]): number | null {
  if (rule === 'none') return null;
  if (rule === 'weighted') return weightedMean(items);
  const values = items.map((i) => i.value).filter(isNumber);
  if (values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return rule === 'sum' ? sum : sum / values.length;
}

/**
 * Items without a usable weight are left out rather than given weight 1: guessing a weight
 * would silently change the result. Negative weights mean nothing for a population or an area
 * and are left out too. Null when the weights add up to zero.
 */
function weightedMean(items: readonly RollupItem[]): number | null {
  let total = 0;
  let weights = 0;
  for (const { value, weight } of items) {
    if (!isNumber(value) || !isNumber(weight) || weight < 0) continue;
    total += value * weight;
    weights += weight;
  }
  return weights > 0 ? total / weights : null;
}

export interface UnitLineage {
  id: number;
  /** ISO date the unit came into being; null for "always" (before records began). */
  validFrom: IsoDate | null;
  /** ISO date it ceased to exist, exclusive; null while it still exists. */
  validTo: IsoDate | null;
  predecessorIds: readonly number[];
}

function existedOn(unit: UnitLineage, onDate: IsoDate): boolean {
  const started = unit.validFrom === null || compareIsoDate(unit.validFrom, onDate) <= 0;
  const notEnded = unit.validTo === null || compareIsoDate(onDate, unit.validTo) < 0;
  return started && notEnded;
}

/**
 * The units whose figures of `onDate` stand for `unitId`: the unit itself if it existed then;
 * if it was created later, its predecessors as of that date, followed back through merger
 * after merger. Deduplicated (two paths can lead to one ancestor), in first-found order, and
 * safe against a cycle in bad data.
 *
 * A split (one predecessor, several successors) gives every successor the whole predecessor:
 * no rule for sharing a figure between successors is known, so the comparison overstates the
 * base of each successor, and callers should say so rather than invent a share.
 *
 * An unknown id, or a unit that had already ceased to exist on that date, stands for nothing:
 * following successors forward is a different question from "cùng kỳ".
 */
export function unitsStandingFor(
  unitId: number,
  onDate: IsoDate,
  units: ReadonlyMap<number, UnitLineage>,
): number[] {
  const found: number[] = [];
  const visited = new Set<number>();
  const visit = (id: number): void => {
    if (visited.has(id)) return;
    visited.add(id);
    const unit = units.get(id);
    if (!unit) return;
    if (existedOn(unit, onDate)) {
      found.push(id);
      return;
    }
    const createdLater = unit.validFrom !== null && compareIsoDate(onDate, unit.validFrom) < 0;
    if (createdLater) for (const p of unit.predecessorIds) visit(p);
  };
  visit(unitId);
  return found;
}
