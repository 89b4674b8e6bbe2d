/**
 * Numbers as they appear in report prose: "2.404 tỷ đồng", "99,273 tỷ", "4 tỷ 500 triệu đồng",
 * "1 nghìn 120 tỷ", "39 vạn tấn", "91 nghìn lượt khách", "73,96%", "11/14 xã", "57,3 tạ/ha".
 * Reading a quantity never looks further than a few tokens ahead.
 */
import { parseVnNumber } from '../core/numbers.js';
import { CURRENCIES, GLUED_MONEY, SCALES, TIME_UNITS } from './lexicon.js';
import { readNumberWords } from './number-words.js';
import type { Token } from './tokenizer.js';
import { moneyUnit, readPerSuffix, readUnitWords } from './units.js';

/** What a number turned out to be: a quantity, or part of a date, range or clock time. */
export type QuantityShape = 'number' | 'date' | 'range' | 'time';

export interface Quantity {
  readonly shape: QuantityShape;
  readonly value: number;
  readonly unit: string | null;
  readonly percent: boolean;
  /** First token (a glued minus sign or the number) and last token (the unit), inclusive. */
  readonly first: number;
  readonly last: number;
  /** Token where the number itself starts (after a sign). */
  readonly at: number;
  /** Written with a minus sign: "(-4,2%)". */
  readonly negative: boolean;
  /** Written as "X/Y"; the value is X. */
  readonly fraction: boolean;
  /** Y in "X/Y". */
  readonly denominator: number | null;
  /** The unit is a span of time ("9 tháng", "5 năm") or a count of times ("gấp 7 lần"). */
  readonly timeUnit: boolean;
}

const EOF_TOKEN: Token = {
  kind: 'punct',
  text: '',
  key: '',
  start: 0,
  end: 0,
  space: true,
  lines: 0,
  upper: false,
};

function at(tokens: readonly Token[], i: number): Token {
  return tokens[i] ?? EOF_TOKEN;
}

function glued(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && !t.space;
}

function isYear(t: Token): boolean {
  if (t.kind !== 'num' || t.text.length !== 4) return false;
  const y = Number(t.text);
  return y >= 1900 && y <= 2100;
}

