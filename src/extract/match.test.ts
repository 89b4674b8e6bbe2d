import { describe, expect, it } from 'vitest';
import { foldName, matchIndicators, nameSimilarity } from './match.js';

const plan = [
  { id: 1, code: 'KT-01', name: 'Thu ngân sách nhà nước trên địa bàn' },
  { id: 2, code: 'KT-02', name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ' },
  { id: 3, code: 'KT-03', name: 'Chi ngân sách địa phương' },
  { id: 4, code: 'XD-01', name: 'Kết nạp đảng viên mới', aliases: ['phát triển đảng viên'] },
  { id: 5, code: 'NN-01', name: 'Số xã đạt chuẩn nông thôn mới' },
  { id: 6, code: 'XH-01', name: 'Tỷ lệ hộ nghèo' },
];

const best = (indicator: string) => matchIndicators([{ indicator }], plan)[0];

describe('foldName', () => {
  it('drops diacritics, maps đ to d and spells out abbreviations', () => {
    expect(foldName('Đảng viên')).toEqual(['dang', 'vien']);
    expect(foldName('xã đạt chuẩn NTM')).toEqual(['xa', 'dat', 'chuan', 'nong', 'thon', 'moi']);
    expect(foldName('tỉ lệ')).toEqual(foldName('tỷ lệ'));
    expect(foldName('hoá')).toEqual(foldName('hóa'));
    expect(foldName('')).toEqual([]);
  });
});

describe('matchIndicators', () => {
  it.each([
    ['thu ngân sách', 1],
    ['Tổng thu ngân sách nhà nước', 1],
    ['THU NGAN SACH', 1],
    ['tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 2],
    ['tổng mức bán lẻ hàng hoá và doanh thu dịch vụ', 2],
    ['chi ngân sách', 3],
    ['kết nạp đảng viên', 4],
    ['phát triển đảng viên mới', 4],
    ['xã đạt chuẩn NTM', 5],
    ['tỉ lệ hộ nghèo', 6],
    ['chỉ tiêu KT-03', 3],
  ])('%s → %d', (indicator, id) => {
    expect(best(indicator)?.indicator?.id).toBe(id);
  });

  it('does not mistake spending for revenue', () => {
    expect(nameSimilarity(foldName('chi ngân sách'), foldName('thu ngân sách'))).toBeLessThan(0.6);
  });

  it('returns null below the threshold, with the score', () => {
    const m = best('số người tham gia bảo hiểm y tế');
    expect(m?.indicator).toBeNull();
    expect(m?.score).toBeLessThan(0.6);
    expect(matchIndicators([{ indicator: 'thu ngân sách' }], [])[0]).toMatchObject({
      indicator: null,
      score: 0,
    });
  });

  it('scores an exact name 1', () => {
    expect(best('Thu ngân sách nhà nước trên địa bàn')?.score).toBe(1);
  });
});
