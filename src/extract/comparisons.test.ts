import { describe, expect, it } from 'vitest';
import { figures } from './test-helpers.js';

describe('percentage of target and its basis', () => {
  it.each([
    ['Thu ngân sách đạt 52,4 tỷ đồng, bằng 61,3% NQ.', 'NQ'],
    ['Thu ngân sách đạt 52,4 tỷ đồng, bằng 61,3% nghị quyết HĐND huyện.', 'NQ'],
    ['Thu ngân sách đạt 52,4 tỷ đồng, đạt 61,3% KH.', 'KH'],
    ['Thu ngân sách đạt 52,4 tỷ đồng, đạt 61,3% kế hoạch năm.', 'KH'],
    ['Thu ngân sách đạt 52,4 tỷ đồng, đạt 61,3% so với dự toán tỉnh giao.', 'dự toán'],
    ['Thu ngân sách đạt 52,4 tỷ đồng, đạt 61,3% chỉ tiêu được giao.', 'chỉ tiêu'],
    ['Thu ngân sách đạt 52,4 tỷ đồng, đạt 61,3% chỉ tiêu kế hoạch.', 'KH'],
  ])('%s → %s', (text, basis) => {
    expect(figures(text)).toEqual([[52.4, 'tỷ đồng', 61.3, basis, null]]);
  });

  it('gives one entry per basis when a figure is compared with two targets', () => {
    expect(
      figures(
        'Tổng thu ngân sách xã đạt 8,75 tỷ đồng, đạt 112% dự toán huyện giao, đạt 95% dự toán HĐND xã giao.',
      ),
    ).toEqual([
      [8.75, 'tỷ đồng', 112, 'dự toán', null],
      [8.75, 'tỷ đồng', 95, 'dự toán', null],
    ]);
  });

  it('continues a comparison after "và" with the same verb', () => {
    expect(figures('Diện tích gieo cấy đạt 6.120 ha, bằng 98,5% KH và 101,2% CK.')).toEqual([
      [6120, 'ha', 98.5, 'KH', 1.2],
    ]);
  });

  it('keeps a percentage of target with no value', () => {
    expect(figures('Thu ngân sách nhà nước quý I đạt 27,4% dự toán năm.')).toEqual([
      [null, null, 27.4, 'dự toán', null],
    ]);
  });

  it('leaves the basis empty for another yardstick or none at all', () => {
    expect(figures('Thu nội địa đạt 1.250 tỷ đồng, bằng 88% kịch bản.')).toEqual([
      [1250, 'tỷ đồng', 88, null, null],
    ]);
    expect(figures('Sản lượng thủy sản ước 2.340 tấn, đạt 57,2%.')).toEqual([
      [2340, 'tấn', 57.2, null, null],
    ]);
    expect(figures('Thu ngân sách được 14 tỷ đồng (đạt 118%).')).toEqual([[14, 'tỷ đồng', 118, null, null]]);
  });

  it('reads "vượt X% kế hoạch" as 100 + X, except beyond 100 or over a rate', () => {
    expect(figures('Sản lượng lương thực đạt 41.300 tấn, vượt 3,5% kế hoạch.')).toEqual([
      [41300, 'tấn', 103.5, 'KH', null],
    ]);
    expect(figures('Thu ngân sách đạt 40 tỷ đồng, vượt 120% dự toán.')).toEqual([
      [40, 'tỷ đồng', null, null, null],
    ]);
    expect(figures('Tổng sản phẩm tăng 8,1% (vượt mục tiêu Nghị quyết 0,6%).')).toEqual([
      [null, null, null, null, 8.1],
    ]);
  });
});

