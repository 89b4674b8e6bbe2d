import { describe, expect, it } from 'vitest';
import { readQuantity } from './quantity.js';
import { tokenize } from './tokenizer.js';

function read(text: string) {
  const tokens = tokenize(text);
  const i = tokens.findIndex((t) => t.kind === 'num' || t.key === 'một' || t.key === 'hai');
  const q = readQuantity(tokens, i);
  return q === null
    ? null
    : { value: q.value, unit: q.unit, shape: q.shape, percent: q.percent, fraction: q.fraction };
}

describe('readQuantity: numbers and units', () => {
  it.each([
    ['2.404 tỷ đồng', 2404, 'tỷ đồng'],
    ['99,273 tỷ đồng', 99.273, 'tỷ đồng'],
    ['185,088 tỷ', 185.088, 'tỷ đồng'],
    ['27.500 tỉ đồng', 27500, 'tỷ đồng'],
    ['215 tỷ dồng', 215, 'tỷ đồng'],
    ['8.240 tỷđồng', 8240, 'tỷ đồng'],
    ['4 tỷ 500 triệu đồng', 4.5, 'tỷ đồng'],
    ['2.316 tỷ 704 triệu đồng', 2316.704, 'tỷ đồng'],
    ['1 nghìn 120 tỷ', 1120, 'tỷ đồng'],
    ['một nghìn tỷ', 1000, 'tỷ đồng'],
    ['39 vạn tấn', 390000, 'tấn'],
    ['91 nghìn lượt khách', 91000, 'lượt khách'],
    ['1,8 triệu lượt khách', 1800000, 'lượt khách'],
    ['41,6 triệu USD', 41.6, 'triệu USD'],
    ['8.415.362.107 đồng', 8415362107, 'đồng'],
    ['512.430 triệu đồng', 512430, 'triệu đồng'],
    ['57,3 tạ/ha', 57.3, 'tạ/ha'],
    ['512 kg/người/năm', 512, 'kg/người/năm'],
    ['57 đảng viên mới', 57, 'đảng viên'],
    ['36 ĐV', 36, 'đảng viên'],
    ['23 HTX', 23, 'HTX'],
    ['1.450 con', 1450, 'con'],
    ['2.021', 2021, null],
  ])('%s → %d %s', (text, value, unit) => {
    expect(read(text)).toMatchObject({ value, unit, shape: 'number' });
  });

  it('reads percentages, with a plainly decimal dot', () => {
    expect(read('73,96%')).toMatchObject({ value: 73.96, percent: true });
    expect(read('189.26 %')).toMatchObject({ value: 189.26, percent: true });
    expect(read('76,9%/70%')).toMatchObject({ value: 76.9, percent: true, fraction: true });
  });

  it('reads X/Y as X', () => {
    expect(read('11/14 tiêu chí')).toMatchObject({ value: 11, unit: 'tiêu chí', fraction: true });
    expect(read('3.210/2.900 tỷ đồng')).toMatchObject({ value: 3210, unit: 'tỷ đồng', fraction: true });
  });

  it('recognises dates, ranges and clock times', () => {
    expect(read('06/10/2021')?.shape).toBe('date');
    expect(read('tháng 8/2024')?.shape).toBe('date');
    expect(read('8-10%')?.shape).toBe('range');
    expect(read('2020 - 2025')?.shape).toBe('range');
    expect(read('14:05')?.shape).toBe('time');
  });

  it('does not take a word on the next line as the unit', () => {
    expect(read('Lượt xem: 512\nTin tức')).toMatchObject({ value: 512, unit: null });
  });

  it('returns null where no number starts', () => {
    const tokens = tokenize('hai người');
    expect(readQuantity(tokens, 0)).toBeNull();
  });
});
