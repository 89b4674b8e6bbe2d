/**
 * The meeting a text describes: its date (the first day; the year from the text, else from the
 * period under review, which a review meeting follows), chair, body ("Ban Chấp hành Đảng bộ
 * thành phố"), session ("lần thứ sáu" → 6), term ("nhiệm kỳ 2020 - 2025") and kind ("mở rộng").
 */
import { ChairEvidence } from './chair.js';
import { readNumberWords } from './number-words.js';
import type { Range, Token } from './tokenizer.js';
import type { ExtractedMeeting } from './types.js';

const MEETING_NOUNS: readonly string[][] = [
  ['hội', 'nghị'],
  ['kỳ', 'họp'],
  ['phiên', 'họp'],
  ['cuộc', 'họp'],
  ['họp'],
  ['đại', 'hội'],
  ['buổi', 'làm', 'việc'],
  ['giao', 'ban'],
];
const DAY_WORDS = new Set(['ngày', 'sáng', 'chiều', 'tối', 'trưa']);
const KINDS: readonly string[][] = [
  ['mở', 'rộng'],
  ['thường', 'kỳ'],
  ['chuyên', 'đề'],
  ['bất', 'thường'],
  ['định', 'kỳ'],
];
const BODY_HEADS: readonly string[][] = [
  ['ban', 'chấp', 'hành', 'đảng', 'bộ'],
  ['ban', 'chấp', 'hành'],
  ['bch', 'đảng', 'bộ'],
  ['bch'],
  ['ban', 'thường', 'vụ'],
  ['btv'],
  ['thường', 'trực', 'hđnd'],
  ['thường', 'trực'],
  ['ủy', 'ban', 'nhân', 'dân'],
  ['ubnd'],
  ['hội', 'đồng', 'nhân', 'dân'],
  ['hđnd'],
  ['đảng', 'ủy'],
  ['huyện', 'ủy'],
  ['thành', 'ủy'],
  ['tỉnh', 'ủy'],
  ['quận', 'ủy'],
  ['thị', 'ủy'],
  ['chi', 'bộ'],
];
const LEVELS: readonly string[][] = [
  ['thành', 'phố'],
  ['thị', 'xã'],
  ['thị', 'trấn'],
  ['tỉnh'],
  ['huyện'],
  ['quận'],
  ['xã'],
  ['phường'],
];
const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50 };

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

function seqAt(tokens: readonly Token[], i: number, list: readonly string[][]): number {
  for (const words of list) {
    let ok = true;
    for (let w = 0; w < words.length && ok; w++) ok = key(tokens, i + w) === words[w];
    if (ok) return words.length;
  }
  return 0;
}

function num(tokens: readonly Token[], i: number, max: number): number | null {
  const t = tokens[i];
  if (t?.kind !== 'num' || !/^\d+$/.test(t.text)) return null;
  const n = Number(t.text);
  return n >= 1 && n <= max ? n : null;
}

interface DateParts {
  readonly day: number;
  readonly month: number;
  readonly year: number | null;
}

/** "Ngày 06/10", "Sáng 7-7", "chiều ngày 28/3/2024", "ngày 9 tháng 12 năm 2021", "Ngày 2 và 3-8". */
function dateAt(tokens: readonly Token[], i: number): DateParts | null {
  if (!DAY_WORDS.has(key(tokens, i))) return null;
  // Page furniture: "Cập nhật ngày: 05/06/2022 10:15:00".
  if (key(tokens, i - 1) === 'nhật' || key(tokens, i - 1) === 'đăng') return null;
  let j = i + 1;
  if (key(tokens, j) === 'ngày') j++;
  const day = num(tokens, j, 31);
  if (day === null) return null;
  j++;
  if (key(tokens, j) === 'và' && num(tokens, j + 1, 31) !== null) j += 2;
  let month: number | null = null;
  let year: number | null = null;
  const sep = tokens[j]?.text;
  if ((sep === '/' || sep === '-') && !tokens[j + 1]?.space) {
    month = num(tokens, j + 1, 12);
    j += 2;
    if (tokens[j]?.text === sep && !tokens[j + 1]?.space) {
      year = num(tokens, j + 1, 2100);
      j += 2;
    }
  } else if (key(tokens, j) === 'tháng') {
    month = num(tokens, j + 1, 12);
    j += 2;
    if (key(tokens, j) === 'năm') year = num(tokens, j + 1, 2100);
  }
  if (month === null) return null;
  if (tokens[j]?.kind === 'num' && tokens[j + 1]?.text === ':') return null;
  return { day, month, year: year !== null && year >= 1900 ? year : null };
}

const MEETING_FIRST_WORDS = new Set(MEETING_NOUNS.map((w) => w[0]));

