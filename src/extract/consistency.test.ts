import { describe, expect, it } from 'vitest';
import { checkConsistency } from './consistency.js';

describe('checkConsistency', () => {
  const retail = { value: 2404, unit: 'tỷ đồng', percentOfTarget: 73.96 };

  it('accepts a stored target within the rounding of the printed numbers', () => {
    const r = checkConsistency(retail, 3250.4);
    expect(r.status).toBe('consistent');
    expect(r.impliedTarget).toBeCloseTo(3250.41, 1);
    expect(r.message).toContain('Khớp');
  });

  it('accepts a rounded percentage: 64% of 155 is 99,2', () => {
    expect(checkConsistency({ value: 99.273, unit: 'tỷ đồng', percentOfTarget: 64 }, 155).status).toBe(
      'consistent',
    );
  });

  it('flags a disagreement with both numbers, in Vietnamese', () => {
    const r = checkConsistency(retail, 3500);
    expect(r.status).toBe('inconsistent');
    expect(r.differencePct).toBeCloseTo(7.68, 1);
    expect(r.message).toContain('3.250,4');
    expect(r.message).toContain('3.500');
    expect(r.message).toMatch(/^Không khớp/);
    expect(r.messageEn).toMatch(/^Inconsistent/);
  });

  it('converts money units explicitly', () => {
    expect(checkConsistency(retail, 3_250_400, 'triệu đồng').status).toBe('consistent');
    expect(checkConsistency(retail, 3250, 'tấn').status).toBe('not_applicable');
  });

  it('cannot check without a value or a percentage', () => {
    expect(checkConsistency({ value: null, unit: null, percentOfTarget: 50 }, 100).status).toBe(
      'not_applicable',
    );
    expect(checkConsistency({ value: 10, unit: 'ha', percentOfTarget: null }, 100).status).toBe(
      'not_applicable',
    );
    expect(checkConsistency({ value: 10, unit: 'ha', percentOfTarget: 0 }, 100).status).toBe(
      'not_applicable',
    );
  });
});
