/**
 * What lies between a figure and the comparison after it decides whether they belong together:
 * commas, brackets, "và", hedges, a comparison phrase ("…, so với cùng kỳ năm trước tăng 5%") or
 * the rest of a counted noun phrase ("57 đảng viên mới, đạt 95% chỉ tiêu") keep a figure open.
 */
import { HEDGES } from './lexicon.js';
import type { Token } from './tokenizer.js';
import type { FigureScope } from './types.js';

const GLUE_PUNCT = new Set([',', '(', ')', '-', '–', '…']);
// "…, so với cùng kỳ năm trước tăng 5%": a comparison phrase may precede its verb.
const GLUE_WORDS = new Set(['và', 'so', 'với', 'cùng', 'kỳ', 'năm', 'trước', 'ngoái', 'ck']);
const CLAUSE_BREAKS = new Set([',', ';', ':', '.', '(', ')']);

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

/** Only commas, brackets, "và", hedges or a comparison phrase lie in tokens [from, to). */
export function isGlue(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t === undefined) return false;
    if (
      t.kind === 'punct'
        ? GLUE_PUNCT.has(t.text)
        : t.kind === 'word' && (GLUE_WORDS.has(t.key) || HEDGES.has(t.key))
    )
      continue;
    if (t.kind === 'num' && t.text.length === 4) continue;
    return false;
  }
  return true;
}

const TAIL_BREAKS = new Set(['đạt', 'bằng', 'tăng', 'giảm', 'vượt', 'chiếm', 'là', 'và', 'so', 'với']);

/** Skips the rest of a noun phrase after a counted noun: "đảng viên mới", "chi bộ trong doanh nghiệp tư nhân". */
export function skipNounTail(tokens: readonly Token[], from: number, to: number): number {
  let k = from;
  while (k < to && k - from < 10) {
    const t = tokens[k];
    if (t === undefined || t.kind !== 'word' || HEDGES.has(t.key)) break;
    // "xã đạt chuẩn nông thôn mới" names what is counted; "đạt 90%" compares it.
    if (TAIL_BREAKS.has(t.key) && !(t.key === 'đạt' && tokens[k + 1]?.key === 'chuẩn')) break;
    k++;
  }
  return k;
}

export function hasBreak(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (CLAUSE_BREAKS.has(tokens[k]?.text ?? '')) return true;
  return false;
}

/** "lũy kế", "tính chung", "từ đầu năm", "N tháng" mark cumulative figures; "tháng N", "trong tháng" the month's. */
export function scopeCue(tokens: readonly Token[], i: number): FigureScope | undefined {
  const k = key(tokens, i);
  const next = key(tokens, i + 1);
  if ((k === 'lũy' && next === 'kế') || (k === 'tính' && next === 'chung')) return 'cumulative';
  if (k === 'từ' && next === 'đầu' && key(tokens, i + 2) === 'năm') return 'cumulative';
  if (
    k === 'tháng' &&
    (tokens[i + 1]?.kind === 'num' || (key(tokens, i - 1) === 'trong' && next !== 'trước'))
  ) {
    return 'month';
  }
  return undefined;
}
