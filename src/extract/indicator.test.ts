import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const indicators = (text: string) => extract(text).figures.map((f) => f.indicator);

describe('indicator phrases', () => {
  it.each([
    ['Trong đó, thu nội địa đạt 410 tỷ đồng.', ['thu nội địa']],
    ['Tổng thu ngân sách 9 tháng đầu năm 2024 ước đạt 86 tỷ đồng.', ['Tổng thu ngân sách']],
    ['Tăng trưởng kinh tế (GRDP) đạt 7%.', ['Tăng trưởng kinh tế (GRDP)']],
    ['Đảng bộ đã kết nạp 57 đảng viên mới.', ['Đảng bộ đã kết nạp đảng viên mới']],
    ['Toàn huyện có 9 xã đạt chuẩn nông thôn mới nâng cao.', ['xã đạt chuẩn nông thôn mới nâng cao']],
    ['Thu hút 8 dự án với tổng vốn đăng ký 1.200 tỷ đồng.', ['Thu hút dự án', 'tổng vốn đăng ký']],
  ])('%s → %j', (text, expected) => expect(indicators(text)).toEqual(expected));

  it('repeats the subject for a cumulative figure that has none of its own', () => {
    expect(indicators('Trong tháng 6, thu ngân sách đạt 7 tỷ đồng, lũy kế 6 tháng đạt 40 tỷ đồng.')).toEqual([
      'thu ngân sách',
      'thu ngân sách',
    ]);
  });
});
