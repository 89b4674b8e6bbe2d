/**
 * What a report names as lagging: "tiến độ … còn chậm (kết quả thu ngân sách, tiến độ giải ngân
 * các nguồn vốn, kết nạp đảng viên mới…)" → the bracketed items; "3/25 chỉ tiêu chưa đạt là, A
 * và B" → A, B; otherwise the subject of "… còn chậm" / "… chưa đạt" itself.
 */
import type { Range, Token } from './tokenizer.js';

const MARKERS: readonly string[][] = [
  ['còn', 'chậm'],
  ['chưa', 'đạt'],
  ['không', 'đạt'],
  ['đạt', 'thấp'],
  ['còn', 'thấp'],
  ['chưa', 'hoàn', 'thành'],
];
const LIST_INTRO = new Set(['là', 'như', 'gồm', ':']);
const LEADING = new Set([
  'tuy',
  'nhiên',
  'bên',
  'cạnh',
  'đó',
  'vẫn',
  'còn',
  'như',
  'là',
  'gồm',
  'và',
  'song',
  'nhưng',
]);
const SUBJECT_MAX = 14;

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

const MARKER_FIRST = new Set(MARKERS.map((w) => w[0]));

function markerAt(tokens: readonly Token[], i: number): number {
  if (!MARKER_FIRST.has(key(tokens, i))) return 0;
  for (const words of MARKERS) if (words.every((w, k) => key(tokens, i + k) === w)) return words.length;
  return 0;
}

/** Source text of tokens [from, to), trimmed of list punctuation and trailing ellipses. */
function slice(text: string, tokens: readonly Token[], from: number, to: number): string {
  while (from < to && (tokens[from]?.kind === 'punct' || LEADING.has(key(tokens, from)))) from++;
  while (to > from && tokens[to - 1]?.kind === 'punct') to--;
  if (to <= from) return '';
  return text.slice(tokens[from]?.start ?? 0, tokens[to - 1]?.end ?? 0).replace(/\s+/g, ' ');
}

/** Splits a list on commas and semicolons, and on the "và" after the last comma ("A, B và C"). */
function splitList(text: string, tokens: readonly Token[], from: number, to: number): string[] {
  const cuts: number[] = [];
  let lastComma = -1;
  for (let i = from; i < to; i++) {
    const x = tokens[i]?.text;
    if (x === ',' || x === ';') {
      cuts.push(i);
      lastComma = i;
    }
  }
  for (let i = Math.max(from, lastComma + 1); i < to; i++) {
    if (key(tokens, i) === 'và') {
      cuts.push(i);
      break;
    }
  }
  cuts.sort((a, b) => a - b);
  const out: string[] = [];
  let start = from;
  for (const c of [...cuts, to]) {
    const item = slice(text, tokens, start, c);
    if (item !== '') out.push(item);
    start = c + 1;
  }
  return out;
}

function clauseStartBefore(tokens: readonly Token[], i: number, lo: number): number {
  for (let j = i - 1; j >= Math.max(lo, i - SUBJECT_MAX); j--) {
    const x = tokens[j]?.text;
    if (x === ',' || x === ';' || x === ':' || x === '.' || x === ')') return j + 1;
  }
  return Math.max(lo, i - SUBJECT_MAX);
}

export function findLagging(text: string, tokens: readonly Token[], sentences: readonly Range[]): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    for (let i = s.from; i < s.to; i++) {
      const m = markerAt(tokens, i);
      if (m === 0) continue;
      let j = i + m;
      // "chưa đạt kế hoạch (…)": a yardstick may sit between the marker and its list.
      while (j < s.to && j < i + m + 3 && tokens[j]?.kind === 'word' && !LIST_INTRO.has(key(tokens, j))) j++;
      const next = tokens[j];
      if (next?.text === '(') {
        let c = j + 1;
        while (c < s.to && tokens[c]?.text !== ')') c++;
        out.push(...splitList(text, tokens, j + 1, c));
        i = c;
      } else if (next !== undefined && LIST_INTRO.has(next.key) && j < s.to) {
        out.push(...splitList(text, tokens, j + 1, s.to));
        i = s.to;
      } else {
        const subject = slice(text, tokens, clauseStartBefore(tokens, i, s.from), i);
        if (subject !== '') out.push(subject);
        i += m - 1;
      }
    }
  }
  return [...new Set(out)];
}
