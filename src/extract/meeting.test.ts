import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const meeting = (text: string) => extract(text).meeting;

describe('meeting date', () => {
  it.each([
    ['Ngày 14/10, Ban Chấp hành Đảng bộ huyện tổ chức hội nghị kiểm điểm 9 tháng năm 2022.', '2022-10-14'],
    ['Sáng 7-7, Thành ủy tổ chức hội nghị đánh giá 6 tháng đầu năm 2023.', '2023-07-07'],
    ['Chiều ngày 28/3/2024, UBND huyện tổ chức phiên họp thường kỳ.', '2024-03-28'],
    ['Ngày 9 tháng 12 năm 2021, Đảng ủy xã tổ chức hội nghị.', '2021-12-09'],
    [
      'Ngày 2 và 3-8, Đảng bộ xã tổ chức Đại hội, nhiệm kỳ 2025 - 2030. Năm 2025 đã hoàn thành.',
      '2025-08-02',
    ],
  ])('%s → %s', (text, date) => expect(meeting(text)?.date).toBe(date));

  it('puts a January meeting on last year’s results in the next year', () => {
    expect(meeting('Sáng 12-1, Đảng ủy phường tổ chức hội nghị đánh giá công tác năm 2023.')?.date).toBe(
      '2024-01-12',
    );
  });

  it('leaves the date out when the year is unknown or only a page stamp gives a date', () => {
    expect(meeting('Ngày 11/10, Đảng ủy xã tổ chức hội nghị.')?.date).toBeNull();
    expect(meeting('Cập nhật ngày: 05/06/2022 10:15:00\nHĐND xã tổ chức kỳ họp.')?.date).toBeNull();
  });

  it('is null when no meeting is described', () => {
    expect(meeting('9 tháng năm 2022, thu ngân sách đạt 80 tỷ đồng.')).toBeNull();
  });
});

describe('meeting chair', () => {
  it.each([
    ['Đồng chí Lương Văn Hòa – Bí thư Huyện ủy chủ trì hội nghị.', 'Lương Văn Hòa'],
    ['Hội nghị do đồng chí Đinh Thị Mai, Chủ tịch UBND xã chủ trì.', 'Đinh Thị Mai'],
    ['Đồng chí Chủ tịch UBND huyện Phạm Quốc Khánh chủ trì phiên họp.', 'Phạm Quốc Khánh'],
    [
      'Đồng chí Vũ Đức Long - Bí thư Huyện ủy; đồng chí Ngô Thị Thu - Phó Bí thư Thường trực Huyện ủy cùng chủ trì hội nghị.',
      'Vũ Đức Long; Ngô Thị Thu',
    ],
    [
      'Chủ trì hội nghị có Bí thư Thành ủy Hồ Văn Nam; Phó Bí thư Thành ủy, Chủ tịch UBND thành phố Trịnh Minh Quân.',
      'Hồ Văn Nam; Trịnh Minh Quân',
    ],
    [
      'Tham dự có đồng chí Bùi Thanh Sơn, Chủ tịch UBND huyện chủ trì cuộc họp. Cùng dự có đồng chí Lê Văn Tú.',
      'Bùi Thanh Sơn',
    ],
  ])('%s → %s', (text, chair) => expect(meeting(`Hội nghị. ${text}`)?.chair).toBe(chair));

  it('falls back on the person who concluded', () => {
    const text =
      'UBND huyện họp phiên thường kỳ. Kết luận phiên họp, đồng chí Đào Minh Trí, Chủ tịch UBND huyện yêu cầu các ngành khẩn trương triển khai.';
    expect(meeting(text)?.chair).toBe('Đào Minh Trí');
  });

  it('resolves a title given at the conclusion to the person introduced with it', () => {
    const text =
      'Hội nghị có sự tham dự của đồng chí Hà Văn Đức - Bí thư Huyện ủy và đồng chí Lò Văn Pó - Phó Bí thư Huyện ủy. Kết luận hội nghị, đồng chí Bí thư Huyện ủy nhấn mạnh các nhiệm vụ trọng tâm.';
    expect(meeting(text)?.chair).toBe('Hà Văn Đức');
  });

  it('does not take "Phó Chủ tịch" for "Chủ tịch"', () => {
    const text =
      'Thường trực HĐND huyện họp thường kỳ, dự có đồng chí Lê Thị Hồng - Phó Chủ tịch HĐND huyện, đồng chí Mai Văn Hùng - Chủ tịch HĐND huyện. Kết luận cuộc họp, đồng chí Chủ tịch HĐND huyện yêu cầu các Ban chuẩn bị kỳ họp.';
    expect(meeting(text)?.chair).toBe('Mai Văn Hùng');
  });

  it('stops a name where a title runs on without punctuation', () => {
    const text =
      'Họp báo. Kết luận phiên họp, đồng chí Trần Quốc Bảo Tỉnh ủy viên, Bí thư Huyện ủy yêu cầu các ban thực hiện.';
    expect(meeting(text)?.chair).toBe('Trần Quốc Bảo');
  });

  it('does not take attendees, speakers or places for chairs', () => {
    const text =
      'Ngày 5/5/2023, Huyện ủy tổ chức hội nghị. Dự hội nghị có đồng chí Tô Văn Lâm, Phó Bí thư Tỉnh ủy. Phát biểu tại hội nghị, Chủ tịch UBND thành phố Hà Nội cho biết kết quả.';
    expect(meeting(text)?.chair).toBeNull();
  });
});

describe('meeting body, session, term and kind', () => {
  it('reads them from the sentences that describe the meeting', () => {
    const m = meeting(
      'Ngày 20/12, Ban Thường vụ Huyện ủy tổ chức hội nghị Ban Chấp hành Đảng bộ huyện lần thứ mười bốn (mở rộng), nhiệm kỳ 2020 – 2025, đánh giá kết quả năm 2022.',
    );
    expect(m).toMatchObject({
      date: '2022-12-20',
      body: 'Ban Chấp hành Đảng bộ huyện',
      session: 14,
      term: '2020-2025',
      kind: 'mở rộng',
    });
  });

  it('reads digits and Roman numerals for the session, and the body before "tổ chức"', () => {
    expect(meeting('UBND huyện tổ chức phiên họp thường kỳ tháng 5.')).toMatchObject({
      body: 'UBND huyện',
      kind: 'thường kỳ',
    });
    expect(meeting('HĐND xã khai mạc kỳ họp thứ 9.')?.session).toBe(9);
    expect(meeting('Đại hội Đảng bộ xã lần thứ XII.')?.session).toBe(12);
  });
});
