/**
 * What surrounds a number: the verb before it ("tăng", "đạt", "vượt", "chiếm") and the yardstick
 * after it ("NQ", "dự toán", "so với cùng kỳ", "tháng trước"). Both scans stop after a handful of
 * tokens, so the work per number is constant.
 */
import { BASIS_WORDS, HEDGES, strongerBasis, type TargetBasis } from './lexicon.js';
import type { Token } from './tokenizer.js';

export type Verb =
  | 'up'
  | 'down'
  | 'reach'
  | 'exceed'
  | 'share'
  | 'level'
  | 'rateNoun'
  | 'equiv'
  | 'times'
  | 'from'
  | 'to'
  | 'and'
  | 'none';

export type Yardstick = TargetBasis | 'other';

export interface LeftContext {
  readonly verb: Verb;
  /** First token of the verb phrase (verb, hedges, a basis written before the number). */
  readonly start: number;
  /** "vượt mục tiêu Nghị quyết 0,5%": the basis came before the number. */
  readonly basis: Yardstick | null;
  /** The number opens a bracket: "(giảm 4,2%)" has verb "giảm", "(6,1%)" has none. */
  readonly bracket: boolean;
}

export interface RightContext {
  /** Compared with the same period of the previous year: "so với cùng kỳ", "CK", "so với năm 2020". */
  readonly same: boolean;
  /** Compared with the previous month or quarter: never a same-period change. */
  readonly previous: boolean;
  readonly basis: Yardstick | null;
  /** A noun follows the percentage directly: "92,7% hộ gia đình". */
  readonly noun: boolean;
  /** Last token index consumed. */
  readonly end: number;
}

const WINDOW = 12;

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

/** Matches a basis phrase ending at token j; returns its length and basis. */
function basisEndingAt(tokens: readonly Token[], j: number): { len: number; basis: Yardstick } | null {
  for (const b of BASIS_WORDS) {
    const n = b.words.length;
    let ok = true;
    for (let w = 0; w < n && ok; w++) ok = key(tokens, j - n + 1 + w) === b.words[w];
    if (ok) return { len: n, basis: b.basis };
  }
  return null;
}

/** Matches a basis phrase starting at token j. */
export function basisAt(tokens: readonly Token[], j: number): { len: number; basis: Yardstick } | null {
  for (const b of BASIS_WORDS) {
    let ok = true;
    for (let w = 0; w < b.words.length && ok; w++) ok = key(tokens, j + w) === b.words[w];
    if (ok) return { len: b.words.length, basis: b.basis };
  }
  return null;
}

/** "mức tăng", "tốc độ tăng trưởng": the growth is a noun, its percentage a value. */
function rateNoun(tokens: readonly Token[], at: number): boolean {
  return key(tokens, at) === 'mức' || (key(tokens, at) === 'độ' && key(tokens, at - 1) === 'tốc');
}

function verbAt(tokens: readonly Token[], j: number): { verb: Verb; start: number } {
  const k = key(tokens, j);
  const before = key(tokens, j - 1);
  switch (k) {
    case 'trưởng':
      if (before !== 'tăng') return { verb: 'none', start: j + 1 };
      return { verb: rateNoun(tokens, j - 2) ? 'rateNoun' : 'up', start: j - 1 };
    case 'tăng':
      return { verb: rateNoun(tokens, j - 1) ? 'rateNoun' : 'up', start: j };
    case 'giảm':
      return { verb: 'down', start: j };
    case 'lên':
      return { verb: 'level', start: before === 'tăng' ? j - 1 : j };
    case 'còn':
    case 'xuống':
      return { verb: 'level', start: before === 'giảm' || before === 'xuống' ? j - 1 : j };
    case 'đạt':
    case 'bằng':
    case 'là':
      return { verb: 'reach', start: j };
    case 'hiện':
      return before === 'thực' ? { verb: 'reach', start: j - 1 } : { verb: 'none', start: j + 1 };
    case 'vượt':
      return { verb: 'exceed', start: j };
    case 'chiếm':
    case 'có':
      return { verb: 'share', start: j };
    case 'đương':
    case 'ứng':
      return before === 'tương' ? { verb: 'equiv', start: j - 1 } : { verb: 'none', start: j + 1 };
    case 'gấp':
      return { verb: 'times', start: j };
    case 'từ':
      return { verb: 'from', start: j };
    case 'đến':
      return { verb: 'to', start: j };
    case 'và':
      return { verb: 'and', start: j };
    default:
      return { verb: 'none', start: j + 1 };
  }
}

