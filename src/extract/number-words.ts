/** Numbers written as words: "sáu" → 6, "mười hai" → 12, "hai mươi mốt" → 21. */
import { NUMBER_WORDS } from './lexicon.js';
import type { Token } from './tokenizer.js';

function unitWord(tokens: readonly Token[], j: number): number | undefined {
  const v = NUMBER_WORDS[tokens[j]?.key ?? ''];
  return v !== undefined && v < 10 ? v : undefined;
}

export function readNumberWords(tokens: readonly Token[], i: number): { value: number; next: number } | null {
  const k = tokens[i]?.key ?? '';
  if (k === 'mười') {
    const u = unitWord(tokens, i + 1);
    return u === undefined ? { value: 10, next: i + 1 } : { value: 10 + u, next: i + 2 };
  }
  const d = unitWord(tokens, i);
  if (d === undefined || k === 'mốt' || k === 'lăm') return null;
  if ((tokens[i + 1]?.key ?? '') === 'mươi') {
    const u = unitWord(tokens, i + 2);
    return u === undefined ? { value: d * 10, next: i + 2 } : { value: d * 10 + u, next: i + 3 };
  }
  return { value: d, next: i + 1 };
}
