/**
 * Splits Vietnamese text into words, numbers and single punctuation marks, keeping offsets into
 * the original string so every result can point back at its source (spans). One sticky regex
 * with no nested quantifiers keeps the scan linear, whatever the input.
 */

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  /** As written. */
  readonly text: string;
  /** Lower case, NFC, one spelling per word ("hoá" → "hóa", "uỷ" → "ủy", "quí" → "quý"). */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Whitespace separates this token from the previous one. */
  readonly space: boolean;
  /** Newlines between this token and the previous one (capped at 2: 2 means a blank line). */
  readonly lines: number;
  /** Starts with a capital letter. */
  readonly upper: boolean;
}

/** A half-open range of token indices. */
export interface Range {
  readonly from: number;
  readonly to: number;
}

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const COMBINING = /[\u0300-\u036f]/;

/** Letters of Vietnamese in the fast path; other scripts ask the Unicode tables. */
function isLetter(c: number, text: string, i: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  if (c >= 0x300 && c <= 0x36f) return false;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(text.slice(i, i + 2));
  return LETTER.test(text.charAt(i));
}

function isMark(c: number, text: string, i: number): boolean {
  if (c >= 0x300 && c <= 0x36f) return true;
  return c >= 0x370 && c < 0xd800 && MARK.test(text.charAt(i));
}

function isSpace(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Old-style tone placement on open syllables, written both ways in the same documents.
const OLD_TONES: Record<string, string> = {
  oà: 'òa',
  oá: 'óa',
  oả: 'ỏa',
  oã: 'õa',
  oạ: 'ọa',
  oè: 'òe',
  oé: 'óe',
  oẻ: 'ỏe',
  oẽ: 'õe',
  oẹ: 'ọe',
  uỳ: 'ùy',
  uý: 'úy',
  uỷ: 'ủy',
  uỹ: 'ũy',
  uỵ: 'ụy',
};

// i/y spellings of the same word.
const I_Y: Record<string, string> = { quí: 'quý', kì: 'kỳ', tỉ: 'tỷ', lí: 'lý', kĩ: 'kỹ' };

const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 50_000;

function computeKey(word: string, nfd: boolean): string {
  let k = (nfd ? word.normalize('NFC') : word).toLowerCase();
  const ij = I_Y[k];
  if (ij !== undefined) return ij;
  if (k.length >= 2) {
    const tail = k.slice(-2);
    const fixed = OLD_TONES[tail];
    // "quý" keeps its mark on the y: "qu" is one consonant.
    if (fixed !== undefined && !(tail.startsWith('u') && k.at(-3) === 'q')) k = k.slice(0, -2) + fixed;
  }
  return k;
}

/** The comparison key of a word (see Token.key). */
export function wordKey(word: string): string {
  let k = keyCache.get(word);
  if (k === undefined) {
    k = computeKey(word, COMBINING.test(word));
    // Bounded so adversarial input with millions of distinct words cannot grow it forever.
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(word, k);
  }
  return k;
}

const MARKS: string[] = [];

/** Single-character marks, made once: most tokens of a report are commas and full stops. */
function mark(c: number): string {
  if (c >= 0x3000) return String.fromCharCode(c);
  let m = MARKS[c];
  if (m === undefined) {
    m = String.fromCharCode(c);
    MARKS[c] = m;
  }
  return m;
}

/**
 * A word is a letter followed by letters or combining marks (NFD input stays one word); a number
 * is digits with single "." or "," between digit groups; anything else is one mark. A single
 * forward scan with no backtracking.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const nfd = COMBINING.test(text.length === to - from ? text : text.slice(from, to));
  const n = to;
  let i = from;
  let prevEnd = from;
  let lines = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10 && lines < 2) lines++;
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    // Plain lower-case ASCII words are their own key: no lookup needed.
    let plain = c >= 97 && c <= 122;
    if (isLetter(c, text, i)) {
      kind = 'word';
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 97 && d <= 122) {
          i++;
          continue;
        }
        plain = false;
        if (d >= 0xd800 && d <= 0xdbff) {
          if (!isLetter(d, text, i)) break;
          i += 2;
        } else if (isLetter(d, text, i) || isMark(d, text, i)) i++;
        else break;
      }
    } else if (isDigit(c)) {
      plain = false;
      kind = 'num';
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) i++;
        else if ((d === 46 || d === 44) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
    } else {
      plain = false;
      kind = 'punct';
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      i += c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    }
    const t = kind === 'punct' && i - start === 1 ? mark(c) : text.slice(start, i);
    const key = kind === 'word' && !plain ? wordKey(t) : t;
    const first = t.charCodeAt(0);
    const upper =
      kind === 'word' &&
      (first < 0x80
        ? first >= 65 && first <= 90
        : nfd
          ? t !== t.toLowerCase() && t.charAt(0) !== t.charAt(0).toLowerCase()
          : first !== key.charCodeAt(0));
    out.push({ kind, text: t, key, start, end: i, space: start > prevEnd, lines, upper });
    prevEnd = i;
    lines = 0;
  }
  return out;
}

const CHUNK = 1 << 16;

/**
 * Cuts long texts into pieces of about 64K characters at line breaks (else at a space), so
 * tokens of one piece at a time are alive: memory stays flat however long the input.
 */
export function chunkRanges(text: string): Range[] {
  const out: Range[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      // Searches stay inside [to, limit]: indexOf/lastIndexOf would scan the whole text each time.
      const limit = Math.min(text.length, from + 2 * CHUNK);
      let cut = -1;
      for (let i = to; i < limit && cut < 0; i++) if (text.charCodeAt(i) === 10) cut = i + 1;
      for (let i = limit - 1; i >= to && cut < 0; i--) if (text.charCodeAt(i) === 32) cut = i + 1;
      to = cut > 0 ? cut : limit;
      // Never split a surrogate pair.
      const c = text.charCodeAt(to - 1);
      if (c >= 0xd800 && c <= 0xdbff && to < text.length) to++;
    }
    out.push({ from, to });
    from = to;
  }
  return out;
}

const END_MARKS = new Set(['.', '!', '?', '…']);

/**
 * Sentences: a line break always ends one; ".", "!", "?" or "…" ends one when a space and a
 * capital, a digit or a mark follow ("TP.HCM" and "2.404" stay whole). Semicolons do not.
 */
export function splitSentences(tokens: readonly Token[]): Range[] {
  const out: Range[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (i > from && t.lines > 0) {
      out.push({ from, to: i });
      from = i;
    }
    if (t.kind === 'punct' && END_MARKS.has(t.text)) {
      const next = tokens[i + 1];
      if (next === undefined) continue;
      if (next.lines > 0) continue;
      if (next.space && (next.upper || next.kind !== 'word')) {
        out.push({ from, to: i + 1 });
        from = i + 1;
      }
    }
  }
  if (from < tokens.length) out.push({ from, to: tokens.length });
  return out;
}
