/**
 * Stretches of a sentence whose numbers are not actuals: targets and forecasts ("phấn đấu…",
 * "dự kiến…", "cả năm" in a report for part of the year), reference values in brackets
 * ("(cùng kỳ năm trước tăng 7,3%)", "(CK 55,4 tạ/ha)", "Kế hoạch (4.500 tỷ đồng)") and clauses
 * about a later year than the one reported on. One pass over the sentence.
 */
import { basisAt } from './context.js';
import type { Range, Token } from './tokenizer.js';

export interface ScopeOptions {
  /** Year of the reporting period, when known: clauses about later years are plans. */
  readonly year: number | null;
  /** The reporting period ends before December: "cả năm" marks a full-year forecast. */
  readonly partOfYear: boolean;
}

export interface SentenceScopes {
  /** Token index of the matching ")" for each "(" (absent when unclosed). */
  readonly closing: ReadonlyMap<number, number>;
  /** True for tokens whose numbers are not actual figures. */
  isBlocked(i: number): boolean;
}

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

function seq(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let w = 0; w < words.length; w++) if (key(tokens, i + w) !== words[w]) return false;
  return true;
}

const COMPARING = new Set(['đạt', 'vượt', 'bằng', 'với', 'so']);
const ACTUAL_VERBS = new Set(['đạt', 'vượt', 'tăng', 'giảm', 'bằng', 'được', 'có', 'hoàn']);
const NAMED_TARGET_WINDOW = 8;

/** "chỉ tiêu <name> là <number>": the target of a named indicator, not its actual value. */
function namedTargetAt(tokens: readonly Token[], j: number): boolean {
  for (let k = j; k < j + NAMED_TARGET_WINDOW; k++) {
    const t = tokens[k];
    if (t === undefined || t.kind === 'punct') return false;
    if (t.key === 'là') return true;
    if (ACTUAL_VERBS.has(t.key) && !(t.key === 'tăng' && key(tokens, k + 1) === 'trưởng')) return false;
  }
  return false;
}

/** Is a target or forecast announced at token i? */
function targetCueAt(tokens: readonly Token[], i: number, s: Range, opts: ScopeOptions): boolean {
  const k = key(tokens, i);
  switch (k) {
    case 'phấn':
      return key(tokens, i + 1) === 'đấu';
    case 'dự':
      return key(tokens, i + 1) === 'kiến' || key(tokens, i + 1) === 'báo';
    case 'khả':
      return key(tokens, i + 1) === 'năng';
    case 'sẽ':
      return true;
    case 'từ':
      return seq(tokens, i + 1, ['nay', 'đến']);
    case 'đề':
      return seq(tokens, i + 1, ['ra', 'nhiệm', 'vụ']);
    case 'yêu':
      return key(tokens, i + 1) === 'cầu';
    case 'với':
      return seq(tokens, i + 1, ['các', 'chỉ', 'tiêu']) || seq(tokens, i + 1, ['một', 'số', 'chỉ', 'tiêu']);
    case 'chỉ':
    case 'kế':
    case 'mục': {
      const b = basisAt(tokens, i);
      // "… đạt và vượt kế hoạch: …" compares with the plan; it does not announce one.
      if (b === null || COMPARING.has(key(tokens, i - 1))) return false;
      const after = tokens[i + b.len];
      // "chỉ tiêu: …", "kế hoạch là …", "mục tiêu đến năm …", "chỉ tiêu tăng trưởng năm nay là …"
      if (after?.text === ':' || after?.key === 'là' || (k === 'mục' && after?.key === 'đến')) return true;
      return k === 'chỉ' && namedTargetAt(tokens, i + b.len);
    }
    case 'cả': {
      if (!opts.partOfYear || key(tokens, i + 1) !== 'năm') return false;
      // "dự toán cả năm" names the yardstick, not a forecast.
      for (let b = Math.max(s.from, i - 3); b < i; b++) if (basisAt(tokens, b) !== null) return false;
      return true;
    }
    default:
      return false;
  }
}

const REFERENCE_STARTS: readonly string[][] = [
  ['cùng', 'kỳ'],
  ['cùng', 'tháng'],
  ['ck'],
  ['năm', 'trước'],
  ['năm', 'ngoái'],
];

