import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('core index', () => {
  it('re-exports every module of the core', () => {
    for (const name of [
      'computeProgress',
      'cumulativeActual',
      'monthlySeries',
      'flowTotals',
      'rollupValues',
      'unitsStandingFor',
      'directiveStatus',
      'DIRECTIVE_STATUS_LABELS',
      'PROGRESS_STATUS_LABELS',
      'parseWindowLabel',
      'formatWindowLabel',
      'InvalidPeriodError',
      'formatVnDate',
      'parseVnDate',
      'parseVnNumber',
    ]) {
      expect(core, name).toHaveProperty(name);
    }
  });
});