/** The verb governing the number whose first token is i, looking back no further than lo. */
export function leftContext(tokens: readonly Token[], i: number, lo: number): LeftContext {
  let j = i - 1;
  const stop = Math.max(lo, i - WINDOW);
  while (j >= stop && tokens[j]?.kind === 'word' && HEDGES.has(key(tokens, j))) j--;
  const hedgeStart = j + 1;
  if (j < stop) return { verb: 'none', start: hedgeStart, basis: null, bracket: false };
  const t = tokens[j];
  if (t === undefined || t.kind !== 'word') {
    return { verb: 'none', start: hedgeStart, basis: null, bracket: t?.text === '(' };
  }
  // "vượt mục tiêu Nghị quyết 0,5%": the yardstick sits between the verb and the number.
  let basis: Yardstick | null = null;
  let k = j;
  for (let b = basisEndingAt(tokens, k); b !== null && k - b.len >= stop; b = basisEndingAt(tokens, k)) {
    basis = strongerBasis(basis, b.basis);
    k -= b.len;
  }
  if (basis !== null) {
    const v = verbAt(tokens, k);
    if (v.verb === 'exceed' || v.verb === 'reach')
      return { verb: v.verb, start: v.start, basis, bracket: false };
  }
  const v = verbAt(tokens, j);
  return { verb: v.verb, start: Math.min(v.start, hedgeStart), basis: null, bracket: false };
}

const STOP_WORDS = new Set(['và', 'tăng', 'giảm', 'đạt', 'bằng', 'vượt', 'chiếm', 'trong', 'là']);
const PREVIOUS_UNITS = new Set(['quý', 'kỳ', 'tuần', 'tháng', 'năm']);

/** The yardstick after the number whose last token is i - 1, looking no further than hi. */
export function rightContext(tokens: readonly Token[], i: number, hi: number): RightContext {
  let same = false;
  let previous = false;
  let noun = false;
  let basis: Yardstick | null = null;
  let sawSo = false;
  let k = i;
  const stop = Math.min(hi, i + WINDOW);
  while (k < stop) {
    const t = tokens[k];
    if (t === undefined || t.kind === 'punct') break;
    const kk = t.key;
    if (t.kind === 'num') {
      // "cùng kỳ 2020", "so với năm 2021"
      const y = Number(t.text);
      if (t.text.length === 4 && y >= 1900 && y <= 2100 && (same || previous)) {
        k++;
        continue;
      }
      break;
    }
    if (STOP_WORDS.has(kk)) break;
    const next = key(tokens, k + 1);
    if (kk === 'so' || kk === 'với') {
      sawSo = true;
      k++;
      continue;
    }
    if (kk === 'cùng' && (next === 'kỳ' || next === 'tháng' || next === 'thời')) {
      same = true;
      k += 2;
      continue;
    }
    if (kk === 'ck') {
      same = true;
      k++;
      continue;
    }
    if (
      kk === 'năm' &&
      (next === 'trước' || next === 'ngoái' || /^\d{4}$/.test(next)) &&
      (sawSo || k === i)
    ) {
      same = true;
      k += 2;
      continue;
    }
    if (PREVIOUS_UNITS.has(kk) && (next === 'trước' || (kk === 'tháng' && /^\d{1,2}$/.test(next)))) {
      if (sawSo || k === i) previous = true;
      k += 2;
      continue;
    }
    if (kk === 'đầu' && next === 'năm' && sawSo) {
      previous = true;
      k += 2;
      continue;
    }
    const b = basisAt(tokens, k);
    if (b !== null) {
      basis = strongerBasis(basis, b.basis);
      k += b.len;
      continue;
    }
    if (k === i && !same && !previous) noun = true;
    k++;
  }
  return { same, previous, basis, noun, end: k - 1 };
}
