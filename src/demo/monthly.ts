/**
 * Deterministic monthly series for the demo: the same seed gives the same figures on every
 * machine, and totals hit the published numbers exactly (values are built in thousandths).
 */

/** Small fast PRNG (mulberry32); demo data only, never security. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits `total` over the months of `weights` in steps of `step` (1 for counts, 0.001 for
 * tỷ đồng), with a little noise, so the parts add up to exactly `total`.
 */
export function splitTotal(
  total: number,
  weights: readonly number[],
  step: number,
  random: () => number,
): number[] {
  const units = Math.round(total / step);
  const noisy = weights.map((w) => w * (0.9 + 0.2 * random()));
  const sum = noisy.reduce((a, b) => a + b, 0);
  const parts = noisy.map((w) => Math.floor((units * w) / sum));
  let rest = units - parts.reduce((a, b) => a + b, 0);
  for (let i = parts.length - 1; rest > 0; i = (i - 1 + parts.length) % parts.length, rest--) {
    parts[i] = (parts[i] as number) + 1;
  }
  const decimals = Math.max(0, Math.round(-Math.log10(step)));
  return parts.map((p) => Number((p * step).toFixed(decimals)));
}

/** Month-end levels moving from `from` to `to` over `months` months, with a little noise. */
export function levelPath(
  from: number,
  to: number,
  months: number,
  decimals: number,
  random: () => number,
): number[] {
  return Array.from({ length: months }, (_, i) => {
    const exact = from + ((to - from) * (i + 1)) / months;
    const wobble = i === months - 1 ? 0 : (random() - 0.5) * Math.abs(to - from) * 0.1;
    return Number((exact + wobble).toFixed(decimals));
  });
}

/** Seasonal weights by month. */
export const SEASON = {
  even: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  /** Retail peaks at Tết (Jan–Feb) and the year end. */
  retail: [1.25, 1.2, 0.85, 0.9, 0.92, 0.93, 0.95, 0.95, 0.97, 1.0, 1.03, 1.2],
  /** Budget revenue: steady, with land-use fees collected mid-year and a year-end push. */
  budget: [0.9, 0.7, 0.9, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 0.8, 0.8, 0.9],
  /** Public investment pays out late in the year. */
  disbursement: [0.3, 0.3, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.5, 2.3],
  /** Party admissions follow the cells' meeting calendar, heavier before 3/2 and 19/5 and by Q3. */
  admissions: [0.8, 1.4, 0.8, 0.9, 1.4, 1.0, 1.1, 1.0, 1.1, 0.9, 0.8, 0.8],
  /** Conscription happens in February. */
  conscription: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  /** Rice harvests: spring (May–June) and summer-autumn (September–October). */
  harvest: [0, 0, 0, 0, 1.8, 2.2, 0.2, 0.1, 1.6, 2.4, 0.1, 0],
  /** Planting season for forests: spring and the rainy months. */
  planting: [0.2, 1.5, 1.8, 1.2, 0.8, 1.1, 1.3, 1.0, 0.6, 0.3, 0.1, 0.1],
} as const;