function hasMeetingWord(tokens: readonly Token[], s: Range): boolean {
  for (let i = s.from; i < s.to; i++) {
    if (MEETING_FIRST_WORDS.has(key(tokens, i)) && seqAt(tokens, i, MEETING_NOUNS) > 0) return true;
  }
  return false;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export interface MeetingContext {
  /** Year and last month of the period under review, when known. */
  readonly year: number | null;
  readonly periodEndMonth: number | null;
}

function resolveDate(found: DateParts, ctx: MeetingContext): string | null {
  let year = found.year ?? ctx.year;
  if (year === null) return null;
  // A review meeting follows its period: January's meeting on last year's results is next year.
  if (found.year === null && ctx.periodEndMonth !== null && ctx.periodEndMonth - found.month > 6) year++;
  return `${year}-${pad(found.month)}-${pad(found.day)}`;
}

function roman(text: string): number | null {
  let total = 0;
  let prev = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const v = ROMAN[text.charAt(i).toLowerCase()];
    if (v === undefined) return null;
    total += v < prev ? -v : v;
    prev = Math.max(prev, v);
  }
  return total > 0 ? total : null;
}

/** "lần thứ sáu", "lần thứ 14", "kỳ họp thứ 11", "lần thứ X". */
function sessionAt(tokens: readonly Token[], i: number): number | null {
  if (key(tokens, i) !== 'thứ' || !['lần', 'họp'].includes(key(tokens, i - 1))) return null;
  const t = tokens[i + 1];
  if (t === undefined) return null;
  if (t.kind === 'num') return num(tokens, i + 1, 999);
  if (t.upper && t.text === t.text.toUpperCase()) return roman(t.text);
  return readNumberWords(tokens, i + 1)?.value ?? null;
}

/** "nhiệm kỳ 2020 - 2025" → "2020-2025". */
function termAt(tokens: readonly Token[], i: number): string | null {
  if (key(tokens, i) !== 'nhiệm' || key(tokens, i + 1) !== 'kỳ') return null;
  const a = num(tokens, i + 2, 2100);
  const dash = tokens[i + 3]?.text;
  const b = num(tokens, i + 4, 2100);
  return a !== null && b !== null && (dash === '-' || dash === '–') ? `${a}-${b}` : null;
}

/** "Ban Chấp hành Đảng bộ thành phố", "UBND huyện", "Thường trực HĐND huyện". */
function bodyAt(tokens: readonly Token[], i: number): string | null {
  const head = seqAt(tokens, i, BODY_HEADS);
  if (head === 0) return null;
  let j = i + head;
  const level = seqAt(tokens, j, LEVELS);
  j += level;
  return tokens
    .slice(i, j)
    .map((t) => t.text)
    .join(' ');
}

/** The meeting's details come from the first sentences that mention it. */
const MEETING_SENTENCES = 6;

/** Meeting details gathered piece by piece over a text. */
export class MeetingEvidence {
  private seen = 0;
  private date: DateParts | null = null;
  private session: number | null = null;
  private term: string | null = null;
  private kind: string | null = null;
  private bodyAfterNoun: string | null = null;
  private body: string | null = null;
  private readonly chair = new ChairEvidence();

  add(tokens: readonly Token[], sentences: readonly Range[]): void {
    for (const s of sentences) {
      this.chair.add(tokens, s);
      if (this.seen < MEETING_SENTENCES && hasMeetingWord(tokens, s)) {
        this.seen++;
        this.read(tokens, s);
      }
    }
  }

  private read(tokens: readonly Token[], s: Range): void {
    for (let i = s.from; i < s.to; i++) {
      this.date ??= dateAt(tokens, i);
      this.session ??= sessionAt(tokens, i);
      this.term ??= termAt(tokens, i);
      this.body ??= bodyAt(tokens, i);
      if (this.kind === null) {
        const n = seqAt(tokens, i, KINDS);
        if (n > 0)
          this.kind = tokens
            .slice(i, i + n)
            .map((t) => t.key)
            .join(' ');
      }
      // The body named right after the meeting noun ("hội nghị Ban Chấp hành …") is the meeting's own.
      if (this.bodyAfterNoun === null) {
        const n = seqAt(tokens, i, MEETING_NOUNS);
        if (n > 0) this.bodyAfterNoun = bodyAt(tokens, i + n);
      }
    }
  }

  result(ctx: MeetingContext): ExtractedMeeting | null {
    if (this.seen === 0) return null;
    return {
      date: this.date === null ? null : resolveDate(this.date, ctx),
      chair: this.chair.result(),
      body: this.bodyAfterNoun ?? this.body,
      session: this.session,
      term: this.term,
      kind: this.kind,
    };
  }
}
