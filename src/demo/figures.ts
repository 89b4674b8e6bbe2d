import type { FigureInput } from '../figures/figures.schema.js';
import { CITY, type DemoIndicator, INDICATORS, PLAN, WARDS } from './bac-kan-2021.js';
import { levelPath, seeded, splitTotal } from './monthly.js';

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

interface Reporter {
  unitCode: string;
  share: number;
}

function reporters(by: 'city' | 'wards'): Reporter[] {
  if (by === 'city') return [{ unitCode: CITY.code, share: 1 }];
  const total = WARDS.reduce((a, w) => a + w.people, 0);
  return WARDS.map((w) => ({ unitCode: w.code, share: w.people / total }));
}

/** Every demo figure of one indicator: all of 2020 and January–September 2021. */
function indicatorFigures(ind: DemoIndicator, random: () => number): FigureInput[] {
  const out: FigureInput[] = [];
  const base = { planCode: PLAN.code, indicatorCode: ind.code, source: 'demo' as const };
  const units = reporters(ind.series.by);
  const push = (unitCode: string, period: string, value: number, extra: Partial<FigureInput> = {}): void => {
    out.push({ ...base, unitCode, period, value, status: 'official', ...extra });
  };

  if ('flow' in ind.series) {
    const f = ind.series.flow;
    const shares = units.map((u) => u.share);
    const by2020 = splitTotal(f.y2020, shares, f.step, random);
    const by2021 = splitTotal(f.through9, shares, f.step, random);
    for (const [i, u] of units.entries()) {
      for (const [m, v] of splitTotal(by2020[i] as number, f.season, f.step, random).entries()) {
        push(u.unitCode, month(2020, m + 1), v);
      }
      const months2021 = splitTotal(by2021[i] as number, f.season.slice(0, 9), f.step, random);
      if (f.septemberCumulative) {
        // As offices do: monthly figures to August, then the 9-month estimate as one total.
        for (const [m, v] of months2021.slice(0, 8).entries()) push(u.unitCode, month(2021, m + 1), v);
        push(u.unitCode, month(2021, 9), by2021[i] as number, { cumulative: true, status: 'estimate' });
      } else {
        for (const [m, v] of months2021.entries()) {
          push(u.unitCode, month(2021, m + 1), v, m === 8 ? { status: 'estimate' } : {});
        }
      }
    }
    return out;
  }
  const l = ind.series.level;
  const first = l.jan2020 - (l.dec2020 - l.jan2020) / 11;
  const path2020 = levelPath(first, l.dec2020, 12, l.decimals + 2, random);
  const path2021 = levelPath(l.dec2020, l.sep2021, 9, l.decimals + 2, random);
  for (const u of units) {
    // Counts (people) split by share; rates vary a little around the city's path.
    const perUnit = (v: number) =>
      ind.measureUnit === '%'
        ? Number((v + (u.share - 1 / units.length) * 8).toFixed(l.decimals))
        : Number((v * u.share).toFixed(l.decimals));
    for (const [m, v] of path2020.entries()) push(u.unitCode, month(2020, m + 1), perUnit(v));
    for (const [m, v] of path2021.entries()) {
      push(u.unitCode, month(2021, m + 1), perUnit(v), m === 8 ? { status: 'estimate' } : {});
    }
  }
  return out;
}

export function demoFigures(): FigureInput[] {
  const random = seeded(2021);
  return INDICATORS.flatMap((ind) => indicatorFigures(ind, random));
}