/** Does the bracket opened at token o hold reference values rather than figures? */
function isReferenceBracket(tokens: readonly Token[], o: number): boolean {
  const first = o + 1;
  if (REFERENCE_STARTS.some((w) => seq(tokens, first, w))) return true;
  if (basisAt(tokens, first) !== null) return true;
  const t = tokens[first];
  // "(năm 2022: …)", "(9T/2023: …)"
  if (t?.key === 'năm' && tokens[first + 1]?.kind === 'num') return true;
  if (t?.kind === 'num' && tokens[first + 1]?.kind === 'word' && !tokens[first + 1]?.space) {
    return tokens[first + 2]?.text === '/';
  }
  // "Kế hoạch (4.500 tỷ đồng)": the bracket spells out the yardstick.
  for (let b = o - 2; b < o; b++) {
    const found = b >= 0 ? basisAt(tokens, b) : null;
    if (found !== null && b + found.len === o) return true;
  }
  return false;
}

function laterYearAt(tokens: readonly Token[], i: number, year: number): boolean {
  if (key(tokens, i) !== 'năm') return false;
  const t = tokens[i + 1];
  if (t?.kind !== 'num' || t.text.length !== 4) return false;
  return Number(t.text) > year;
}

const NO_BRACKETS: ReadonlyMap<number, number> = new Map();
// One buffer reused sentence after sentence: a sentence's scopes are read before the next is built.
let buffer = new Uint8Array(1024);

/**
 * "… tiếp tục xây dựng 2 trường học trong năm 2022": in a clause (between semicolons) that
 * names a later year than the one reported on, what comes before that year, and the comma
 * segment holding it, are plans. Bracketed remarks ("(hiện nay đã đạt …)") stay actual.
 */
function blockClause(tokens: readonly Token[], s: Range, from: number, later: number, to: number): void {
  let segmentEnd = later;
  while (segmentEnd < to && tokens[segmentEnd]?.text !== ',') segmentEnd++;
  let d = 0;
  for (let i = from; i < segmentEnd; i++) {
    const x = tokens[i]?.text;
    if (x === '(') d++;
    if (d === 0) buffer[i - s.from] = 1;
    if (x === ')' && d > 0) d--;
  }
}

function blockLaterYears(tokens: readonly Token[], s: Range, year: number): void {
  let clauseFrom = s.from;
  let depth = 0;
  let later = -1;
  for (let i = s.from; i < s.to; i++) {
    const x = tokens[i]?.text;
    if (x === '(') depth++;
    else if (x === ')' && depth > 0) depth--;
    else if (x === ';' && depth === 0) {
      if (later >= 0) blockClause(tokens, s, clauseFrom, later, i);
      later = -1;
      clauseFrom = i + 1;
    } else if (depth === 0 && laterYearAt(tokens, i, year)) later = i;
  }
  if (later >= 0) blockClause(tokens, s, clauseFrom, later, s.to);
}

class Scopes implements SentenceScopes {
  constructor(
    readonly closing: ReadonlyMap<number, number>,
    private readonly base: number,
  ) {}

  isBlocked(i: number): boolean {
    return buffer[i - this.base] === 1;
  }
}

function block(base: number, from: number, to: number): void {
  buffer.fill(1, from - base, to - base);
}

export function sentenceScopes(tokens: readonly Token[], s: Range, opts: ScopeOptions): SentenceScopes {
  let closing: Map<number, number> | null = null;
  const stack: number[] = [];
  for (let i = s.from; i < s.to; i++) {
    const t = tokens[i]?.text;
    if (t === '(') stack.push(i);
    else if (t === ')') {
      const o = stack.pop();
      if (o !== undefined) {
        closing ??= new Map();
        closing.set(o, i);
      }
    }
  }
  const len = s.to - s.from;
  if (buffer.length < len) buffer = new Uint8Array(Math.max(len, 2 * buffer.length));
  buffer.fill(0, 0, len);
  const base = s.from;
  // A cue inside a bracket covers the bracket; outside, the rest of the sentence.
  const open: number[] = [];
  for (let i = s.from; i < s.to; i++) {
    const t = tokens[i]?.text;
    if (t === '(') open.push(i);
    else if (t === ')') open.pop();
    else if (targetCueAt(tokens, i, s, opts)) {
      const o = open[open.length - 1];
      if (o === undefined) {
        block(base, i, s.to);
        break;
      }
      const c = closing?.get(o);
      if (c === undefined) {
        block(base, i, s.to);
        break;
      }
      block(base, i, c + 1);
      i = c - 1; // on to the bracket's end: one cue is enough
    }
  }
  if (opts.year !== null) blockLaterYears(tokens, s, opts.year);
  if (closing !== null) {
    // Outer brackets first; a bracket inside a blocked one needs no second look.
    const opens = [...closing.keys()].sort((a, b) => a - b);
    for (const o of opens) {
      const c = closing.get(o) as number;
      if (buffer[o - base] !== 1 && isReferenceBracket(tokens, o)) block(base, o, c + 1);
    }
  }
  return new Scopes(closing ?? NO_BRACKETS, base);
}
