import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const directives = (text: string) => extract(text).directives;

describe('directives', () => {
  it('splits the conclusion into one entry per task, marking the key ones', () => {
    const text =
      'Các đại biểu thảo luận sôi nổi.\nPhát biểu kết luận, đồng chí Bí thư Đảng ủy ghi nhận các kết quả. Đồng chí yêu cầu các chi bộ tập trung thu thuế; rà soát hộ nghèo. Trong đó, trọng tâm là hoàn thành giải ngân vốn; làm tốt công tác tuyển quân. Tiếp tục chăm lo an sinh xã hội.';
    const d = directives(text);
    expect(d.map((x) => [x.text, x.key])).toEqual([
      ['các chi bộ tập trung thu thuế', false],
      ['rà soát hộ nghèo', false],
      ['hoàn thành giải ngân vốn', true],
      ['làm tốt công tác tuyển quân', true],
      ['Tiếp tục chăm lo an sinh xã hội', false],
    ]);
    for (const x of d) expect(text.slice(x.span[0], x.span[1])).toBe(x.text);
  });

  it('splits numbered tasks and starts after a colon', () => {
    const text =
      'Kết luận phiên họp, Chủ tịch UBND huyện yêu cầu các đơn vị thực hiện tốt các nội dung sau: (1) Đẩy nhanh tiến độ giải ngân; (2) Rà soát các dự án chậm tiến độ (3) Tăng cường kiểm tra thủ tục hành chính.';
    expect(directives(text).map((x) => x.text)).toEqual([
      'Đẩy nhanh tiến độ giải ngân',
      'Rà soát các dự án chậm tiến độ',
      'Tăng cường kiểm tra thủ tục hành chính',
    ]);
  });

  it('continues into the next paragraph when it gives more instructions, and stops at a byline', () => {
    const text =
      'Phát biểu bế mạc, đồng chí Bí thư yêu cầu các ngành rà soát chỉ tiêu chưa đạt.\n\nĐồng chí nhấn mạnh, cần hoàn thành kiểm kê đất đai, hỗ trợ các hộ sản xuất vụ đông.\n\nNguyễn An';
    expect(directives(text).map((x) => x.text)).toEqual([
      'các ngành rà soát chỉ tiêu chưa đạt',
      'hoàn thành kiểm kê đất đai, hỗ trợ các hộ sản xuất vụ đông',
    ]);
  });

  it('is empty without a conclusion', () => {
    expect(directives('Các đại biểu yêu cầu làm rõ số liệu.')).toEqual([]);
  });
});
