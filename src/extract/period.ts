/**
 * The reporting period a text reviews, in the corpus label format: "9 tháng 2021", "quý I 2025",
 * "tháng 7 2022", "năm 2019", "lũy kế từ đầu năm 2021". Forward-looking mentions ("6 tháng cuối
 * năm", "nhiệm vụ quý II", "triển khai nhiệm vụ năm 2025") are not the period under review; when
 * a month and the cumulative total both appear, the cumulative one wins.
 */
import { NUMBER_WORDS } from './lexicon.js';
import { readNumberWords } from './number-words.js';
import type { Range, Token } from './tokenizer.js';
import type { PeriodWindow } from './types.js';

export interface PeriodResult {
  readonly label: string | null;
  readonly window: PeriodWindow | null;
  /** Year of the period, or the text's most likely year when the period has none. */
  readonly year: number | null;
  /** The period is shorter than a calendar year. */
  readonly partOfYear: boolean;
}

type Kind = 'cumulative' | 'quarter' | 'ytd' | 'month' | 'annual' | 'sinceYear' | 'meetingMonth';

interface Candidate {
  readonly kind: Kind;
  readonly n: number;
  readonly year: number | null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ROMAN_OUT = ['', 'I', 'II', 'III', 'IV'];
const FORWARD_AFTER = new Set(['cuối', 'còn', 'tới', 'tiếp', 'sau']);
const FORWARD_BEFORE = ['nhiệm vụ', 'phương hướng', 'kế hoạch', 'triển khai', 'chương trình', 'với', 'so'];
const YEAR_FORWARD = [
  'triển khai',
  'phương hướng',
  'mục tiêu',
  'kế hoạch',
  'nghị quyết',
  'chương trình',
  'phấn đấu',
  'chỉ tiêu',
  'dự toán',
  'đến',
  'vào',
  'cuối',
  'đầu',
  'kỳ',
  'so',
  'với',
];
const YEAR_BACKWARD = [
  'thực hiện',
  'kết quả',
  'tình hình',
  'tổng kết',
  'kiểm điểm',
  'đánh giá',
  'báo cáo',
  'công tác',
  'kết thúc',
];
const SCAN_BACK = 15;
const YEAR_AHEAD = 15;

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

function yearAt(tokens: readonly Token[], i: number): number | null {
  const t = tokens[i];
  if (t?.kind !== 'num' || t.text.length !== 4) return null;
  const y = Number(t.text);
  return y >= 1900 && y <= 2100 ? y : null;
}

function smallNum(tokens: readonly Token[], i: number, max: number): number | null {
  const t = tokens[i];
  if (t?.kind !== 'num' || t.text.length > 2) return null;
  const n = Number(t.text);
  return n >= 1 && n <= max ? n : null;
}

/** "năm 2021", "/2021", "-2021" or "2021" at token i. */
function yearAfter(tokens: readonly Token[], i: number): number | null {
  if (key(tokens, i) === 'năm') return yearAt(tokens, i + 1);
  const t = tokens[i];
  if (t?.text === '/' || t?.text === '-') return yearAt(tokens, i + 1);
  return yearAt(tokens, i);
}

/** Is one of the phrases written in the `window` tokens before i (within the clause)? */
function phraseBefore(
  tokens: readonly Token[],
  i: number,
  lo: number,
  phrases: readonly string[],
  window: number,
): string | null {
  for (let j = i - 1; j >= Math.max(lo, i - window); j--) {
    const t = tokens[j];
    if (t === undefined || (t.kind === 'punct' && t.text !== '-' && t.text !== '–')) return null;
    const one = t.key;
    const two = `${key(tokens, j - 1)} ${one}`;
    if (phrases.includes(two) && j - 1 >= lo) return two;
    if (phrases.includes(one)) return one;
  }
  return null;
}

/** The first year written in the few tokens after i, within the sentence. */
function nearbyYear(tokens: readonly Token[], i: number, end: number): number | null {
  for (let j = i; j < Math.min(end, i + YEAR_AHEAD); j++) {
    // "so với cùng kỳ năm 2022" names the year compared with, not this one.
    const before = key(tokens, j - 1);
    const comparison = before === 'kỳ' || before === 'với' || before === 'so';
    if ((key(tokens, j) === 'năm' || tokens[j]?.text === '/') && !comparison) {
      const y = yearAt(tokens, j + 1);
      if (y !== null) return y;
    }
  }
  return null;
}

function candidateAt(tokens: readonly Token[], i: number, s: Range): Candidate | null {
  const k = key(tokens, i);
  const t = tokens[i];
  // "9 tháng đầu năm 2021", "Sáu tháng đầu năm", "09 tháng"
  const words = t?.kind === 'word' && NUMBER_WORDS[k] !== undefined ? readNumberWords(tokens, i) : null;
  const n = t?.kind === 'num' ? smallNum(tokens, i, 12) : (words?.value ?? null);
  const afterN = t?.kind === 'num' ? i + 1 : (words?.next ?? i + 1);
  if (
    n !== null &&
    n >= 2 &&
    n <= 11 &&
    key(tokens, afterN) === 'tháng' &&
    tokens[afterN + 1]?.kind !== 'num'
  ) {
    let j = afterN + 1;
    if (FORWARD_AFTER.has(key(tokens, j))) return null;
    if (key(tokens, j) === 'đầu' && key(tokens, j + 1) === 'năm') j += 2;
    else if (key(tokens, j) === 'qua') j++;
    const y = yearAfter(tokens, j) ?? (key(tokens, j - 1) === 'năm' ? yearAt(tokens, j) : null);
    return { kind: 'cumulative', n, year: y ?? nearbyYear(tokens, j, s.to) };
  }
  if (k === 'quý') {
    const next = tokens[i + 1];
    const q = next?.kind === 'word' && next.upper ? ROMAN[next.key] : smallNum(tokens, i + 1, 4);
    if (q === undefined || q === null) return null;
    if (phraseBefore(tokens, i, s.from, FORWARD_BEFORE, 10) !== null || key(tokens, i + 2) === 'tới')
      return null;
    return { kind: 'quarter', n: q, year: yearAfter(tokens, i + 2) ?? nearbyYear(tokens, i + 2, s.to) };
  }
  if (k === 'từ' && key(tokens, i + 1) === 'đầu' && key(tokens, i + 2) === 'năm') {
    const y = yearAt(tokens, i + 3);
    const j = y === null ? i + 3 : i + 4;
    const cumulative =
      key(tokens, i - 1) === 'kế' || (key(tokens, j) === 'đến' && key(tokens, j + 1) === 'nay');
    return cumulative ? { kind: 'ytd', n: 0, year: y ?? nearbyYear(tokens, j, s.to) } : null;
  }
  if (k === 'tháng') {
    const m = smallNum(tokens, i + 1, 12);
    if (m === null || tokens[i - 1]?.kind === 'num') return null;
    const before = key(tokens, i - 1);
    if ((before === 'hết' || before === 'cuối') && key(tokens, i - 2) === 'đến') return null;
    if (phraseBefore(tokens, i, s.from, FORWARD_BEFORE, 3) !== null || key(tokens, i + 2) === 'tới')
      return null;
    const kind: Kind = before === 'kỳ' || before === 'ban' || before === 'họp' ? 'meetingMonth' : 'month';
    return { kind, n: m, year: yearAfter(tokens, i + 2) ?? nearbyYear(tokens, i + 2, s.to) };
  }
  if (k === 'năm') {
    const y = yearAt(tokens, i + 1);
    if (y === null || tokens[i - 1]?.kind === 'num') return null;
    const before = key(tokens, i - 1);
    if ((before === 'so' || before === 'với') && key(tokens, i - 2) !== 'kỳ')
      return { kind: 'sinceYear', n: 0, year: y + 1 };
    let start = i;
    while (start > s.from && tokens[start - 1]?.kind === 'punct') start--;
    const opening = start === s.from || (before === 'trong' && i - 1 === s.from);
    if (opening && tokens[i + 2]?.text === ',') return { kind: 'annual', n: 0, year: y };
    const cue = phraseBefore(tokens, i, s.from, [...YEAR_FORWARD, ...YEAR_BACKWARD], SCAN_BACK);
    return cue !== null && YEAR_BACKWARD.includes(cue) ? { kind: 'annual', n: 0, year: y } : null;
  }
  return null;
}

function mostFrequent(list: readonly Candidate[], by: (c: Candidate) => number): Candidate | undefined {
  const counts = new Map<number, number>();
  for (const c of list) counts.set(by(c), (counts.get(by(c)) ?? 0) + 1);
  let best: Candidate | undefined;
  for (const c of list)
    if (best === undefined || (counts.get(by(c)) ?? 0) > (counts.get(by(best)) ?? 0)) best = c;
  return best;
}

const PRIORITY: readonly Kind[] = [
  'cumulative',
  'quarter',
  'ytd',
  'month',
  'annual',
  'sinceYear',
  'meetingMonth',
];
/** The first candidates decide; a huge text cannot make the list grow without bound. */
const MAX_CANDIDATES = 5000;

/** Period mentions and year votes gathered piece by piece over a text, then one decision. */
export class PeriodEvidence {
  private readonly candidates: Candidate[] = [];
  private readonly votes = new Map<number, number>();

