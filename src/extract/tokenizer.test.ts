import { describe, expect, it } from 'vitest';
import { chunkRanges, splitSentences, tokenize, wordKey } from './tokenizer.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('splits words, numbers and marks, keeping offsets', () => {
    const s = 'Thu ngân sách đạt 99,273 tỷ đồng, bằng 64% NQ.';
    const tokens = tokenize(s);
    expect(tokens.map((t) => t.text)).toEqual([
      'Thu',
      'ngân',
      'sách',
      'đạt',
      '99,273',
      'tỷ',
      'đồng',
      ',',
      'bằng',
      '64',
      '%',
      'NQ',
      '.',
    ]);
    for (const t of tokens) expect(s.slice(t.start, t.end)).toBe(t.text);
  });

  it('keeps Vietnamese number groups whole and leaves a final full stop out', () => {
    expect(texts('đạt 8.415.362.107 đồng.')).toEqual(['đạt', '8.415.362.107', 'đồng', '.']);
    expect(texts('2.318,416 tỷ')).toEqual(['2.318,416', 'tỷ']);
  });

  it('separates a unit glued to its number', () => {
    expect(texts('hơn 3.215ha')).toEqual(['hơn', '3.215', 'ha']);
  });

  it('marks capitals, spaces and line breaks', () => {
    const [a, b, c] = tokenize('Huyện ủy\n\nĐạt');
    expect(a?.upper).toBe(true);
    expect(b?.upper).toBe(false);
    expect(b?.space).toBe(true);
    expect(c?.lines).toBe(2);
  });

  it('reads decomposed (NFD) text as the same words', () => {
    const nfd = 'Đảng ủy xã tổ chức hội nghị'.normalize('NFD');
    expect(tokenize(nfd).map((t) => t.key)).toEqual(['đảng', 'ủy', 'xã', 'tổ', 'chức', 'hội', 'nghị']);
  });

  it('survives lone surrogates and other scripts', () => {
    const s = 'a\uD800b 中文 😀 5';
    const tokens = tokenize(s);
    expect(tokens.map((t) => t.text).join('')).toBe('a\uD800b中文😀5');
  });
});

describe('wordKey', () => {
  it.each([
    ['Hoá', 'hóa'],
    ['thuỷ', 'thủy'],
    ['Uỷ', 'ủy'],
    ['quí', 'quý'],
    ['quý', 'quý'],
    ['tỉ', 'tỷ'],
    ['kì', 'kỳ'],
    ['hoàn', 'hoàn'],
  ])('%s → %s', (w, k) => expect(wordKey(w)).toBe(k));
});

describe('splitSentences', () => {
  const sentences = (s: string) => {
    const tokens = tokenize(s);
    return splitSentences(tokens).map((r) => s.slice(tokens[r.from]?.start, tokens[r.to - 1]?.end));
  };

  it('ends a sentence at a full stop followed by a capital, and at a line break', () => {
    expect(sentences('Thu đạt 5 tỷ đồng. Chi đạt 4 tỷ đồng\nDòng mới')).toEqual([
      'Thu đạt 5 tỷ đồng.',
      'Chi đạt 4 tỷ đồng',
      'Dòng mới',
    ]);
  });

  it('does not split abbreviations or semicolons', () => {
    expect(sentences('Thành ủy TP.HCM họp; sau đó bế mạc.')).toHaveLength(1);
  });
});

describe('chunkRanges', () => {
  it('covers the text exactly, cutting at line breaks', () => {
    const text = `${'Dòng báo cáo có số liệu 12 tỷ đồng.\n'.repeat(5000)}`;
    const chunks = chunkRanges(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]?.from).toBe(0);
    expect(chunks.at(-1)?.to).toBe(text.length);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]?.from).toBe(chunks[i - 1]?.to);
      expect(text.charAt((chunks[i]?.from ?? 1) - 1)).toBe('\n');
    }
  });

  it('cuts a text without line breaks at spaces, or anywhere when there are none', () => {
    expect(chunkRanges('x'.repeat(300_000)).length).toBeGreaterThan(1);
    const spaced = chunkRanges('ab '.repeat(100_000));
    expect(spaced.every((c) => c.to === 300_000 || 'ab '.repeat(100_000).charAt(c.to - 1) === ' ')).toBe(
      true,
    );
  });
});
