import { describe, expect, it } from 'vitest';
import {
  EXPECTED_METHOD_LABELS,
  FORECAST_METHOD_LABELS,
  PERCENT_METHOD_LABELS,
  PROGRESS_STATUS_LABELS,
} from './labels.js';

describe('PROGRESS_STATUS_LABELS', () => {
  it('uses the words of a review', () => {
    expect(PROGRESS_STATUS_LABELS.achieved.vi).toBe('đã đạt');
    expect(PROGRESS_STATUS_LABELS.on_track.vi).toBe('đúng tiến độ');
    expect(PROGRESS_STATUS_LABELS.behind.vi).toBe('chậm');
    expect(PROGRESS_STATUS_LABELS.at_risk.vi).toBe('nguy cơ không đạt');
    expect(PROGRESS_STATUS_LABELS.no_data.vi).toBe('chưa có số liệu');
  });
});

describe('method labels', () => {
  it('name every method in both languages', () => {
    const all = [
      PROGRESS_STATUS_LABELS,
      PERCENT_METHOD_LABELS,
      EXPECTED_METHOD_LABELS,
      FORECAST_METHOD_LABELS,
    ];
    for (const labels of all) {
      for (const { vi, en } of Object.values(labels)) {
        expect(vi.length).toBeGreaterThan(0);
        expect(en.length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(EXPECTED_METHOD_LABELS).sort()).toEqual(['baseline_linear', 'linear', 'seasonal']);
    expect(Object.keys(FORECAST_METHOD_LABELS).sort()).toEqual(['latest', 'linear', 'seasonal', 'trend']);
    expect(PERCENT_METHOD_LABELS.reduction.vi).toContain('giảm');
  });
});
