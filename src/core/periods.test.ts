import { describe, expect, it } from 'vitest';
import {
  closesReportingPeriod,
  cumulativeWindow,
  formatWindowLabel,
  InvalidPeriodError,
  isValidWindow,
  lastMonthsWindow,
  monthKey,
  parseMonthKey,
  parseWindowLabel,
  quarterOf,
  quarterWindow,
  sameWindowPreviousYear,
  type Window,
} from './periods.js';

const w = (year: number, fromMonth: number, toMonth: number): Window => ({ year, fromMonth, toMonth });

describe('parseMonthKey', () => {
  it.each([
    ['2021-09', 2021, 9],
    ['2021-9', 2021, 9],
    ['2021-12', 2021, 12],
    ['1900-01', 1900, 1],
    ['2200-12', 2200, 12],
    [' 2024-07 ', 2024, 7],
  ])('%j → %i-%i', (text, year, month) => {
    expect(parseMonthKey(text)).toEqual({ year, month });
  });

  it.each([
    ['2021-13', 'tháng phải từ 01 đến 12'],
    ['2021-00', 'tháng phải từ 01 đến 12'],
    ['1899-12', 'năm phải từ 1900 đến 2200'],
    ['2201-01', 'năm phải từ 1900 đến 2200'],
    ['abc', 'cần dạng YYYY-MM'],
    ['2021-009', 'cần dạng YYYY-MM'],
    ['21-09', 'cần dạng YYYY-MM'],
    ['', 'cần dạng YYYY-MM'],
  ])('rejects %j with a Vietnamese reason', (text, reason) => {
    const error = (() => {
      try {
        parseMonthKey(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidPeriodError);
    expect((error as InvalidPeriodError).input).toBe(text);
    expect((error as InvalidPeriodError).message).toContain(`Kỳ báo cáo "${text}" không hợp lệ`);
    expect((error as InvalidPeriodError).message).toContain(reason);
  });

  it('gives the example message from the spec verbatim', () => {
    expect(() => parseMonthKey('2021-13')).toThrow(
      'Kỳ báo cáo "2021-13" không hợp lệ: tháng phải từ 01 đến 12',
    );
  });

  it('has a default message when none is given', () => {
    const e = new InvalidPeriodError('x');
    expect(e.message).toBe('Kỳ báo cáo "x" không hợp lệ');
    expect(e.name).toBe('InvalidPeriodError');
  });
});

describe('monthKey', () => {
  it('pads the month', () => {
    expect(monthKey({ year: 2021, month: 9 })).toBe('2021-09');
    expect(monthKey({ year: 2021, month: 12 })).toBe('2021-12');
  });

  it('round-trips with parseMonthKey', () => {
    expect(parseMonthKey(monthKey({ year: 2024, month: 3 }))).toEqual({ year: 2024, month: 3 });
  });

  it.each([
    { year: 2021, month: 0 },
    { year: 2021, month: 13 },
    { year: 2021, month: 1.5 },
    { year: 1899, month: 1 },
  ])('refuses %j', (m) => {
    expect(() => monthKey(m)).toThrow(RangeError);
  });
});

describe('window constructors', () => {
  it('cumulativeWindow runs from January', () => {
    expect(cumulativeWindow({ year: 2021, month: 9 })).toEqual(w(2021, 1, 9));
    expect(cumulativeWindow({ year: 2021, month: 1 })).toEqual(w(2021, 1, 1));
    expect(() => cumulativeWindow({ year: 2021, month: 13 })).toThrow(RangeError);
  });

  it.each([
    [1, 1, 3],
    [2, 4, 6],
    [3, 7, 9],
    [4, 10, 12],
  ] as const)('quarterWindow(2021, %i) = %i..%i', (q, from, to) => {
    expect(quarterWindow(2021, q)).toEqual(w(2021, from, to));
  });

  it('quarterWindow refuses a quarter outside 1..4', () => {
    expect(() => quarterWindow(2021, 5 as 1)).toThrow(RangeError);
  });

  it('lastMonthsWindow ends in December', () => {
    expect(lastMonthsWindow(2021, 3)).toEqual(w(2021, 10, 12));
    expect(lastMonthsWindow(2021, 6)).toEqual(w(2021, 7, 12));
    expect(lastMonthsWindow(2021, 1)).toEqual(w(2021, 12, 12));
    expect(lastMonthsWindow(2021, 12)).toEqual(w(2021, 1, 12));
    expect(() => lastMonthsWindow(2021, 0)).toThrow(RangeError);
    expect(() => lastMonthsWindow(2021, 13)).toThrow(RangeError);
  });

  it('sameWindowPreviousYear keeps the months', () => {
    expect(sameWindowPreviousYear(w(2021, 1, 9))).toEqual(w(2020, 1, 9));
    expect(() => sameWindowPreviousYear(w(1900, 1, 9))).toThrow(RangeError);
  });

  it('isValidWindow checks year, months and order', () => {
    expect(isValidWindow(w(2021, 1, 12))).toBe(true);
    expect(isValidWindow(w(2021, 5, 5))).toBe(true);
    expect(isValidWindow(w(2021, 6, 5))).toBe(false);
    expect(isValidWindow(w(2021, 0, 5))).toBe(false);
    expect(isValidWindow(w(2021, 1, 13))).toBe(false);
    expect(isValidWindow(w(2021.5, 1, 2))).toBe(false);
  });

  it('quarterOf recognises exact quarters only', () => {
    expect(quarterOf(w(2021, 10, 12))).toBe(4);
    expect(quarterOf(w(2021, 1, 3))).toBe(1);
    expect(quarterOf(w(2021, 2, 4))).toBeNull();
    expect(quarterOf(w(2021, 4, 5))).toBeNull();
  });
});

describe('parseWindowLabel', () => {
  it.each([
    ['9 tháng năm 2021', w(2021, 1, 9)],
    ['9 tháng đầu năm 2021', w(2021, 1, 9)],
    ['09 tháng 2021', w(2021, 1, 9)],
    ['6 tháng đầu năm 2022', w(2022, 1, 6)],
    ['12 tháng năm 2021', w(2021, 1, 12)],
    ['10T/2022', w(2022, 1, 10)],
    ['quý IV/2021', w(2021, 10, 12)],
    ['quý IV năm 2021', w(2021, 10, 12)],
    ['quý 4/2021', w(2021, 10, 12)],
    ['quý I 2022', w(2022, 1, 3)],
    ['Quý II năm 2022', w(2022, 4, 6)],
    ['quý III/2023', w(2023, 7, 9)],
    ['tháng 7/2024', w(2024, 7, 7)],
    ['tháng 07/2024', w(2024, 7, 7)],
    ['tháng 7 năm 2024', w(2024, 7, 7)],
    ['tháng 1 2026', w(2026, 1, 1)],
    ['T7/2024', w(2024, 7, 7)],
    ['năm 2021', w(2021, 1, 12)],
    ['cả năm 2021', w(2021, 1, 12)],
    ['3 tháng cuối năm 2021', w(2021, 10, 12)],
    ['03 tháng cuối năm 2021', w(2021, 10, 12)],
    ['6 tháng cuối năm 2021', w(2021, 7, 12)],
    ['tháng 2–5/2021', w(2021, 2, 5)],
    ['tháng 2 - 5/2021', w(2021, 2, 5)],
    ['từ tháng 2 đến tháng 5 năm 2021', w(2021, 2, 5)],
    ['lũy kế 10 tháng đầu năm 2023', w(2023, 1, 10)],
    ['luỹ kế đến tháng 9/2021', w(2021, 1, 9)],
    ['lũy kế từ đầu năm đến hết tháng 9 năm 2021', w(2021, 1, 9)],
    ['lũy kế tháng 9/2021', w(2021, 1, 9)],
  ])('%j', (label, window) => {
    expect(parseWindowLabel(label)).toEqual(window);
  });

  it.each([
    ['9 THÁNG ĐẦU NĂM 2021'],
    ['9 thang dau nam 2021'],
    ['  9   tháng\tđầu  năm 2021. '],
    ['(9 tháng năm 2021)'],
    ['9 tha\u0301ng đâ\u0300u năm 2021'],
  ])('tolerates case, diacritics, spacing and decomposed text: %j', (label) => {
    expect(parseWindowLabel(label)).toEqual(w(2021, 1, 9));
  });

  it('tolerates missing diacritics on quarters and cumulative labels', () => {
    expect(parseWindowLabel('QUY IV/2021')).toEqual(w(2021, 10, 12));
    expect(parseWindowLabel('luy ke 7 thang nam 2023')).toEqual(w(2023, 1, 7));
  });

  it('needs a month for "lũy kế"', () => {
    expect(parseWindowLabel('lũy kế từ đầu năm 2021')).toBeNull();
    expect(parseWindowLabel('lũy kế năm 2023')).toBeNull();
    expect(parseWindowLabel('lũy kế')).toBeNull();
    expect(parseWindowLabel('lũy kế từ đầu năm', 2021)).toBeNull();
  });

  it('refuses cumulative labels that do not start in January', () => {
    expect(parseWindowLabel('lũy kế quý III/2021')).toBeNull();
    expect(parseWindowLabel('lũy kế 3 tháng cuối năm 2021')).toBeNull();
  });

  it('uses the default year only when the label names none', () => {
    expect(parseWindowLabel('9 tháng đầu năm')).toBeNull();
    expect(parseWindowLabel('9 tháng đầu năm', 2021)).toEqual(w(2021, 1, 9));
    expect(parseWindowLabel('quý II', 2022)).toEqual(w(2022, 4, 6));
    expect(parseWindowLabel('lũy kế 10 tháng', 2023)).toEqual(w(2023, 1, 10));
    expect(parseWindowLabel('9 tháng năm 2020', 2021)).toEqual(w(2020, 1, 9));
    expect(parseWindowLabel('9 tháng', 1800)).toBeNull();
  });

  it.each([
    '',
    'abc',
    'năm',
    '13 tháng năm 2021',
    '0 tháng năm 2021',
    '13 tháng cuối năm 2021',
    'tháng 13/2021',
    'tháng 0/2021',
    'quý V/2021',
    'quý 5/2021',
    'tháng 5–2/2021',
    'năm 1800',
    'tháng 7/2201',
    '9 tháng năm 2021 và nhiệm vụ',
    '2021-09',
  ])('rejects %j', (label) => {
    expect(parseWindowLabel(label)).toBeNull();
  });
});

describe('formatWindowLabel', () => {
  it.each([
    [w(2021, 1, 12), 'năm 2021'],
    [w(2021, 1, 6), '6 tháng đầu năm 2021'],
    [w(2021, 1, 9), '9 tháng năm 2021'],
    [w(2021, 1, 3), '3 tháng năm 2021'],
    [w(2021, 1, 1), 'tháng 1/2021'],
    [w(2024, 7, 7), 'tháng 7/2024'],
    [w(2021, 12, 12), 'tháng 12/2021'],
    [w(2021, 10, 12), 'quý IV/2021'],
    [w(2021, 4, 6), 'quý II/2021'],
    [w(2021, 7, 9), 'quý III/2021'],
    [w(2021, 7, 12), '6 tháng cuối năm 2021'],
    [w(2021, 2, 12), '11 tháng cuối năm 2021'],
    [w(2021, 11, 12), '2 tháng cuối năm 2021'],
    [w(2021, 2, 5), 'tháng 2–5/2021'],
    [w(2021, 2, 3), 'tháng 2–3/2021'],
  ])('%j → %j', (window, label) => {
    expect(formatWindowLabel(window)).toBe(label);
  });

  it('refuses an invalid window', () => {
    expect(() => formatWindowLabel(w(2021, 5, 2))).toThrow(RangeError);
  });

  it('round-trips every window of a year through parseWindowLabel', () => {
    let count = 0;
    for (let from = 1; from <= 12; from++) {
      for (let to = from; to <= 12; to++) {
        const window = w(2021, from, to);
        expect(parseWindowLabel(formatWindowLabel(window))).toEqual(window);
        count++;
      }
    }
    expect(count).toBe(78);
  });
});

describe('closesReportingPeriod', () => {
  const owedIn = (f: Parameters<typeof closesReportingPeriod>[0]) =>
    Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => closesReportingPeriod(f, m));
  it('owes a monthly figure every month, others at the end of their quarter, half year or year', () => {
    expect(owedIn('monthly')).toHaveLength(12);
    expect(owedIn('quarterly')).toEqual([3, 6, 9, 12]);
    expect(owedIn('half_yearly')).toEqual([6, 12]);
    expect(owedIn('yearly')).toEqual([12]);
  });
});
