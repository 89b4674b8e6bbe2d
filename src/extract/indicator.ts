/**
 * The indicator phrase of a figure: the clause's subject before the verb, without connectors
 * ("trong đó", "cụ thể"), period phrases ("9 tháng đầu năm 2021", "tháng 8/2024") and the verb
 * itself. For counts the counted noun completes it: "kết nạp" + "đảng viên mới".
 */
import { HEDGES } from './lexicon.js';
import type { Token } from './tokenizer.js';

const LEADING: readonly string[][] = [
  ['trong', 'đó'],
  ['cụ', 'thể'],
  ['nổi', 'bật', 'là'],
  ['tính', 'chung'],
  ['bên', 'cạnh', 'đó'],
  ['đồng', 'thời'],
  ['đến', 'nay'],
  ['theo', 'đó'],
  ['ngoài', 'ra'],
  ['lũy', 'kế'],
  ['như'],
  ['với'],
  ['và'],
  ['riêng'],
  ['còn'],
  ['trong'],
  ['kết', 'quả'],
];

const TRAILING = new Set([
  ...HEDGES,
  'đạt',
  'là',
  'có',
  'thực',
  'hiện',
  'bằng',
  'tăng',
  'giảm',
  'với',
  'cho',
  'của',
  'lên',
  'còn',
  'xuống',
  'tiếp',
  'tục',
  'mới',
  'nay',
  'ở',
  'tại',
  'trong',
]);

const MEASURES = new Set(['ha', 'tấn', 'tạ', 'kg', 'km', 'm2', 'm3', 'lít', '%', 'con']);
const TAIL_STOP = new Set([
  'đạt',
  'tăng',
  'giảm',
  'bằng',
  'và',
  'với',
  'trong',
  'là',
  'chiếm',
  'so',
  'từ',
  'cho',
  'tại',
]);

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

function isNum(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.kind === 'num';
}

/** Length of a connector opening the subject at token i ("trong đó", "cụ thể"), or 0. */
function leadingAt(tokens: readonly Token[], i: number, to: number): number {
  for (const words of LEADING) {
    if (i + words.length > to) continue;
    let w = 0;
    while (w < words.length && key(tokens, i + w) === words[w]) w++;
    if (w === words.length) return w;
  }
  return 0;
}

/** Length of a period phrase starting at i ("9 tháng đầu năm 2021", "tháng 8/2024", "năm 2021"), or 0. */
function periodPhraseAt(tokens: readonly Token[], i: number): number {
  let j = i;
  if (key(tokens, j) === 'trong' || key(tokens, j) === 'lũy') j += key(tokens, j) === 'lũy' ? 2 : 1;
  if (isNum(tokens, j) && key(tokens, j + 1) === 'tháng') {
    j += 2;
    if (key(tokens, j) === 'đầu' && key(tokens, j + 1) === 'năm') j += isNum(tokens, j + 2) ? 3 : 2;
  } else if (
    (key(tokens, j) === 'tháng' || key(tokens, j) === 'quý') &&
    (isNum(tokens, j + 1) || tokens[j + 1]?.upper)
  ) {
    j += 2;
    if (tokens[j]?.text === '/' && isNum(tokens, j + 1)) j += 2;
  } else if (key(tokens, j) !== 'năm' || !isNum(tokens, j + 1)) {
    return 0;
  }
  if (key(tokens, j) === 'năm' && isNum(tokens, j + 1)) j += 2;
  return j - i;
}

function joinKept(tokens: readonly Token[], kept: readonly number[]): string {
  let s = '';
  let prev = -2;
  for (const i of kept) {
    const t = tokens[i];
    if (t === undefined) continue;
    if (s !== '' && (t.space || i !== prev + 1)) s += ' ';
    s += t.text;
    prev = i;
  }
  return s.replace(/^[\s,;:.\-–]+|[\s,;:\-–]+$/gu, '');
}

export interface IndicatorInput {
  /** Subject tokens [from, to). */
  readonly from: number;
  readonly to: number;
  readonly unit: string | null;
  /** Tokens of the written unit [from, to), when the figure has a number with a unit. */
  readonly unitTokens: { readonly from: number; readonly to: number } | null;
  readonly sentenceEnd: number;
}

export function indicatorPhrase(tokens: readonly Token[], p: IndicatorInput): string {
  let from = p.from;
  for (let again = true; again && from < p.to; ) {
    again = false;
    const t = tokens[from];
    if (t?.kind === 'punct' && t.text !== '(') {
      from++;
      again = true;
      continue;
    }
    const n = leadingAt(tokens, from, p.to);
    if (n > 0) {
      from += n;
      again = true;
    }
  }
  const kept: number[] = [];
  for (let i = from; i < p.to; ) {
    const n = periodPhraseAt(tokens, i);
    if (n > 0) {
      i += n;
      continue;
    }
    kept.push(i);
    i++;
  }
  // "toàn huyện có 7 xã đạt chuẩn …": the subject owns the count; the count names the indicator.
  const owner = key(tokens, p.to) === 'có' || key(tokens, kept[kept.length - 1] ?? -1) === 'có';
  while (kept.length > 0 && TRAILING.has(key(tokens, kept[kept.length - 1] ?? -1))) kept.pop();

  const counted =
    p.unit !== null && !/đồng|USD|%/.test(p.unit) && !MEASURES.has(p.unit.split(/[\s/]/)[0] ?? '');
  // The count completes the subject unless the subject already names what is counted
  // ("tổng số đảng viên … lên 1.150 đảng viên", "số trâu bò chết rét là 120 con").
  const subject = ` ${kept.map((i) => key(tokens, i)).join(' ')} `;
  const namesCount = subject.includes(` ${p.unit} `) || ['số', 'tổng'].includes(key(tokens, kept[0] ?? -1));
  if (counted && p.unitTokens !== null && (owner || !namesCount)) {
    if (owner) kept.length = 0;
    // "kết nạp 57 đảng viên mới" → "kết nạp đảng viên mới": the counted noun and what follows it.
    const unitIdx: number[] = [];
    for (let i = p.unitTokens.from; i < p.unitTokens.to; i++) if (tokens[i]?.kind === 'word') unitIdx.push(i);
    const tail: number[] = [];
    for (let i = p.unitTokens.to; i < p.sentenceEnd && tail.length < 8; i++) {
      const t = tokens[i];
      if (t === undefined || t.kind !== 'word') break;
      if (TAIL_STOP.has(t.key) && !(t.key === 'đạt' && tokens[i + 1]?.key === 'chuẩn')) break;
      tail.push(i);
    }
    return joinKept(tokens, [...kept, ...unitIdx, ...tail]);
  }
  return joinKept(tokens, kept);
}