/** Twelve significant digits hide binary noise (2,3 × 10⁶ = 2299999.9999999995). */
export function clean(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/** Scales combine like spoken numbers: "4 tỷ 500 triệu" adds, "1 nghìn 120 tỷ" multiplies. */
function combine(parts: readonly { n: number; scale: number }[]): number {
  let acc = 0;
  let prev = Number.POSITIVE_INFINITY;
  for (const p of parts) {
    acc = p.scale > prev ? (acc + p.n) * p.scale : acc + p.n * p.scale;
    prev = p.scale;
  }
  return acc;
}

function shaped(shape: QuantityShape, value: number, first: number, last: number): Quantity {
  return {
    shape,
    value,
    unit: null,
    percent: false,
    first,
    last,
    at: first,
    negative: false,
    fraction: false,
    denominator: null,
    timeUnit: false,
  };
}

/**
 * Reads the quantity starting at token i (a number, or a number word followed by a scale:
 * "một nghìn tỷ"). Returns null when nothing numeric starts there.
 */
export function readQuantity(tokens: readonly Token[], i: number): Quantity | null {
  const t = at(tokens, i);
  let n: number | null;
  let j: number;
  if (t.kind === 'num') {
    n = parseVnNumber(t.text);
    j = i + 1;
  } else {
    const w = readNumberWords(tokens, i);
    if (w === null || SCALES[at(tokens, w.next).key] === undefined) return null;
    n = w.value;
    j = w.next;
  }
  if (n === null) return null;

  // A sign glued to the number in a bracket or after a space: "(-4,2%)", "(+6,1%)".
  const prev = at(tokens, i - 1);
  const signed =
    (prev.text === '-' || prev.text === '−' || prev.text === '+') &&
    !t.space &&
    (prev.space || at(tokens, i - 2).text === '(') &&
    at(tokens, i - 2).kind !== 'num';
  const negative = signed && prev.text !== '+';
  const first = signed ? i - 1 : i;

  // Dates, ranges and clock times: "06/10/2021", "10-12%", "2020 - 2025", "22:26".
  const sep = at(tokens, j);
  if (t.kind === 'num' && !sep.space && glued(tokens, j + 1) && at(tokens, j + 1).kind === 'num') {
    if (sep.text === '-' || sep.text === '–') {
      let last = j + 1;
      while (
        at(tokens, last + 1).text === '-' &&
        glued(tokens, last + 2) &&
        at(tokens, last + 2).kind === 'num'
      )
        last += 2;
      return shaped('range', n, first, at(tokens, last + 1).text === '%' ? last + 1 : last);
    }
    if (sep.text === ':') {
      let last = j + 1;
      while (at(tokens, last + 1).text === ':' && glued(tokens, last + 2)) last += 2;
      return shaped('time', n, first, last);
    }
  }
  if (
    (sep.text === '-' || sep.text === '–') &&
    sep.space &&
    isYear(t) &&
    isYear(at(tokens, j + 1)) &&
    at(tokens, j + 1).space
  ) {
    return shaped('range', n, first, j + 1);
  }

  let fraction = false;
  let denominator: number | null = null;
  if (
    t.kind === 'num' &&
    sep.text === '/' &&
    !sep.space &&
    glued(tokens, j + 1) &&
    at(tokens, j + 1).kind === 'num'
  ) {
    const den = at(tokens, j + 1);
    if ((at(tokens, j + 2).text === '/' && glued(tokens, j + 3) && glued(tokens, j + 2)) || isYear(den)) {
      const last = at(tokens, j + 2).text === '/' && glued(tokens, j + 2) ? j + 3 : j + 1;
      return shaped('date', n, first, last);
    }
    fraction = true;
    denominator = parseVnNumber(den.text);
    j += 2;
  }

  // Scales: "4 tỷ 500 triệu", "1 nghìn 120 tỷ", "39 vạn".
  // Most numbers have no scale word: the parts list is made only when one appears.
  let parts: { n: number; scale: number }[] | null = null;
  let cur = n;
  let scaleName: string | null = null;
  let currency: string | null = null;
  let afterScale = false;
  for (;;) {
    const w = at(tokens, j);
    const glue = GLUED_MONEY[w.key];
    const scale = glue === undefined ? SCALES[w.key] : SCALES[glue[0]];
    if (w.kind !== 'word' || scale === undefined) break;
    const last = parts?.[parts.length - 1];
    // "một nghìn tỷ": consecutive scales multiply.
    if (afterScale && last !== undefined) last.scale *= scale;
    else {
      parts ??= [];
      parts.push({ n: cur, scale });
    }
    if (scaleName === null || scale > (SCALES[scaleName] ?? 0))
      scaleName = glue === undefined ? w.key : glue[0];
    j++;
    afterScale = true;
    if (glue !== undefined) {
      currency = CURRENCIES[glue[1]] ?? null;
      break;
    }
    const next = at(tokens, j);
    if (next.kind === 'word' && SCALES[next.key] !== undefined) continue;
    const nextN = next.kind === 'num' ? parseVnNumber(next.text) : null;
    if (nextN === null || SCALES[at(tokens, j + 1).key] === undefined) break;
    cur = nextN;
    j++;
    afterScale = false;
  }
  const total = parts === null ? n : combine(parts);
  const scaled = parts !== null;

  if (at(tokens, j).text === '%' || (at(tokens, j).key === 'phần' && at(tokens, j + 1).key === 'trăm')) {
    j += at(tokens, j).text === '%' ? 1 : 2;
    // "76,9%/70%": the share achieved over the target share.
    if (at(tokens, j).text === '/' && glued(tokens, j + 1) && at(tokens, j + 1).kind === 'num') {
      fraction = true;
      j += at(tokens, j + 2).text === '%' ? 3 : 2;
    }
    return {
      shape: 'number',
      value: scaled ? clean(total) : total,
      unit: '%',
      percent: true,
      first,
      last: j - 1,
      at: i,
      negative,
      fraction,
      denominator,
      timeUnit: false,
    };
  }

  let word: string | null = null;
  let timeUnit = false;
  if (currency === null) {
    const c = CURRENCIES[at(tokens, j).key];
    if (c !== undefined && at(tokens, j).kind === 'word' && at(tokens, j).lines === 0) {
      currency = c;
      j++;
    } else {
      const u = readUnitWords(tokens, j);
      if (u !== null) {
        word = u.unit;
        timeUnit = TIME_UNITS.has(u.unit);
        j = u.next;
      }
    }
  }
  const per = readPerSuffix(tokens, j);
  j = per.next;

  let value = total;
  let unit: string | null;
  if (currency !== null) {
    const scale = scaleName === null ? undefined : SCALES[scaleName];
    // normalizeUnit lower-cases, which would spoil "triệu USD".
    if (scale === undefined) unit = currency;
    else unit = currency === 'đồng' ? moneyUnit(`${scaleName} đồng`) : `${scaleName} ${currency}`;
    if (scale !== undefined) value = total / scale;
  } else if (scaleName !== null && word === null && (scaleName === 'tỷ' || scaleName === 'triệu')) {
    // "đạt 35 tỷ": money is implied.
    unit = moneyUnit(scaleName);
    value = total / (SCALES[scaleName] ?? 1);
  } else {
    unit = word;
  }
  if (unit !== null && per.suffix !== '') unit += per.suffix;
  return {
    shape: 'number',
    value: scaled ? clean(value) : value,
    unit,
    percent: false,
    first,
    last: j - 1,
    at: i,
    negative,
    fraction,
    denominator,
    timeUnit,
  };
}
