/**
 * Matches extracted figures to a plan's indicators by their names: diacritic-insensitive (đ → d),
 * abbreviations spelled out (NTM, GRDP, TTCN…), filler words that qualify rather than name an
 * indicator ("nhà nước", "trên địa bàn", "tổng") counting for little, so "thu ngân sách" ≈ "thu
 * ngân sách nhà nước trên địa bàn" while "chi ngân sách" is not.
 */

export interface IndicatorRef {
  readonly id: number | string;
  readonly code: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

export interface IndicatorMatch<F, I> {
  readonly figure: F;
  readonly indicator: I | null;
  /** 0..1; the best score even when below the threshold (then indicator is null). */
  readonly score: number;
}

export interface MatchOptions {
  /** Lowest score accepted as a match (default 0.6). */
  readonly threshold?: number;
}

const ABBREVIATIONS: Record<string, string> = {
  ntm: 'nong thon moi',
  grdp: 'tong san pham tren dia ban',
  ttcn: 'tieu thu cong nghiep',
  nsnn: 'ngan sach nha nuoc',
  htx: 'hop tac xa',
  kt: 'kinh te',
  xh: 'xa hoi',
  tm: 'thuong mai',
  gtsx: 'gia tri san xuat',
  xk: 'xuat khau',
  nk: 'nhap khau',
  bhyt: 'bao hiem y te',
  bhxh: 'bao hiem xa hoi',
};
/** i/y spellings that fold differently: "tỉ lệ"/"tỷ lệ", "kì"/"kỳ", "quí"/"quý". */
const SPELLINGS: Record<string, string> = { ti: 'ty', ki: 'ky', qui: 'quy', li: 'ly' };
const FILLERS = new Set([
  'tren',
  'dia',
  'ban',
  'nha',
  'nuoc',
  'tong',
  'toan',
  'cua',
  'cac',
  'va',
  'so',
  'luy',
  'ke',
]);
const FILLER_WEIGHT = 0.25;
const DEFAULT_THRESHOLD = 0.6;
/** Different first words ("thu" / "chi") name different indicators. */
const HEAD_PENALTY = 0.8;

/** Lower case, no diacritics, đ → d, abbreviations spelled out, one space between words. */
export function foldName(s: string): string[] {
  const plain = s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (plain === '') return [];
  const out: string[] = [];
  for (const w of plain.split(' ')) {
    const expanded = ABBREVIATIONS[w];
    if (expanded !== undefined) out.push(...expanded.split(' '));
    else out.push(SPELLINGS[w] ?? w);
  }
  return out;
}

const weight = (w: string) => (FILLERS.has(w) ? FILLER_WEIGHT : 1);

function bigrams(words: readonly string[]): Set<string> {
  const content = words.filter((w) => !FILLERS.has(w));
  const out = new Set<string>();
  for (let i = 0; i + 1 < content.length; i++) out.add(`${content[i]} ${content[i + 1]}`);
  return out;
}

/** Similarity of two folded names, 0..1. */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  let wa = 0;
  let wb = 0;
  for (const w of sa) {
    wa += weight(w);
    if (sb.has(w)) inter += weight(w);
  }
  for (const w of sb) wb += weight(w);
  const dice = (2 * inter) / (wa + wb);
  const containment = inter / Math.min(wa, wb);
  const ba = bigrams(a);
  const bb = bigrams(b);
  let bigramScore = dice;
  if (ba.size > 0 && bb.size > 0) {
    let common = 0;
    for (const g of ba) if (bb.has(g)) common++;
    bigramScore = (2 * common) / (ba.size + bb.size);
  }
  let score = 0.4 * dice + 0.3 * containment + 0.3 * bigramScore;
  const headA = a.find((w) => !FILLERS.has(w));
  const headB = b.find((w) => !FILLERS.has(w));
  if (headA !== headB) score *= HEAD_PENALTY;
  return Math.round(score * 1000) / 1000;
}

/** For each figure, the best-matching indicator (or null below the threshold) and its score. */
export function matchIndicators<F extends { readonly indicator: string }, I extends IndicatorRef>(
  figures: readonly F[],
  indicators: readonly I[],
  options: MatchOptions = {},
): IndicatorMatch<F, I>[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const prepared = indicators.map((ind) => ({
    ind,
    code: foldName(ind.code).join(' '),
    names: [ind.name, ...(ind.aliases ?? [])].map(foldName),
  }));
  return figures.map((figure) => {
    const words = foldName(figure.indicator);
    const text = ` ${words.join(' ')} `;
    let best: I | null = null;
    let bestScore = 0;
    for (const p of prepared) {
      // A code written in the text ("chỉ tiêu KT-01") is as good as the name.
      let score = p.code.length >= 3 && text.includes(` ${p.code} `) ? 1 : 0;
      for (const n of p.names) score = Math.max(score, nameSimilarity(words, n));
      if (score > bestScore) {
        best = p.ind;
        bestScore = score;
      }
    }
    return { figure, indicator: bestScore >= threshold ? best : null, score: bestScore };
  });
}
