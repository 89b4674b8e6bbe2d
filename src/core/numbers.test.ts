import { describe, expect, it } from 'vitest';
import {
  convertUnit,
  formatVnNumber,
  formatVnPercent,
  normalizeUnit,
  parseVnNumber,
  parseVnPercent,
  UnitMismatchError,
} from './numbers.js';

describe('parseVnNumber', () => {
  it.each([
    ['2.404', 2404],
    ['99,273', 99.273],
    ['73,96', 73.96],
    ['3.800.019', 3800019],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['3,800,019', 3800019],
    ['189.26', 189.26],
    ['0,5', 0.5],
    [',5', 0.5],
    ['2404', 2404],
    [' 12 ', 12],
    ['-12,5', -12.5],
    ['−3,2', -3.2],
    ['+4', 4],
    ['1 234', 1234],
  ])('%s → %d', (text, value) => {
    expect(parseVnNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '1.2.3', '12,34,5', '1..2', '-', '12a', '2021-13'])('rejects %j', (text) => {
    expect(parseVnNumber(text)).toBeNull();
  });
});

describe('parseVnPercent', () => {
  it('reads a percent with or without the sign', () => {
    expect(parseVnPercent('73,96%')).toBe(73.96);
    expect(parseVnPercent('64 %')).toBe(64);
    expect(parseVnPercent('64')).toBe(64);
  });
});

describe('formatVnNumber', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatVnNumber(2404)).toBe('2.404');
    expect(formatVnNumber(3800019)).toBe('3.800.019');
    expect(formatVnNumber(99.273, { maxDecimals: 3 })).toBe('99,273');
    expect(formatVnNumber(99.273)).toBe('99,27');
    expect(formatVnNumber(64, { minDecimals: 2 })).toBe('64,00');
    expect(formatVnNumber(-1.5)).toBe('-1,5');
    expect(formatVnNumber(0)).toBe('0');
  });

  it('formats percentages', () => {
    expect(formatVnPercent(73.9606)).toBe('73,96%');
    expect(formatVnPercent(64)).toBe('64%');
  });

  it('round-trips through parse', () => {
    for (const n of [1, 12.5, 2404, 99.273, 1234567.89]) {
      expect(parseVnNumber(formatVnNumber(n, { maxDecimals: 3 }))).toBe(n);
    }
  });
});

describe('units', () => {
  it('normalises spellings', () => {
    expect(normalizeUnit('tỉ đồng')).toBe('tỷ đồng');
    expect(normalizeUnit(' Tỷ  đồng ')).toBe('tỷ đồng');
    expect(normalizeUnit('tỷ dồng')).toBe('tỷ đồng');
    expect(normalizeUnit('ha')).toBe('ha');
  });

  it('converts money explicitly', () => {
    expect(convertUnit(99.273, 'tỷ đồng', 'triệu đồng')).toBe(99273);
    expect(convertUnit(4500, 'triệu đồng', 'tỷ đồng')).toBe(4.5);
    expect(convertUnit(2, 'tỉ đồng', 'tỷ đồng')).toBe(2);
    expect(convertUnit(7, 'ha', 'ha')).toBe(7);
  });

  it('refuses to mix other units', () => {
    expect(() => convertUnit(1, 'tỷ đồng', 'ha')).toThrow(UnitMismatchError);
    expect(() => convertUnit(1, 'tấn', 'ha')).toThrow(/tấn/);
  });
});
