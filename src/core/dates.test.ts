import { describe, expect, it } from 'vitest';
import {
  assertIsoDate,
  compareIsoDate,
  daysBetween,
  daysInMonth,
  formatVnDate,
  formatVnShortDate,
  InvalidDateError,
  isIsoDate,
  parseVnDate,
  toIsoDate,
} from './dates.js';

describe('isIsoDate', () => {
  it.each(['2021-10-06', '2020-02-29', '2000-02-29', '2021-12-31', '2021-01-01', '0021-01-01'])(
    'accepts %j',
    (s) => {
      expect(isIsoDate(s)).toBe(true);
    },
  );

  it.each([
    '2021-02-29',
    '1900-02-29',
    '2021-04-31',
    '2021-13-01',
    '2021-00-10',
    '2021-10-00',
    '2021-10-32',
    '2021-1-06',
    '2021-10-6',
    '06/10/2021',
    ' 2021-10-06',
    '',
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });
});

describe('daysInMonth', () => {
  it('knows leap years, including the century rules', () => {
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2021, 4)).toBe(30);
    expect(daysInMonth(2021, 12)).toBe(31);
    expect(daysInMonth(2021, 13)).toBe(0);
  });
});

describe('formatVnDate', () => {
  it('writes the long form of the article', () => {
    expect(formatVnDate('2021-10-06')).toBe('ngày 06 tháng 10 năm 2021');
  });

  it('pads every month in the Party style and only January and February in the state style', () => {
    expect(formatVnDate('2021-03-05')).toBe('ngày 05 tháng 03 năm 2021');
    expect(formatVnDate('2021-03-05', 'party')).toBe('ngày 05 tháng 03 năm 2021');
    expect(formatVnDate('2021-03-05', 'state')).toBe('ngày 05 tháng 3 năm 2021');
    expect(formatVnDate('2021-02-15', 'state')).toBe('ngày 15 tháng 02 năm 2021');
    expect(formatVnDate('2021-01-15', 'state')).toBe('ngày 15 tháng 01 năm 2021');
    expect(formatVnDate('2021-12-25', 'state')).toBe('ngày 25 tháng 12 năm 2021');
  });

  it('refuses a date that does not exist', () => {
    expect(() => formatVnDate('2021-02-29')).toThrow(InvalidDateError);
    expect(() => formatVnDate('06/10/2021')).toThrow('Ngày "06/10/2021" không hợp lệ');
  });
});

describe('formatVnShortDate', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatVnShortDate('2021-10-06')).toBe('06/10/2021');
    expect(formatVnShortDate('2024-01-31')).toBe('31/01/2024');
    expect(() => formatVnShortDate('2021-10-32')).toThrow(InvalidDateError);
  });
});

describe('parseVnDate', () => {
  it.each([
    ['06/10/2021', '2021-10-06'],
    ['6/10/2021', '2021-10-06'],
    ['6/1/2021', '2021-01-06'],
    ['06-10-2021', '2021-10-06'],
    ['06.10.2021', '2021-10-06'],
    [' 06/10/2021 ', '2021-10-06'],
    ['ngày 06 tháng 10 năm 2021', '2021-10-06'],
    ['Ngày 6 tháng 3 năm 2021', '2021-03-06'],
    ['29/02/2024', '2024-02-29'],
    ['2021-10-06', '2021-10-06'],
  ])('%j → %j', (text, iso) => {
    expect(parseVnDate(text)).toBe(iso);
  });

  it.each(['29/02/2021', '31/04/2021', '06/13/2021', '00/10/2021', '06/10/21', 'abc', '', '2021-02-29'])(
    'gives null for %j',
    (text) => {
      expect(parseVnDate(text)).toBeNull();
    },
  );

  it('round-trips with formatVnShortDate and formatVnDate', () => {
    for (const iso of ['2021-10-06', '2020-02-29', '1999-12-31']) {
      expect(parseVnDate(formatVnShortDate(iso))).toBe(iso);
      expect(parseVnDate(formatVnDate(iso))).toBe(iso);
      expect(parseVnDate(formatVnDate(iso, 'state'))).toBe(iso);
    }
  });
});

describe('compareIsoDate', () => {
  it('orders by calendar', () => {
    expect(compareIsoDate('2021-10-06', '2021-10-07')).toBe(-1);
    expect(compareIsoDate('2021-10-06', '2021-10-06')).toBe(0);
    expect(compareIsoDate('2022-01-01', '2021-12-31')).toBe(1);
    expect(['2021-12-01', '2020-05-05', '2021-01-31'].sort(compareIsoDate)).toEqual([
      '2020-05-05',
      '2021-01-31',
      '2021-12-01',
    ]);
  });
});

describe('assertIsoDate', () => {
  it('returns a valid date and throws on an invalid one', () => {
    expect(assertIsoDate('2021-10-06')).toBe('2021-10-06');
    expect(() => assertIsoDate('2021-02-30')).toThrow(InvalidDateError);
  });

  it('keeps the input on the error', () => {
    const error = new InvalidDateError('x');
    expect(error.input).toBe('x');
    expect(error.name).toBe('InvalidDateError');
  });
});

describe('daysBetween', () => {
  it('counts whole days in either direction', () => {
    expect(daysBetween('2021-10-06', '2021-10-06')).toBe(0);
    expect(daysBetween('2021-10-06', '2021-10-16')).toBe(10);
    expect(daysBetween('2021-10-16', '2021-10-06')).toBe(-10);
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2021-01-01', '2022-01-01')).toBe(365);
    expect(daysBetween('0021-01-01', '0022-01-01')).toBe(365);
  });

  it('refuses invalid dates', () => {
    expect(() => daysBetween('2021-02-29', '2021-03-01')).toThrow(InvalidDateError);
    expect(() => daysBetween('2021-03-01', 'x')).toThrow(InvalidDateError);
  });
});

describe('toIsoDate', () => {
  it('uses Vietnam time by default', () => {
    // 18:30 UTC on 5 October is 01:30 on 6 October in Hà Nội (UTC+7).
    expect(toIsoDate(new Date('2021-10-05T18:30:00Z'))).toBe('2021-10-06');
    expect(toIsoDate(new Date('2021-10-05T16:59:00Z'))).toBe('2021-10-05');
  });

  it('accepts another time zone', () => {
    expect(toIsoDate(new Date('2021-10-05T18:30:00Z'), 'UTC')).toBe('2021-10-05');
  });
});
