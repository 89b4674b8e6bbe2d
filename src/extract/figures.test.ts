import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import { figures } from './test-helpers.js';

describe('figures: values and chains', () => {
  it('reads several figures in one sentence, each with its own comparisons', () => {
    expect(
      figures(
        'Tổng mức bán lẻ hàng hóa đạt 1.870 tỷ đồng, bằng 71,5% NQ, tăng 12% so với cùng kỳ; thu ngân sách đạt 64,208 tỷ đồng, bằng 58% NQ.',
      ),
    ).toEqual([
      [1870, 'tỷ đồng', 71.5, 'NQ', 12],
      [64.208, 'tỷ đồng', 58, 'NQ', null],
    ]);
  });

  it('starts a new figure after a new subject, even after a comma', () => {
    expect(figures('Thu ngân sách đạt 31 tỷ đồng, chi ngân sách đạt 80% dự toán.')).toEqual([
      [31, 'tỷ đồng', null, null, null],
      [null, null, 80, 'dự toán', null],
    ]);
  });

  it('attaches a comparison after the rest of a counted noun phrase', () => {
    expect(figures('Đảng bộ kết nạp 57 đảng viên mới, đạt 95% chỉ tiêu.')).toEqual([
      [57, 'đảng viên', 95, 'chỉ tiêu', null],
    ]);
    expect(figures('Chi bộ kết nạp được 3 đảng viên mới bằng 75% kế hoạch.')).toEqual([
      [3, 'đảng viên', 75, 'KH', null],
    ]);
  });

  it('reads counts with their counted noun', () => {
    expect(figures('Ủy ban kiểm tra đã kiểm tra 3 chi bộ, giám sát 5 tổ chức đảng và 2 đảng viên.')).toEqual([
      [3, 'chi bộ', null, null, null],
      [5, 'tổ chức đảng', null, null, null],
      [2, 'đảng viên', null, null, null],
    ]);
  });

  it('reads X/Y as X', () => {
    expect(figures('Toàn huyện có 11/14 xã đạt chuẩn nông thôn mới.')).toEqual([
      [11, 'xã', null, null, null],
    ]);
    expect(figures('Thu ngân sách trên địa bàn 3.210/2.900 tỷ đồng.')).toEqual([
      [3210, 'tỷ đồng', null, null, null],
    ]);
  });

  it('reads a bare number after "đạt" when a comparison follows', () => {
    expect(figures('Tổng giá trị sản xuất ước đạt 2.715, đạt 48,2% kế hoạch.')).toEqual([
      [2715, null, 48.2, 'KH', null],
    ]);
  });

  it('reads breakdowns in brackets and keeps the comparisons on the total', () => {
    expect(
      figures('Diện tích lúa cả năm đạt 12.450 ha (vụ Xuân 6.100 ha, vụ Mùa 6.350 ha), bằng 100,4% KH.'),
    ).toEqual([
      [12450, 'ha', 100.4, 'KH', null],
      [6100, 'ha', null, null, null],
      [6350, 'ha', null, null, null],
    ]);
  });

  it('reads numbers written with words', () => {
    expect(figures('Doanh thu du lịch đạt gần một nghìn tỷ đồng.')).toEqual([
      [1000, 'tỷ đồng', null, null, null],
    ]);
    expect(figures('Sản lượng lương thực đạt trên 39 vạn tấn, tổng vốn đạt 1 nghìn 120 tỷ.')).toEqual([
      [390000, 'tấn', null, null, null],
      [1120, 'tỷ đồng', null, null, null],
    ]);
  });

  it('reads hedged values without the hedge', () => {
    expect(
      figures(
        'Doanh thu du lịch đạt hơn 1.450 tỷ đồng; đón gần 2,6 triệu lượt khách; trên 6.500 lượt người tham gia.',
      ),
    ).toEqual([
      [1450, 'tỷ đồng', null, null, null],
      [2600000, 'lượt khách', null, null, null],
      [6500, 'lượt người', null, null, null],
    ]);
  });

  it('gives a span covering the indicator and its comparisons', () => {
    const text = 'Theo báo cáo, thu ngân sách đạt 75 tỷ đồng, bằng 70% dự toán.';
    const [f] = extract(text).figures;
    expect(f?.indicator).toBe('thu ngân sách');
    expect(text.slice(f?.span[0], f?.span[1])).toBe('thu ngân sách đạt 75 tỷ đồng, bằng 70% dự toán');
  });
});

