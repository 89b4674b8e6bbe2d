import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const lagging = (text: string) => extract(text).lagging;

describe('lagging', () => {
  it('lists the bracketed items after "còn chậm"', () => {
    expect(
      lagging(
        'Tuy nhiên, tiến độ thực hiện một số chỉ tiêu còn chậm (thu ngân sách, giải ngân vốn đầu tư công, phát triển đảng viên mới…).',
      ),
    ).toEqual(['thu ngân sách', 'giải ngân vốn đầu tư công', 'phát triển đảng viên mới']);
  });

  it('lists what follows "chưa đạt là" / "chưa đạt:", splitting the last "và"', () => {
    expect(
      lagging(
        'Còn 3/25 chỉ tiêu chưa đạt là: thu ngân sách, tỷ lệ lao động qua đào tạo và tỷ lệ che phủ rừng.',
      ),
    ).toEqual(['thu ngân sách', 'tỷ lệ lao động qua đào tạo', 'tỷ lệ che phủ rừng']);
    expect(lagging('Có 2 chỉ tiêu chưa đạt là, thu ngân sách và giải ngân vốn.')).toEqual([
      'thu ngân sách',
      'giải ngân vốn',
    ]);
  });

  it('takes the subject of a clause that ends in "còn chậm"', () => {
    expect(
      lagging('Bên cạnh đó, công tác giải phóng mặt bằng còn chậm, việc cấp giấy chứng nhận đạt thấp.'),
    ).toEqual(['công tác giải phóng mặt bằng', 'việc cấp giấy chứng nhận']);
  });

  it('is empty when nothing lags', () => {
    expect(lagging('Các chỉ tiêu đều đạt và vượt kế hoạch.')).toEqual([]);
  });
});
