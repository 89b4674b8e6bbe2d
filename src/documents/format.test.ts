import { describe, expect, it } from 'vitest';
import {
  ARTICLE_PERCENT,
  basisLabel,
  changeWords,
  decimalsNeeded,
  formatPercent,
  formatQuantity,
} from './format.js';
import { asciiFileName, contentDisposition } from './index.js';
import { signerFromChair } from './letterhead.js';
import { lowerFirst, oneLine, paragraphsOf, xmlSafe } from './safe-text.js';
import { documentNumber, formatFor, headerName, issuerCodeFor, placeOf } from './settings.js';
import { xmlInvalidChars } from './test-zip.js';

describe('figures as documents print them', () => {
  it('prints the article’s two figures the way the article does', () => {
    expect(formatQuantity(2404, 'tỷ đồng', 0)).toBe('2.404 tỷ đồng');
    expect(formatQuantity(99.273, 'tỷ đồng', 3)).toBe('99,273 tỷ đồng');
    expect(formatQuantity(72.6, '%', 1)).toBe('72,6%');
    expect(formatPercent(73.96, ARTICLE_PERCENT)).toBe('73,96%');
    expect(formatPercent(64.006, ARTICLE_PERCENT)).toBe('64%');
  });

  it('drops decimals in the article only within the tolerance of a whole number', () => {
    expect(formatPercent(64.006)).toBe('64,01%');
    expect(formatPercent(63.995, ARTICLE_PERCENT)).toBe('64%');
    expect(formatPercent(64.01, ARTICLE_PERCENT)).toBe('64,01%');
    expect(formatPercent(99.96, ARTICLE_PERCENT)).toBe('99,96%');
    expect(formatPercent(100, ARTICLE_PERCENT)).toBe('100%');
    expect(formatPercent(73.96, { wholeTolerance: 0.05, decimals: 2 })).toBe('74%');
    expect(formatPercent(1234.5)).toBe('1.234,5%');
  });

  it('names the target basis, and who set it when it is not the plan’s issuer', () => {
    expect(basisLabel('NQ', 'Thành ủy Bắc Kạn', 'Thành ủy Bắc Kạn')).toBe('NQ');
    expect(basisLabel('dự toán', 'HĐND tỉnh Bắc Kạn', 'Thành ủy Bắc Kạn')).toBe(
      'dự toán HĐND tỉnh Bắc Kạn giao',
    );
    expect(basisLabel(null, null, 'x')).toBe('NQ');
  });

  it('words a change on last year', () => {
    expect(changeWords(4.57)).toBe('tăng 4,6% so với cùng kỳ');
    expect(changeWords(-14.6)).toBe('giảm 14,6% so với cùng kỳ');
    expect(changeWords(0.01)).toBe('tương đương cùng kỳ');
  });

  it('counts the decimals a value needs', () => {
    expect(decimalsNeeded(250, 3)).toBe(0);
    expect(decimalsNeeded(155.1, 3)).toBe(1);
    expect(decimalsNeeded(99.273, 3)).toBe(3);
    expect(decimalsNeeded(1 / 3, 2)).toBe(2);
  });
});

describe('text that XML can carry', () => {
  it('removes control characters and lone surrogates, keeps tabs, newlines and real emoji', () => {
    const hostile = `a\u0000b\u0001c\u000bd\u001fe\ufffff\ud800g\udc00h\t\n😀<&>`;
    const safe = xmlSafe(hostile);
    expect(safe).toBe('abcdef\uFFFDg\uFFFDh\t\n😀<&>');
    expect(xmlInvalidChars(safe)).toEqual([]);
    expect(xmlInvalidChars(hostile)).toHaveLength(5);
    expect(xmlSafe('😀')).toBe('😀');
  });

  it('normalises to NFC so "ủy" typed two ways is one word', () => {
    expect(xmlSafe('u\u031B\u0309y')).toBe('ửy');
    expect(oneLine(' a \n\n b\t c ')).toBe('a b c');
    expect(paragraphsOf('một\n\n hai \r\nba')).toEqual(['một', 'hai', 'ba']);
  });

  it('lowers the first letter of a clause but not of a name', () => {
    expect(lowerFirst('Ghi nhận kết quả')).toBe('ghi nhận kết quả');
    expect(lowerFirst('Ban Thường vụ Thành ủy')).toBe('Ban Thường vụ Thành ủy');
    expect(lowerFirst('UBND thành phố')).toBe('UBND thành phố');
  });
});