describe('changes against the same period', () => {
  it.each([
    ['Giá trị sản xuất công nghiệp đạt 812 tỷ đồng, tăng 9,3% so với cùng kỳ năm trước.', 9.3],
    ['Giá trị sản xuất công nghiệp đạt 812 tỷ đồng, giảm 2,1% so cùng kỳ.', -2.1],
    ['Giá trị sản xuất công nghiệp đạt 812 tỷ đồng, tăng 9,3%.', 9.3],
    ['Giá trị sản xuất công nghiệp đạt 812 tỷ đồng, bằng 96,5% cùng kỳ 2022.', -3.5],
    ['Giá trị sản xuất công nghiệp đạt 812 tỷ đồng, bằng 104,2% CK.', 4.2],
    ['Giá trị sản xuất công nghiệp đạt 812 tỷ đồng, tăng 4% so cùng tháng năm trước.', 4],
    ['Giá trị sản xuất công nghiệp đạt 812 tỷ đồng, so với cùng kỳ năm trước tăng 6,4%.', 6.4],
  ])('%s → %d', (text, change) => {
    expect(figures(text)).toEqual([[812, 'tỷ đồng', null, null, change]]);
  });

  it('counts "so với năm trước" in a yearly report', () => {
    expect(
      figures('Năm 2022, thu nhập bình quân đầu người đạt 51,2 triệu đồng, tăng 7,9% so với năm 2021.'),
    ).toEqual([[51.2, 'triệu đồng', null, null, 7.9]]);
  });

  it('ignores changes against the previous month or quarter', () => {
    expect(
      figures('Kim ngạch xuất khẩu tháng 8 ước đạt 310 triệu USD, tăng 4,2% so với tháng trước.'),
    ).toEqual([[310, 'triệu USD', null, null, null]]);
    expect(figures('Doanh thu tháng 5 đạt 96 tỷ đồng, bằng 103% tháng trước.')).toEqual([
      [96, 'tỷ đồng', null, null, null],
    ]);
    expect(figures('Chỉ số sản xuất công nghiệp tăng 2,7% so với tháng 6.')).toEqual([]);
    expect(figures('Doanh thu quý III tăng 5% so với quý trước.')).toEqual([]);
  });

  it('keeps a change with no value', () => {
    expect(figures('Chỉ số sản xuất công nghiệp tăng 11,8%; khu vực dịch vụ tăng 6,2%.')).toEqual([
      [null, null, null, null, 11.8],
      [null, null, null, null, 6.2],
    ]);
    expect(figures('Giảm tỷ lệ hộ nghèo 1,85%.')).toEqual([[null, null, null, null, -1.85]]);
  });

  it('keeps percentage-point changes as printed, with explicit signs', () => {
    expect(figures('Số vụ cháy giảm 12 vụ (-20,3%).')).toEqual([[null, null, null, null, -20.3]]);
    expect(figures('Số người bị thương tăng 3 người (7,1%).')).toEqual([[null, null, null, null, 7.1]]);
  });
});

describe('percentages that are values', () => {
  it.each([
    ['Tỷ lệ hộ nghèo còn 3,15%.', 3.15],
    ['Tỷ lệ che phủ rừng đạt 58,4%.', 58.4],
    ['Tốc độ tăng trưởng GRDP ước đạt 7,2%.', 7.2],
    ['Huyện đạt tốc độ tăng trưởng 6,9%.', 6.9],
    ['Tăng trưởng kinh tế (GRDP) đạt 7,5% so với cùng kỳ năm trước.', 7.5],
    ['Ngành dịch vụ chiếm 41,3% cơ cấu kinh tế.', 41.3],
    ['Có 92,7% hộ dân được dùng nước sạch.', 92.7],
    ['Tỷ lệ xã đạt chuẩn nông thôn mới 76,9%/70%.', 76.9],
  ])('%s → %d %%', (text, value) => {
    expect(figures(text)).toEqual([[value, '%', null, null, null]]);
  });

  it('reads "tăng trưởng X%" after a value as a change', () => {
    expect(figures('Tổng sản phẩm ước đạt 5.620 tỷ đồng, tăng trưởng 6,1%.')).toEqual([
      [5620, 'tỷ đồng', null, null, 6.1],
    ]);
  });

  it('reads "tăng lên"/"giảm còn" as the new level, not a change', () => {
    expect(figures('Thu nhập bình quân tăng lên 46,5 triệu đồng.')).toEqual([
      [46.5, 'triệu đồng', null, null, null],
    ]);
    expect(figures('Tỷ lệ hộ nghèo giảm còn 2,4%.')).toEqual([[2.4, '%', null, null, null]]);
  });
});
