export * from './dates.js';
export * from './directive-status.js';
export * from './labels.js';
export * from './numbers.js';
export * from './periods.js';
export * from './progress.js';
export * from './rollup.js';
export * from './series.js';
