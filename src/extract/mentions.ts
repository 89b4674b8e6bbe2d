/**
 * Decides what a number in a sentence is: an actual figure, an absolute change ("giảm 12 vụ"),
 * or something that only looks like one (dates, ordinals, ranges, multiples, codes such as
 * "COVID-19", list labels, thresholds "từ 25 đảng viên trở lên").
 */
import type { LeftContext } from './context.js';
import { BEFORE_NON_FIGURE, HEDGES } from './lexicon.js';
import type { Quantity } from './quantity.js';
import type { Range, Token } from './tokenizer.js';

export type ValueRole = 'value' | 'abs' | 'skip';

const DELIMITERS = new Set([',', ';', '.', ')', ':', '…', '!', '?']);

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

/** "H5N1", "COVID-19", "GMT+7", "9T/2023", "/12 xã", the tail of "14:05". */
function isCode(tokens: readonly Token[], n: number): boolean {
  const t = tokens[n];
  const prev = tokens[n - 1];
  if (t === undefined || prev === undefined || t.space) return false;
  if (prev.kind === 'word' || prev.text === '/') return true;
  const before = tokens[n - 2];
  if ((prev.text === '-' || prev.text === '+') && !prev.space && before?.kind === 'word') return true;
  return prev.text === ':' && before?.kind === 'num';
}

function yearLike(tokens: readonly Token[], n: number): boolean {
  const t = tokens[n];
  if (t === undefined || t.text.length !== 4 || t.kind !== 'num') return false;
  const y = Number(t.text);
  return y >= 1900 && y <= 2100;
}

/** "từ 5 đến 7 người": the upper bound of a range. */
function closesRange(tokens: readonly Token[], left: LeftContext, lo: number): boolean {
  for (let j = left.start - 1; j >= Math.max(lo, left.start - 6); j--)
    if (key(tokens, j) === 'từ') return true;
  return false;
}

/** "Huy hiệu 40, 45, 50 năm tuổi": the last of a list of bare numbers. */
function endsBareList(tokens: readonly Token[], n: number): boolean {
  return tokens[n - 1]?.text === ',' && tokens[n - 2]?.kind === 'num';
}

/** "Giá trị thu được trên 1 ha đất canh tác đạt …": "1 ha" is the measure of a ratio. */
function perUnit(tokens: readonly Token[], q: Quantity, n: number): boolean {
  const before = key(tokens, n - 1);
  return q.value === 1 && (before === 'trên' || before === 'mỗi') && tokens[q.last + 1]?.kind === 'word';
}

/** The role of a non-percentage quantity. */
export function valueRole(tokens: readonly Token[], q: Quantity, s: Range, left: LeftContext): ValueRole {
  if (q.shape !== 'number' || q.timeUnit) return 'skip';
  const n = q.at;
  if (isCode(tokens, n)) return 'skip';
  // Dates, ordinals and names are plain integers: "tháng 10", "lần thứ 14", but "năm 12.450,5 ha" is a figure.
  if (BEFORE_NON_FIGURE.has(key(tokens, n - 1)) && /^\d+$/.test(tokens[n]?.text ?? '')) return 'skip';
  if (endsBareList(tokens, n)) return 'skip';
  switch (left.verb) {
    case 'from':
    case 'times':
    case 'equiv':
      return 'skip';
    case 'to':
      if (closesRange(tokens, left, s.from)) return 'skip';
      break;
    case 'up':
    case 'down':
      return 'abs';
    default:
      break;
  }
  const after = key(tokens, q.last + 1);
  if (after === 'trở' || after === 'lần') return 'skip';
  if (perUnit(tokens, q, n)) return 'skip';
  // "6/10" with nothing after it is a day and a month.
  if (q.fraction && q.unit === null && q.value <= 31 && (q.denominator ?? 99) <= 12) return 'skip';
  if (q.unit === null && !q.fraction) {
    // A bare number counts only as the object of "đạt"/"là": "ước đạt 2.715, đạt 48,2% kế hoạch".
    const next = tokens[q.last + 1];
    const closed = q.last + 1 >= s.to || (next !== undefined && DELIMITERS.has(next.text));
    return (left.verb === 'reach' || left.verb === 'level') && closed && !yearLike(tokens, n)
      ? 'value'
      : 'skip';
  }
  return 'value';
}

const CLAUSE_MARKS = new Set([',', ';', ':', '.', '(', '!', '?']);
const SUBJECT_WINDOW = 25;

/**
 * Start of the clause ending before token i: the last clause mark, skipping bracketed groups
 * ("tổng sản phẩm (GRDP) đạt"), never before lo.
 */
export function clauseStart(
  tokens: readonly Token[],
  i: number,
  lo: number,
  opening: ReadonlyMap<number, number>,
): number {
  let j = i - 1;
  const stop = Math.max(lo, i - SUBJECT_WINDOW);
  while (j >= stop) {
    const t = tokens[j];
    if (t === undefined) break;
    if (t.text === ')') {
      const o = opening.get(j);
      if (o === undefined || o < stop) return j + 1;
      j = o - 1;
      continue;
    }
    if (t.kind === 'punct' && CLAUSE_MARKS.has(t.text)) return j + 1;
    j--;
  }
  return Math.max(j + 1, stop);
}

/** The clause opens with "tăng"/"giảm": "giảm tỷ lệ hộ nghèo 1,85%". */
export function clauseVerb(tokens: readonly Token[], from: number, to: number): 'up' | 'down' | null {
  let j = from;
  while (j < to && HEDGES.has(key(tokens, j))) j++;
  if (j >= to) return null;
  const k = key(tokens, j);
  if (k === 'tăng' && key(tokens, j + 1) !== 'trưởng') return 'up';
  if (k === 'giảm') return 'down';
  return null;
}