  add(tokens: readonly Token[], sentences: readonly Range[]): void {
    for (const s of sentences) {
      for (let i = s.from; i < s.to; i++) {
        if (this.candidates.length < MAX_CANDIDATES) {
          const c = candidateAt(tokens, i, s);
          if (c !== null) this.candidates.push(c);
        }
        this.voteAt(tokens, i);
      }
    }
  }

  /** The year a text most likely speaks of: written years, dates, and "cùng kỳ năm Y" (→ Y + 1). */
  private voteAt(tokens: readonly Token[], i: number): void {
    const y = yearAt(tokens, i);
    if (y === null) return;
    const before = key(tokens, i - 1);
    if (before === 'năm') this.vote(key(tokens, i - 2) === 'kỳ' ? y + 1 : y, 1);
    else if (tokens[i - 1]?.text === '/' && tokens[i - 2]?.kind === 'num' && !tokens[i - 1]?.space)
      this.vote(y, 2);
  }

  private vote(y: number, w: number): void {
    this.votes.set(y, (this.votes.get(y) ?? 0) + w);
  }

  private textYear(): number | null {
    const votes = new Map(this.votes);
    for (const c of this.candidates) if (c.year !== null) votes.set(c.year, (votes.get(c.year) ?? 0) + 3);
    let best: number | null = null;
    let bestVotes = 0;
    for (const [y, v] of votes) {
      if (v > bestVotes || (v === bestVotes && best !== null && y > best)) {
        best = y;
        bestVotes = v;
      }
    }
    return best;
  }

