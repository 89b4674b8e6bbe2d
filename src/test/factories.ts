import { randomBytes } from 'node:crypto';
import { type ServiceContext, systemContext } from '../context.js';
import type { FigureInput } from '../figures/figures.schema.js';
import { recordFigures } from '../figures/figures.service.js';
import type { IndicatorInput } from '../plans/plans.schema.js';
import { createIndicator, createPlan, includeIndicator, setTarget } from '../plans/plans.service.js';
import type { Store } from '../store/connect.js';
import { createUnit } from '../units/units.service.js';

/** Codes unique across the tests sharing one database. */
export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export const FIXED_NOW = () => new Date('2021-10-15T03:00:00Z');

export function testContext(store: Store, now: () => Date = FIXED_NOW): ServiceContext {
  return systemContext(store, now);
}

export interface Tree {
  province: string;
  city: string;
  wards: string[];
}

/** A province, a city under it and `wards` wards under the city. */
export async function makeTree(ctx: ServiceContext, wards = 2): Promise<Tree> {
  const province = uniqueCode('tinh');
  const city = uniqueCode('tp');
  await createUnit(ctx, { code: province, name: 'Tỉnh Thử', level: 'tinh' });
  await createUnit(ctx, { code: city, name: 'Thành phố Thử', level: 'thanh_pho', parentCode: province });
  const codes: string[] = [];
  for (let i = 0; i < wards; i++) {
    const code = uniqueCode(`phuong${i + 1}`);
    await createUnit(ctx, { code, name: `Phường ${i + 1}`, level: 'phuong', parentCode: city });
    codes.push(code);
  }
  return { province, city, wards: codes };
}

/** A population indicator in a unit's catalogue, to weigh rates by; returns its code. */
export async function makePopulation(ctx: ServiceContext, ownerUnitCode: string): Promise<string> {
  const code = uniqueCode('dan-so');
  await createIndicator(ctx, { ownerUnitCode, code, name: 'Dân số', measureUnit: 'người', kind: 'level' });
  return code;
}

export interface IndicatorSpec extends Partial<Omit<IndicatorInput, 'ownerUnitCode'>> {
  target?: number;
  baseline?: number;
}

/** A plan of the city for `year` with the given indicators, their targets and baselines. */
export async function makePlan(
  ctx: ServiceContext,
  unitCode: string,
  specs: IndicatorSpec[],
  year = 2021,
): Promise<{ plan: string; indicators: string[] }> {
  const plan = uniqueCode('kh');
  await createPlan(ctx, { code: plan, name: 'Kế hoạch thử', year, unitCode, issuingBody: 'Thành ủy Thử' });
  const codes: string[] = [];
  for (const { target, baseline, ...spec } of specs) {
    const code = spec.code ?? uniqueCode('ct');
    await createIndicator(ctx, {
      name: `Chỉ tiêu ${code}`,
      measureUnit: 'tỷ đồng',
      kind: 'flow',
      ...spec,
      code,
      ownerUnitCode: unitCode,
    });
    await includeIndicator(ctx, {
      planCode: plan,
      indicatorCode: code,
      ...(baseline === undefined ? {} : { baseline }),
    });
    if (target !== undefined)
      await setTarget(ctx, { planCode: plan, indicatorCode: code, basis: 'NQ', value: target });
    codes.push(code);
  }
  return { plan, indicators: codes };
}

/** Month values (index 0 = January) of one indicator and unit in one year. */
export function months(
  plan: string,
  indicatorCode: string,
  unitCode: string,
  year: number,
  values: (number | null)[],
  extra: Partial<FigureInput> = {},
): FigureInput[] {
  return values.flatMap((value, i) =>
    value === null
      ? []
      : [
          {
            planCode: plan,
            indicatorCode,
            unitCode,
            period: `${year}-${String(i + 1).padStart(2, '0')}`,
            value,
            ...extra,
          },
        ],
  );
}

export function record(ctx: ServiceContext, figures: FigureInput[]) {
  return recordFigures(ctx, figures);
}
