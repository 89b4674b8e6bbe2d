/**
 * What a percentage means, from the verb before it and the yardstick after it:
 *   "đạt/bằng X% NQ|KH|dự toán|chỉ tiêu" → share of target (basis by the corpus ranking)
 *   "vượt X% kế hoạch"                    → 100 + X (left out when X is a margin over a rate)
 *   "tăng/giảm X% (so với cùng kỳ)"        → ± X, "bằng X% cùng kỳ" → X − 100
 *   "so với tháng trước"                   → dropped: not a same-period change
 *   "tỷ lệ … đạt X%", "chiếm X%", "có X% học sinh" → a value in %
 */
import type { LeftContext, RightContext, Verb } from './context.js';
import { RATE_WORDS, type TargetBasis } from './lexicon.js';
import { clean } from './quantity.js';
import type { Token } from './tokenizer.js';

export type PercentMeaning =
  | { readonly kind: 'pot'; readonly pct: number; readonly basis: TargetBasis | null }
  | { readonly kind: 'exceed'; readonly pct: number; readonly basis: TargetBasis | null }
  | { readonly kind: 'change'; readonly pct: number }
  | { readonly kind: 'rate'; readonly pct: number }
  | { readonly kind: 'drop' }
  | { readonly kind: 'skip' };

export interface PercentInput {
  readonly value: number;
  readonly negative: boolean;
  readonly left: LeftContext;
  readonly right: RightContext;
  /** The subject is a rate ("tỷ lệ", "tốc độ", "tăng trưởng", "tỷ trọng"). */
  readonly rate: boolean;
  /** The clause opens with "tăng"/"giảm" and the verb is not next to the number. */
  readonly clauseVerb: 'up' | 'down' | null;
  /** Verb of the previous comparison in the same chain ("bằng 98,5% KH và 101,2% CK"). */
  readonly inherited: Verb | null;
  /** The percentage continues a figure already open in the sentence. */
  readonly attached: boolean;
}

/** Does a rate word occur in tokens [from, to)? */
export function hasRateWord(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    for (const words of RATE_WORDS) {
      let ok = true;
      for (let w = 0; w < words.length && ok; w++) ok = tokens[i + w]?.key === words[w] && i + w < to;
      if (ok) return true;
    }
  }
  return false;
}

function basisOf(b: RightContext['basis'] | LeftContext['basis']): TargetBasis | null {
  return b === null || b === 'other' ? null : b;
}

export function interpretPercent(p: PercentInput): PercentMeaning {
  const x = p.value;
  let verb = p.left.verb;
  if ((verb === 'and' || verb === 'none') && p.inherited !== null && p.attached) verb = p.inherited;
  const yardstick = p.right.basis ?? p.left.basis;
  const basis = basisOf(yardstick);
  const signed = (up: boolean): PercentMeaning => ({ kind: 'change', pct: up ? x : -x });

  switch (verb) {
    case 'share':
    case 'level':
    case 'rateNoun':
      return { kind: 'rate', pct: x };
    case 'times':
    case 'equiv':
    case 'from':
    case 'to':
      return { kind: 'skip' };
    default:
      break;
  }
  // "có 92,7% hộ gia đình …": a share of a population, unless a change verb governs it.
  const quantifies = verb === 'reach' || verb === 'none' || verb === 'and';
  if (quantifies && p.right.noun && yardstick === null && !p.right.same) return { kind: 'rate', pct: x };
  if (p.right.previous) return { kind: 'drop' };

  if (p.right.same) {
    switch (verb) {
      case 'up':
      case 'exceed':
        return signed(!p.negative);
      case 'down':
        return signed(false);
      case 'reach':
        return p.rate ? { kind: 'rate', pct: x } : { kind: 'change', pct: clean(x - 100) };
      default:
        if (p.negative) return signed(false);
        return p.rate ? { kind: 'rate', pct: x } : { kind: 'change', pct: clean(x - 100) };
    }
  }

  if (yardstick !== null) {
    switch (verb) {
      case 'exceed':
        return { kind: 'exceed', pct: x, basis };
      case 'up':
      case 'down':
        return { kind: 'drop' };
      default:
        return { kind: 'pot', pct: x, basis };
    }
  }

  switch (verb) {
    case 'up':
      return signed(!p.negative);
    case 'down':
      return signed(false);
    case 'reach':
      return p.rate && !p.attached ? { kind: 'rate', pct: x } : { kind: 'pot', pct: x, basis: null };
    case 'exceed':
      return { kind: 'exceed', pct: x, basis: null };
    default:
      if (p.negative) return signed(false);
      if (p.attached) return { kind: 'pot', pct: x, basis: null };
      if (p.clauseVerb !== null) return signed(p.clauseVerb === 'up');
      return { kind: 'rate', pct: x };
  }
}
