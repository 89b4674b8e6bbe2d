/**
 * The unit written after a number: a currency, a counted noun ("đảng viên", "lượt khách"), a
 * measure ("tạ/ha", "kg/người/năm"), spelled one way.
 */
import { normalizeUnit } from '../core/numbers.js';
import { MULTIWORD_UNITS, NOT_UNITS, UNIT_ABBREVIATIONS } from './lexicon.js';
import type { Token } from './tokenizer.js';

const unitCache = new Map<string, string>();

/** Multi-word units by their first word, longest first. */
const BY_FIRST_WORD = new Map<string, { words: readonly string[]; text: string }[]>();
for (const words of MULTIWORD_UNITS) {
  const list = BY_FIRST_WORD.get(words[0] ?? '') ?? [];
  list.push({ words, text: words.join(' ') });
  list.sort((a, b) => b.words.length - a.words.length);
  BY_FIRST_WORD.set(words[0] ?? '', list);
}

/** normalizeUnit, remembered: a few money spellings recur thousands of times. */
export function moneyUnit(spelled: string): string {
  let u = unitCache.get(spelled);
  if (u === undefined) {
    u = normalizeUnit(spelled);
    unitCache.set(spelled, u);
  }
  return u;
}

/** A counted noun or measure at token j ("đảng viên", "ha", "HTX"), unless j holds a function word. */
export function readUnitWords(tokens: readonly Token[], j: number): { unit: string; next: number } | null {
  const t = tokens[j];
  if (t === undefined || t.kind !== 'word' || t.lines > 0) return null;
  for (const { words, text } of BY_FIRST_WORD.get(t.key) ?? []) {
    let ok = true;
    for (let w = 1; w < words.length && ok; w++) ok = tokens[j + w]?.key === words[w];
    if (ok) return { unit: text, next: j + words.length };
  }
  const abbr = UNIT_ABBREVIATIONS[t.key];
  if (abbr !== undefined) return { unit: abbr, next: j + 1 };
  if (NOT_UNITS.has(t.key)) return null;
  const allCaps = t.text.length > 1 && t.text === t.text.toUpperCase();
  return { unit: allCaps ? t.text : t.key, next: j + 1 };
}

/** Reads "/ha", "/người/năm" after a unit. */
export function readPerSuffix(tokens: readonly Token[], j: number): { suffix: string; next: number } {
  let suffix = '';
  for (
    let next = tokens[j + 1];
    tokens[j]?.text === '/' && next?.kind === 'word' && !next.space;
    next = tokens[j + 1]
  ) {
    suffix += `/${next.key}`;
    j += 2;
  }
  return { suffix, next: j };
}