  result(fallbackYear?: number): PeriodResult {
    const candidates = this.candidates;
    const guessed = this.textYear() ?? fallbackYear ?? null;
    for (const kind of PRIORITY) {
      const list = candidates.filter((c) => c.kind === kind);
      const pick =
        kind === 'cumulative'
          ? mostFrequent(list, (c) => c.n)
          : kind === 'annual' || kind === 'sinceYear'
            ? mostFrequent(list, (c) => c.year ?? 0)
            : list[0];
      if (pick === undefined) continue;
      // "3 tháng đầu năm" and "quý I" are the same window; the quarter is the name used.
      const quarter = candidates.find((c) => c.kind === 'quarter' && c.n === 1);
      if (kind === 'cumulative' && pick.n === 3 && quarter !== undefined) {
        return build('quarter', 1, quarter.year ?? pick.year ?? guessed);
      }
      // A period without its year takes the year written with the same period elsewhere.
      const sameN = candidates.find((c) => c.kind === kind && c.n === pick.n && c.year !== null);
      return build(kind, pick.n, pick.year ?? sameN?.year ?? guessed);
    }
    return { label: null, window: null, year: guessed, partOfYear: false };
  }
}

function build(kind: Kind, n: number, year: number | null): PeriodResult {
  const y = year === null ? '' : ` ${year}`;
  const window = (from: number, to: number): PeriodWindow | null =>
    year === null ? null : { year, fromMonth: from, toMonth: to };
  switch (kind) {
    case 'cumulative':
      return { label: `${n} tháng${y}`, window: window(1, n), year, partOfYear: true };
    case 'quarter':
      return { label: `quý ${ROMAN_OUT[n]}${y}`, window: window(3 * n - 2, 3 * n), year, partOfYear: true };
    case 'ytd':
      return { label: `lũy kế từ đầu năm${y}`, window: null, year, partOfYear: true };
    case 'month':
    case 'meetingMonth':
      return { label: `tháng ${n}${y}`, window: window(n, n), year, partOfYear: true };
    default:
      return { label: `năm${y}`, window: window(1, 12), year, partOfYear: false };
  }
}
