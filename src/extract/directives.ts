/**
 * Directives in a conclusion: after "Phát biểu kết luận …" the text that follows "yêu cầu" /
 * "đề nghị" / "nhấn mạnh", one entry per task (clauses split at semicolons, sentence ends and
 * "(1)", "(2)" markers), marked key when introduced by "trọng tâm là".
 */
import type { Range, Token } from './tokenizer.js';
import type { ExtractedDirective } from './types.js';

const CONCLUSION_CUES: readonly string[][] = [
  ['kết', 'luận'],
  ['phát', 'biểu', 'chỉ', 'đạo'],
  ['bế', 'mạc'],
];
const DIRECTIVE_VERBS: readonly string[][] = [
  ['yêu', 'cầu'],
  ['đề', 'nghị'],
  ['nhấn', 'mạnh'],
  ['lưu', 'ý'],
];
const CONNECTORS: readonly string[][] = [
  ['trong', 'đó'],
  ['trọng', 'tâm', 'là'],
  ['đồng', 'thời'],
  ['như'],
  ['và'],
  ['cần'],
  ['phải'],
];
/** Shorter lines (captions, bylines) end the conclusion. */
const MIN_LINE_TOKENS = 8;
const MIN_WORDS = 3;

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

function seqAt(tokens: readonly Token[], i: number, list: readonly string[][]): number {
  for (const words of list) if (words.every((w, k) => key(tokens, i + k) === w)) return words.length;
  return 0;
}

function firstIn(
  tokens: readonly Token[],
  s: Range,
  list: readonly string[][],
): { at: number; len: number } | null {
  for (let i = s.from; i < s.to; i++) {
    const len = seqAt(tokens, i, list);
    if (len > 0) return { at: i, len };
  }
  return null;
}

function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  return firstIn(tokens, { from, to }, DIRECTIVE_VERBS) !== null;
}

/** Token index where the tasks start, and where the conclusion ends. */
function region(tokens: readonly Token[], sentences: readonly Range[]): { from: number; to: number } | null {
  const k = sentences.findIndex((s) => firstIn(tokens, s, CONCLUSION_CUES) !== null);
  if (k < 0) return null;
  let from = -1;
  for (let n = k; n < Math.min(sentences.length, k + 3) && from < 0; n++) {
    const s = sentences[n] as Range;
    const v = firstIn(tokens, s, DIRECTIVE_VERBS);
    if (v === null) continue;
    from = v.at + v.len;
    // "… thực hiện tốt các nội dung sau: (1) …": the list follows the colon.
    for (let i = from; i < s.to && tokens[i]?.text !== ';'; i++) {
      if (tokens[i]?.text === ':') {
        from = i + 1;
        break;
      }
    }
  }
  if (from < 0) return null;
  // The conclusion runs to the end of its line, and on through lines that continue a wrapped
  // sentence or give more instructions ("Đồng chí nhấn mạnh, cần …").
  let to = from;
  for (let i = from; i < tokens.length; ) {
    let lineEnd = i + 1;
    while (lineEnd < tokens.length && (tokens[lineEnd] as Token).lines === 0) lineEnd++;
    const first = tokens[i] as Token;
    if (i > from && first.lines > 0) {
      const wrapped = first.kind === 'word' && !first.upper;
      if (lineEnd - i < MIN_LINE_TOKENS || !(wrapped || hasVerb(tokens, i, lineEnd))) break;
    }
    to = lineEnd;
    i = lineEnd;
  }
  return { from, to };
}

function isClauseEnd(tokens: readonly Token[], i: number, sentenceEnds: Set<number>): boolean {
  const t = tokens[i];
  if (t === undefined) return true;
  if (t.text === ';' || sentenceEnds.has(i + 1)) return true;
  // "(2) Đẩy nhanh …": a numbered task starts a new clause.
  return tokens[i + 1]?.text === '(' && tokens[i + 2]?.kind === 'num' && tokens[i + 3]?.text === ')';
}

export function findDirectives(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Range[],
): ExtractedDirective[] {
  const r = region(tokens, sentences);
  if (r === null) return [];
  const sentenceEnds = new Set(sentences.map((s) => s.to));
  const out: ExtractedDirective[] = [];
  let from = r.from;
  let keyTask = false;
  for (let i = r.from; i < r.to; i++) {
    if (key(tokens, i) === 'trọng' && key(tokens, i + 1) === 'tâm') keyTask = true;
    if (!isClauseEnd(tokens, i, sentenceEnds) && i < r.to - 1) continue;
    const d = clause(text, tokens, from, i + 1, keyTask);
    if (d !== null) out.push(d);
    if (sentenceEnds.has(i + 1)) keyTask = false;
    from = i + 1;
  }
  return out;
}

/** A clause that opens with its speaker ("Đồng chí nhấn mạnh, cần …") starts after the verb. */
const SPEAKER_WINDOW = 10;
const SPEAKER_ENDS = new Set(['chí', 'thư', 'tịch', 'trưởng', 'đốc', 'ông', 'bà']);

function clause(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  keyTask: boolean,
): ExtractedDirective | null {
  let a = from;
  const verb = firstIn(tokens, { from, to: Math.min(to, from + SPEAKER_WINDOW) }, DIRECTIVE_VERBS);
  // "… nhấn mạnh, cần …", "Đồng chí yêu cầu …"; not "đáp ứng yêu cầu nhiệm vụ".
  const after = tokens[(verb?.at ?? 0) + (verb?.len ?? 0)]?.text;
  if (verb !== null && (after === ',' || after === ':' || SPEAKER_ENDS.has(key(tokens, verb.at - 1)))) {
    a = verb.at + verb.len;
  }
  for (let again = true; again; ) {
    again = false;
    const t = tokens[a];
    if (t === undefined || a >= to) return null;
    if (t.kind === 'punct' || t.kind === 'num') {
      a++;
      again = true;
      continue;
    }
    const n = seqAt(tokens, a, CONNECTORS);
    if (n > 0) {
      a += n;
      again = true;
    }
  }
  let b = to;
  while (b > a && tokens[b - 1]?.kind === 'punct') b--;
  let words = 0;
  for (let i = a; i < b; i++) if (tokens[i]?.kind === 'word') words++;
  if (words < MIN_WORDS) return null;
  const start = tokens[a]?.start ?? 0;
  const end = tokens[b - 1]?.end ?? start;
  return { text: text.slice(start, end).replace(/\s+/g, ' '), span: [start, end], key: keyTask };
}