describe('letterhead rules', () => {
  it('chooses the Party format for Party bodies and the State format for People’s Committees', () => {
    expect(formatFor('Thành ủy Bắc Kạn')).toBe('party');
    expect(formatFor('Ban Thường vụ Tỉnh ủy')).toBe('party');
    expect(formatFor('Đảng ủy xã Dương Quang')).toBe('party');
    expect(formatFor('UBND thành phố Bắc Kạn')).toBe('state');
    expect(formatFor('Ủy ban nhân dân tỉnh Bắc Kạn')).toBe('state');
    expect(formatFor('HĐND tỉnh Bắc Kạn')).toBe('state');
    expect(formatFor('Sở Tài chính')).toBe('state');
  });

  it('spells the issuer in full capitals, with its code and place', () => {
    expect(headerName('Thành ủy Bắc Kạn')).toBe('THÀNH ỦY BẮC KẠN');
    expect(headerName('UBND thành phố Bắc Kạn')).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN');
    expect(issuerCodeFor('Thành ủy Bắc Kạn')).toBe('TU');
    expect(issuerCodeFor('Huyện ủy Chợ Mới')).toBe('HU');
    expect(issuerCodeFor('UBND thành phố Bắc Kạn')).toBe('UBND');
    expect(issuerCodeFor('Hội Nông dân')).toBeNull();
    expect(placeOf('Thành phố Bắc Kạn')).toBe('Bắc Kạn');
    expect(placeOf('Xã Dương Quang')).toBe('Dương Quang');
  });

  it('writes numbers the way each format does', () => {
    expect(documentNumber('party', '123', 'BC', 'TU')).toBe('Số 123-BC/TU');
    expect(documentNumber('state', '12', 'BC', 'UBND')).toBe('Số: 12/BC-UBND');
    expect(documentNumber('party', undefined, 'TB', 'TU')).toBe('Số      -TB/TU');
  });

  it('lets the chair sign only when one of their posts heads the body', () => {
    const chair = { name: 'Cù Ngọc Cường', positionTitle: 'Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy' };
    expect(signerFromChair(chair, 'party')).toEqual({ name: 'Cù Ngọc Cường', title: 'BÍ THƯ' });
    expect(signerFromChair({ name: 'A', positionTitle: 'Phó Bí thư Thường trực' }, 'party')?.title).toBe(
      'PHÓ BÍ THƯ',
    );
    expect(signerFromChair(chair, 'state')).toBeUndefined();
    expect(signerFromChair({ name: 'B', positionTitle: 'Chủ tịch UBND thành phố' }, 'state')?.title).toBe(
      'CHỦ TỊCH',
    );
    expect(signerFromChair(undefined, 'party')).toBeUndefined();
  });
});

describe('file names', () => {
  it('sends the Vietnamese name as RFC 5987 filename* with an ASCII twin', () => {
    const name = 'Báo cáo kiểm điểm 9 tháng năm 2021 (bản 1*).docx';
    expect(asciiFileName(name)).toBe('Bao cao kiem diem 9 thang nam 2021 _ban 1__.docx');
    const header = contentDisposition(name);
    expect(header).toBe(
      `attachment; filename="Bao cao kiem diem 9 thang nam 2021 _ban 1__.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20ki%E1%BB%83m%20%C4%91i%E1%BB%83m%209%20th%C3%A1ng%20n%C4%83m%202021%20%28b%E1%BA%A3n%201%2A%29.docx`,
    );
    const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(name);
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });
});
