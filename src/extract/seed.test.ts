import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const SEED = fileURLToPath(new URL('../../../shared/seed/bac-kan-2021-conference.txt', import.meta.url));

describe.skipIf(!existsSync(SEED))('the seed article', () => {
  const r = extract(existsSync(SEED) ? readFileSync(SEED, 'utf8') : '');

  it('reviews the first nine months of 2021', () => {
    expect(r.period).toBe('9 tháng 2021');
    expect(r.periodWindow).toEqual({ year: 2021, fromMonth: 1, toMonth: 9 });
  });

  it('describes the meeting of 6 October 2021 chaired by Cù Ngọc Cường', () => {
    expect(r.meeting).toMatchObject({
      date: '2021-10-06',
      chair: 'Cù Ngọc Cường',
      body: 'Ban Chấp hành Đảng bộ thành phố',
      session: 6,
      term: '2020-2025',
      kind: 'mở rộng',
    });
  });

  it('reads the two figures against the resolution', () => {
    expect(r.figures.map((f) => [f.indicator, f.value, f.unit, f.percentOfTarget, f.targetBasis])).toEqual([
      ['tổng mức bán lẻ hàng hóa và doanh thu dịch vụ', 2404, 'tỷ đồng', 73.96, 'NQ'],
      ['thu ngân sách', 99.273, 'tỷ đồng', 64, 'NQ'],
    ]);
  });

  it('lists what is lagging', () => {
    expect(r.lagging).toEqual([
      'kết quả thu ngân sách',
      'tiến độ giải ngân các nguồn vốn',
      'kết nạp đảng viên mới',
    ]);
  });

  it('lists the conclusion’s directives, the key ones marked', () => {
    const texts = r.directives.map((d) => d.text);
    expect(texts).toHaveLength(14);
    expect(texts[0]).toMatch(/các địa phương, đơn vị tiếp tục tập trung rà soát, đánh giá tình hình$/);
    expect(r.directives.filter((d) => d.key).map((d) => d.text)).toEqual([
      'tiếp tục thực hiện tốt mục tiêu kép phát triển kinh tế – xã hội gắn với làm tốt công tác phòng, chống dịch Covid-19',
      'tăng cường công tác quản lý đô thị, tài nguyên và môi trường',
      'đẩy nhanh tiến độ giải phóng mặt bằng và triển khai thực hiện các công trình, dự án',
    ]);
    expect(texts).toContain('Tiếp tục quan tâm công tác phát triển đảng viên');
    expect(texts.at(-1)).toMatch(/^Tổ chức đánh giá, phân loại cán bộ/);
  });
});
