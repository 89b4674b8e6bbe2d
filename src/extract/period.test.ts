import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const period = (text: string, year?: number) => extract(text, year === undefined ? {} : { year }).period;
const windowOf = (text: string) => extract(text).periodWindow;

describe('period', () => {
  it.each([
    ['Kiểm điểm công tác 09 tháng, triển khai nhiệm vụ 03 tháng cuối năm 2022.', '9 tháng 2022'],
    ['6 tháng đầu năm 2024, kinh tế tiếp tục tăng trưởng.', '6 tháng 2024'],
    ['Sáu tháng đầu năm 2019, tình hình ổn định.', '6 tháng 2019'],
    ['Tình hình kinh tế - xã hội tháng 8 và 8 tháng đầu năm 2021.', '8 tháng 2021'],
    ['Trong tháng 4, tổng thu ngân sách; lũy kế 4 tháng đầu năm 2020 đạt 30%.', '4 tháng 2020'],
    ['Đánh giá tình hình quý I và triển khai nhiệm vụ quý II năm 2023.', 'quý I 2023'],
    ['Thu ngân sách trong 3 tháng đầu năm; kết quả quý I năm 2022.', 'quý I 2022'],
    ['Từ đầu năm 2024 đến nay, đã kết nạp 40 đảng viên.', 'lũy kế từ đầu năm 2024'],
    ['Trong tháng 7 năm 2022, Thường trực HĐND đã tổ chức 3 cuộc giám sát.', 'tháng 7 2022'],
    ['Họp giao ban định kỳ tháng 3-2025.', 'tháng 3 2025'],
    ['Năm 2018, kinh tế huyện tăng trưởng khá.', 'năm 2018'],
    ['Hội nghị đánh giá công tác dân vận năm 2021, triển khai nhiệm vụ năm 2022.', 'năm 2021'],
    ['Thu nhập bình quân tăng 9% so với năm 2019.', 'năm 2020'],
  ])('%s → %s', (text, label) => expect(period(text)).toBe(label));

  it('ignores forward-looking periods', () => {
    expect(period('Phương hướng, nhiệm vụ 6 tháng cuối năm 2023.')).toBeNull();
    expect(period('Triển khai nhiệm vụ năm 2024.')).toBeNull();
    expect(period('Chương trình công tác tháng 11 năm 2021.')).toBeNull();
  });

  it('takes the year from elsewhere in the text: dates, "cùng kỳ năm Y", the options', () => {
    expect(
      period('Ngày 12/7/2021, xã tổ chức hội nghị.\n6 tháng đầu năm, thu ngân sách đạt 5 tỷ đồng.'),
    ).toBe('6 tháng 2021');
    expect(period('6 tháng đầu năm, thu ngân sách tăng 5% so với cùng kỳ năm 2022.')).toBe('6 tháng 2023');
    expect(period('9 tháng đầu năm, kinh tế phát triển.')).toBe('9 tháng');
    expect(period('9 tháng đầu năm, kinh tế phát triển.', 2020)).toBe('9 tháng 2020');
  });

  it('is null for term-long or undated texts', () => {
    expect(period('Trong nhiệm kỳ qua, Đảng bộ đã lãnh đạo toàn diện.')).toBeNull();
    expect(period('')).toBeNull();
  });

  it('gives the months covered', () => {
    expect(windowOf('9 tháng năm 2021, thu ngân sách tăng.')).toEqual({
      year: 2021,
      fromMonth: 1,
      toMonth: 9,
    });
    expect(windowOf('Kết quả quý II năm 2022.')).toEqual({ year: 2022, fromMonth: 4, toMonth: 6 });
    expect(windowOf('Trong tháng 5 năm 2020, xã tổ chức 2 hội nghị.')).toEqual({
      year: 2020,
      fromMonth: 5,
      toMonth: 5,
    });
    expect(windowOf('Năm 2019, huyện có 4 xã đạt chuẩn.')).toEqual({ year: 2019, fromMonth: 1, toMonth: 12 });
    expect(windowOf('9 tháng đầu năm, kinh tế phát triển.')).toBeNull();
  });
});
