/**
 * Who chaired: the person(s) written as chairing ("Đồng chí X … chủ trì hội nghị", "Chủ trì hội
 * nghị có …", "A; B … cùng chủ trì"); failing that, the person who delivered the conclusion
 * ("Phát biểu kết luận, đồng chí X …"), and when only a title is given there ("đồng chí Bí thư
 * Huyện ủy nhấn mạnh"), the person named earlier with exactly that title.
 */
import { namesIn, type PersonName } from './names.js';
import type { Range, Token } from './tokenizer.js';

const TITLE_WINDOW = 6;
const SEGMENT = 15;
/** Names remembered for resolving a title; the person is introduced near the start. */
const MAX_NAMES = 500;
/** Conclusions whose title is looked up among the names; a text has one or two. */
const MAX_TITLE_LOOKUPS = 3;

/** A name met earlier, with the words written after it (its titles). */
interface NameRecord {
  readonly text: string;
  readonly following: readonly string[];
}

function key(tokens: readonly Token[], i: number): string {
  return tokens[i]?.key ?? '';
}

function findPair(tokens: readonly Token[], s: Range, a: string, b: string): number {
  for (let i = s.from; i < s.to - 1; i++) if (key(tokens, i) === a && key(tokens, i + 1) === b) return i;
  return -1;
}

function chairedBy(tokens: readonly Token[], s: Range, at: number): PersonName[] {
  const before = namesIn(tokens, s.from, at);
  if (before.length > 0) {
    const jointly = ['cùng', 'đồng'].includes(key(tokens, at - 1));
    const last = before[before.length - 1] as PersonName;
    return jointly ? before : [last];
  }
  return namesIn(tokens, at + 2, s.to);
}

function record(tokens: readonly Token[], n: PersonName): NameRecord {
  const following: string[] = [];
  for (let p = n.to; p < n.to + SEGMENT; p++) {
    const t = tokens[p];
    if (t === undefined || t.text === ';' || t.text === '.') break;
    following.push(t.key);
  }
  return { text: n.text, following };
}

/** "đồng chí Bí thư Huyện ủy" → the name followed by "Bí thư Huyện ủy" earlier in the text. */
function resolveTitle(
  tokens: readonly Token[],
  titleFrom: number,
  names: readonly NameRecord[],
): string | null {
  const title: string[] = [];
  for (let i = titleFrom; i < titleFrom + TITLE_WINDOW && tokens[i]?.kind === 'word'; i++)
    title.push(key(tokens, i));
  if (title.length < 2) return null;
  let best: string | null = null;
  let bestLen = 1;
  for (const n of names) {
    const f = n.following;
    for (let p = 0; p < f.length; p++) {
      let len = 0;
      while (len < title.length && f[p + len] === title[len]) len++;
      // "Phó Chủ tịch HĐND huyện" is not "Chủ tịch HĐND huyện".
      if (len > bestLen && f[p - 1] !== 'phó') {
        best = n.text;
        bestLen = len;
      }
    }
  }
  return best;
}

function concludedBy(
  tokens: readonly Token[],
  s: Range,
  at: number,
  names: readonly NameRecord[],
): string | null {
  const after = namesIn(tokens, at + 2, s.to);
  if (after[0] !== undefined) return after[0].text;
  const before = namesIn(tokens, s.from, at);
  const last = before[before.length - 1];
  if (last !== undefined) return last.text;
  for (let i = at + 2; i < s.to - 1; i++) {
    if (key(tokens, i) === 'đồng' && key(tokens, i + 1) === 'chí') return resolveTitle(tokens, i + 2, names);
  }
  return null;
}

/** Reads sentences in order; "chủ trì" anywhere outranks "kết luận". */
export class ChairEvidence {
  private chaired: string | null = null;
  private concluded: string | null = null;
  private readonly names: NameRecord[] = [];
  private lookups = 0;

  add(tokens: readonly Token[], s: Range): void {
    if (this.chaired !== null) return;
    const at = findPair(tokens, s, 'chủ', 'trì');
    if (at >= 0) {
      const names = chairedBy(tokens, s, at);
      if (names.length > 0) {
        this.chaired = [...new Set(names.map((n) => n.text))].join('; ');
        return;
      }
    }
    if (this.concluded === null && this.lookups < MAX_TITLE_LOOKUPS) {
      const k = findPair(tokens, s, 'kết', 'luận');
      if (k >= 0) {
        this.lookups++;
        this.concluded = concludedBy(tokens, s, k, this.names);
      }
    }
    if (this.names.length < MAX_NAMES)
      for (const n of namesIn(tokens, s.from, s.to)) this.names.push(record(tokens, n));
  }

  result(): string | null {
    return this.chaired ?? this.concluded;
  }
}