describe('figures: what is not a figure', () => {
  it.each([
    ['dates and times', 'Ngày 15/7/2023, lúc 8:30, hội nghị khai mạc.'],
    ['ordinals and sessions', 'Hội nghị lần thứ 12, kỳ họp thứ 7, khóa XX.'],
    ['years and terms', 'Nhiệm kỳ 2020 - 2025, năm 2023 là năm bản lề.'],
    ['periods', 'Trong 9 tháng đầu năm và 3 tháng cuối năm.'],
    ['codes', 'Phòng chống dịch COVID-19 và cúm A/H5N1.'],
    ['document numbers', 'Thực hiện Kết luận số 128-KL/TU.'],
    ['absolute changes', 'Số hộ nghèo giảm 215 hộ, thu nhập tăng 4,2 triệu đồng.'],
    ['multiples', 'Doanh thu tăng gấp 3 lần so với cùng kỳ.'],
    ['ranges', 'Mỗi tổ từ 5 đến 7 người, tăng trưởng 10-12%.'],
    ['thresholds', 'Kết nạp từ 25 đảng viên trở lên.'],
    ['ranks', 'Chỉ số cải cách hành chính xếp thứ 5 toàn tỉnh.'],
    ['list labels', 'Trao Huy hiệu 40, 45, 50 năm tuổi Đảng.'],
    ['page counters', 'Lượt xem: 1834\nTin liên quan'],
  ])('%s', (_label, text) => {
    expect(figures(text)).toEqual([]);
  });

  it('keeps the end point of "giảm từ A xuống còn B"', () => {
    expect(figures('Số hộ nghèo giảm từ 312 hộ xuống còn 198 hộ.')).toEqual([[198, 'hộ', null, null, null]]);
  });

  it('skips reference values of earlier periods and targets in brackets', () => {
    expect(figures('Năng suất lúa đạt 57,3 tạ/ha (CK 56,1 tạ/ha).')).toEqual([
      [57.3, 'tạ/ha', null, null, null],
    ]);
    expect(figures('Thương mại tăng 8,2% (cùng kỳ năm trước tăng 6,5%).')).toEqual([
      [null, null, null, null, 8.2],
    ]);
    expect(figures('Doanh thu đạt 4.120 tỷ đồng, bằng 91% kế hoạch (4.500 tỷ đồng).')).toEqual([
      [4120, 'tỷ đồng', 91, 'KH', null],
    ]);
    expect(figures('Đàn bò tăng 3,1% so với cùng kỳ (kế hoạch là 2,5%).')).toEqual([
      [null, null, null, null, 3.1],
    ]);
  });

  it('skips the measure of a ratio: "trên 1 ha"', () => {
    expect(figures('Giá trị thu được trên 1 ha đất canh tác đạt 155 triệu đồng.')).toEqual([
      [155, 'triệu đồng', null, null, null],
    ]);
  });

  it('skips a threshold the counted units reached', () => {
    expect(figures('Có 4 xã đạt 15 tiêu chí nông thôn mới.')).toEqual([[4, 'xã', null, null, null]]);
  });
});

describe('figures: targets and forecasts are not actuals', () => {
  it.each([
    ['Phấn đấu năm 2024 thu ngân sách đạt 95 tỷ đồng, kết nạp 60 đảng viên.'],
    ['Dự kiến cả năm sản lượng lương thực đạt 45.000 tấn.'],
    ['Khả năng cuối năm đạt 18/20 chỉ tiêu.'],
    ['Nghị quyết đề ra các chỉ tiêu: tăng trưởng kinh tế 8%; thu nhập bình quân 60 triệu đồng.'],
    ['Kế hoạch là 3.000 tỷ đồng.'],
    ['Chỉ tiêu tăng trưởng kinh tế năm nay là 8%.'],
    ['Từ nay đến cuối năm sẽ hoàn thành 12 công trình.'],
  ])('%s', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('treats a full-year estimate in a report for part of the year as a forecast', () => {
    const text =
      '9 tháng năm 2023, sản lượng lương thực ước đạt 38.200 tấn, đạt 80% KH. Ước cả năm 47.100 tấn, bằng 99% KH; trong đó thóc 30.000 tấn.';
    expect(figures(text)).toEqual([[38200, 'tấn', 80, 'KH', null]]);
  });

  it('keeps "cả năm" in a yearly report, and "dự toán cả năm" as a yardstick', () => {
    expect(figures('Năm 2022, tổng sản lượng lương thực cả năm đạt 51.000 tấn.')).toEqual([
      [51000, 'tấn', null, null, null],
    ]);
    expect(figures('6 tháng đầu năm 2023, thu ngân sách đạt 48% dự toán cả năm.')).toEqual([
      [null, null, 48, 'dự toán', null],
    ]);
  });

  it('treats what is planned for a later year as a plan', () => {
    const text = 'Năm 2021, huyện hoàn thành 3 công trình; tiếp tục xây dựng 2 trường học trong năm 2022.';
    expect(figures(text)).toEqual([[3, 'công trình', null, null, null]]);
  });

  it('keeps an actual figure next to a named indicator', () => {
    expect(figures('Nhiều chỉ tiêu đạt và vượt kế hoạch: sản lượng lúa đạt 12.300 tấn.')).toEqual([
      [12300, 'tấn', null, null, null],
    ]);
  });

  it('keeps directives in a conclusion out of the figures', () => {
    expect(figures('Đồng chí yêu cầu các xã hoàn thành 100% chỉ tiêu giao quân.')).toEqual([]);
  });
});

describe('figures: a month and the cumulative total', () => {
  it('keeps them apart and labels their scope', () => {
    const f = extract(
      'Trong tháng 9, thu ngân sách đạt 6,4 tỷ đồng, lũy kế 9 tháng đạt 58,1 tỷ đồng, bằng 77% dự toán, tăng 3,2% so với cùng kỳ.',
    ).figures;
    expect(f.map((x) => [x.value, x.scope, x.percentOfTarget, x.changeVsSamePeriodPct])).toEqual([
      [6.4, 'month', null, null],
      [58.1, 'cumulative', 77, 3.2],
    ]);
  });
});

describe('figures: parallel comparisons', () => {
  it('gives the bracketed changes to the figures listed before, in order', () => {
    const text =
      'Trên địa bàn xảy ra 26 vụ tai nạn giao thông, làm chết 11 người, bị thương 19 người. So với cùng kỳ, giảm 4 vụ (-13,3%), giảm 2 người chết (-15,4%), tăng 1 người bị thương (5,6%).';
    expect(figures(text)).toEqual([
      [26, 'vụ', null, null, -13.3],
      [11, 'người', null, null, -15.4],
      [19, 'người', null, null, 5.6],
    ]);
  });

  it('keeps changes with their own subject apart', () => {
    expect(
      figures('So với cùng kỳ, số vụ cháy giảm 3 vụ (-25%), số người bị thương tăng 2 người (+40%).'),
    ).toEqual([
      [null, null, null, null, -25],
      [null, null, null, null, 40],
    ]);
  });
});
