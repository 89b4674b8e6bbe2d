import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from './index.js';
import type { ExtractResult } from './types.js';

/** Report fragments written for this test, in the style of local Party and government news. */
const FRAGMENTS = [
  'Ngày 18/9, Ban Chấp hành Đảng bộ huyện tổ chức hội nghị lần thứ chín (mở rộng), nhiệm kỳ 2020 - 2025.',
  'Đồng chí Hoàng Văn Thái, Bí thư Huyện ủy chủ trì hội nghị.',
  '9 tháng năm 2024, tổng giá trị sản xuất ước đạt 4.125,7 tỷ đồng, bằng 76,3% KH, tăng 7,1% so với cùng kỳ;',
  'thu ngân sách đạt 86,512 tỷ đồng, bằng 69% NQ, đạt 72% dự toán tỉnh giao.',
  'Kết nạp 48 đảng viên mới, đạt 80% chỉ tiêu; có 9/12 xã đạt chuẩn nông thôn mới.',
  'Tổng mức bán lẻ hàng hóa đạt 1 nghìn 120 tỷ, vượt 2,4% kế hoạch.',
  'Sản lượng lương thực đạt 39 vạn tấn (cùng kỳ năm trước 37 vạn tấn).',
  'Tai nạn giao thông xảy ra 8 vụ, làm chết 5 người; so với cùng kỳ giảm 2 vụ (-20%), giảm 1 người chết (-16,7%).',
  'Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm (dự án đường liên xã, trường học…).',
  'Phát biểu kết luận, đồng chí Bí thư Huyện ủy yêu cầu các xã tập trung thu ngân sách; trọng tâm là giải phóng mặt bằng.',
  'Phấn đấu cả năm đạt 100% chỉ tiêu, tỷ lệ hộ nghèo giảm còn 3%.',
  '(Ảnh: T.H)',
  'Lượt xem: 2048',
  'Cập nhật: 19/09/2024 | 08:30:00',
  '\n\n',
  ' ',
  ';',
  '(',
  ')',
  '%',
];

function checkShape(r: ExtractResult, length: number): void {
  expect(Array.isArray(r.figures)).toBe(true);
  for (const f of r.figures) {
    expect(f.span[0]).toBeGreaterThanOrEqual(0);
    expect(f.span[1]).toBeLessThanOrEqual(length);
    expect(f.span[0]).toBeLessThanOrEqual(f.span[1]);
    for (const n of [f.value, f.percentOfTarget, f.changeVsSamePeriodPct]) {
      if (n !== null) expect(Number.isFinite(n)).toBe(true);
    }
  }
  for (const d of r.directives) expect(d.span[1]).toBeLessThanOrEqual(length);
}

const codeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 })
  .map((units) => String.fromCharCode(...units));

describe('extract on bad input', () => {
  it('returns an empty result for empty or figure-less text', () => {
    expect(extract('')).toEqual({
      period: null,
      periodWindow: null,
      meeting: null,
      figures: [],
      lagging: [],
      directives: [],
    });
    expect(extract('Trời hôm nay đẹp.').figures).toEqual([]);
    expect(extract(undefined as unknown as string).figures).toEqual([]);
  });

  it('never throws on random strings, including lone surrogates and mixed scripts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme' }), codeUnits),
        (s) => {
          checkShape(extract(s), s.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on random concatenations of report fragments', () => {
    const pieces = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 });
    const cut = fc.tuple(pieces, fc.nat(), fc.nat()).map(([p, a, b]) => {
      const s = p.join(' ');
      // Arbitrary cuts, also inside words, numbers and surrogate pairs.
      return s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1) || undefined);
    });
    fc.assert(
      fc.property(
        fc.oneof(
          pieces.map((p) => p.join(' ')),
          pieces.map((p) => p.join('')),
          cut,
        ),
        (s) => {
          checkShape(extract(s), s.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** CPU time of this process for one run, in ms: other work on the machine does not count. */
function once(text: string): number {
  const t0 = process.cpuUsage();
  extract(text);
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function repeat(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

const ADVERSARIAL: [string, string][] = [
  ['report text', `${FRAGMENTS.slice(0, 11).join(' ')}\n`],
  ['one long sentence of numbers', '1.2,3.4 5% tăng 6% đạt 7 tỷ 8 triệu 9/10 '],
  ['brackets without end', '( ( đạt 5% ( 3 tỷ đồng '],
  ['nested reference brackets and cues', '( sẽ (CK (CK 5% ) sẽ 4% ) '],
  ['digits and separators', '1.1.1.1.1,1,1,1,1'],
  [
    'conclusions naming only a title',
    'Kết luận, đồng chí Bí thư Huyện ủy nhấn mạnh. Đồng chí Lê Văn An, Bí thư Huyện ủy dự. ',
  ],
  ['targets and years', 'phấn đấu năm 2030 đạt 5% cả năm; '],
  ['lagging', 'còn chậm (a, b, c, '],
  ['no spaces', 'ábc123%,.;()'],
];

// Generous timeouts: these measure ratios, and a busy machine only makes every run slower.
describe('extract in linear time', { timeout: 120_000 }, () => {
  // Linear work grows 4×, quadratic 16×: 8 is halfway between (geometrically), so a busy
  // machine's noise (6,5× was seen while apt unpacked LibreOffice beside the tests) does not decide.
  it.each(ADVERSARIAL)('%s: four times the text takes less than eight times as long', (_name, unit) => {
    // Large enough that timer noise does not decide (at least 60 ms), and read in several pieces.
    let n = 200_000;
    while (once(repeat(unit, n)) < 60 && n < 1_600_000) n *= 2;
    const small = repeat(unit, n);
    const large = repeat(unit, 4 * n);
    // Interleaved, and the fastest of each: other work on the machine only ever adds time.
    let a = Number.POSITIVE_INFINITY;
    let b = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 3; r++) {
      a = Math.min(a, once(small));
      b = Math.min(b, once(large));
    }
    expect(b / a).toBeLessThan(8);
  });

  it('reads 10 MB of text', () => {
    const text = repeat(`${FRAGMENTS.slice(0, 11).join(' ')}\n`, 10 * 1024 * 1024);
    const r = extract(text);
    expect(r.figures.length).toBeGreaterThan(10_000);
    expect(r.period).toBe('9 tháng 2024');
  });
});
