/**
 * The made-up country the benchmark runs on: 34 provinces, their communes, 50 indicators and
 * a value for every commune, indicator and month. Pure and seeded, so two runs with the same
 * options write the same figures and two benchmark runs compare the same data.
 */

export const NATION = { provinces: 34, communes: 3321 } as const;
export const ROOT_CODE = 'VN';
export const LAST_YEAR = 2025;
/** The last year is generated through September, the "9 tháng" review. */
export const THROUGH_MONTH = 9;
export const planCode = (year: number) => `NQ-KTXH-${year}`;
export const WEIGHT_CODE = 'DAN_SO';

/** The demo's seeded generator: Math.random cannot be seeded. */
export { seeded as prng } from '../src/demo/monthly.js';

/** The 34 provinces and centrally run cities after the July 2025 reorganisation. */
// biome-ignore format: a table reads better than one name per line
const PROVINCE_NAMES = [
  'Thành phố Hà Nội', 'Thành phố Huế', 'Tỉnh Lai Châu', 'Tỉnh Điện Biên', 'Tỉnh Sơn La',
  'Tỉnh Lạng Sơn', 'Tỉnh Quảng Ninh', 'Tỉnh Thanh Hóa', 'Tỉnh Nghệ An', 'Tỉnh Hà Tĩnh',
  'Tỉnh Cao Bằng', 'Tỉnh Tuyên Quang', 'Tỉnh Lào Cai', 'Tỉnh Thái Nguyên', 'Tỉnh Phú Thọ',
  'Tỉnh Bắc Ninh', 'Tỉnh Hưng Yên', 'Thành phố Hải Phòng', 'Tỉnh Ninh Bình', 'Tỉnh Quảng Trị',
  'Thành phố Đà Nẵng', 'Tỉnh Quảng Ngãi', 'Tỉnh Gia Lai', 'Tỉnh Khánh Hòa', 'Tỉnh Lâm Đồng',
  'Tỉnh Đắk Lắk', 'Thành phố Hồ Chí Minh', 'Tỉnh Đồng Nai', 'Tỉnh Tây Ninh', 'Thành phố Cần Thơ',
  'Tỉnh Vĩnh Long', 'Tỉnh Đồng Tháp', 'Tỉnh Cà Mau', 'Tỉnh An Giang',
];

export interface Commune {
  code: string;
  name: string;
  level: 'xa' | 'phuong';
  /** How big the commune is: scales flows and counts. */
  size: number;
  /** Where the commune stands on rates (poverty, forest cover): around 1. */
  rate: number;
}

export interface Province {
  code: string;
  name: string;
  communes: Commune[];
}

/** Provinces of uneven size, the communes spread over them by largest remainder. */
export function buildCountry(scale: number, rand: () => number): Province[] {
  const total = Math.max(1, Math.round(NATION.communes * scale));
  const weights = PROVINCE_NAMES.map(() => 0.4 + rand() * 1.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) {
    const i = byRemainder[k]?.i as number;
    counts[i] = (counts[i] as number) + 1;
  }
  let n = 0;
  return PROVINCE_NAMES.map((name, p) => ({
    code: `T${String(p + 1).padStart(2, '0')}`,
    name,
    communes: Array.from({ length: counts[p] as number }, (): Commune => {
      n++;
      const phuong = rand() < 0.2;
      return {
        code: `X${String(n).padStart(4, '0')}`,
        name: `${phuong ? 'Phường' : 'Xã'} ${String(n).padStart(4, '0')}`,
        level: phuong ? 'phuong' : 'xa',
        size: 0.3 + 2.7 * rand() ** 2,
        rate: 0.5 + rand(),
      };
    }),
  }));
}

export interface IndicatorSpec {
  code: string;
  name: string;
  field: string;
  measureUnit: string;
  kind: 'flow' | 'level';
  direction: 'increase' | 'decrease';
  rollup: 'sum' | 'mean' | 'weighted';
  weightIndicatorCode?: string;
  decimals: number;
  /** Month value (flow) or January level of an average commune. */
  base: number;
  /** Yearly growth factor. */
  growth: number;
  /** Scales with the commune's size (amounts, counts) rather than its rate (percentages). */
  bySize: boolean;
  seasonal: boolean;
  /** Percentages stop at 100. */
  max?: number;
}

type Template = Omit<IndicatorSpec, 'code'>;

const t = (
  name: string,
  field: string,
  measureUnit: string,
  shape: Pick<Template, 'kind' | 'direction' | 'rollup' | 'decimals' | 'base' | 'growth' | 'bySize'>,
  extra: Partial<Template> = {},
): Template => ({ name, field, measureUnit, seasonal: false, ...shape, ...extra });

const FLOW_UP = { kind: 'flow', direction: 'increase', rollup: 'sum', bySize: true } as const;
const FLOW_DOWN = { kind: 'flow', direction: 'decrease', rollup: 'sum', bySize: true } as const;
const RATE = { kind: 'level', rollup: 'mean', bySize: false, decimals: 2 } as const;

/** A mix of every kind, direction and rollup, in an order that gives all of them even at n = 5. */
// biome-ignore format: one indicator per line
const TEMPLATES: Template[] = [
  t('Thu ngân sách nhà nước trên địa bàn', 'kinh_te', 'tỷ đồng', { ...FLOW_UP, decimals: 3, base: 2, growth: 1.08 }, { seasonal: true }),
  t('Tỷ lệ hộ nghèo', 'van_hoa_xa_hoi', '%', { ...RATE, direction: 'decrease', rollup: 'weighted', base: 6, growth: 0.85 }, { weightIndicatorCode: WEIGHT_CODE, max: 100 }),
  t('Số vụ tai nạn giao thông', 'quoc_phong_an_ninh', 'vụ', { ...FLOW_DOWN, decimals: 0, base: 2, growth: 0.95 }),
  t('Tỷ lệ che phủ rừng', 'tai_nguyen_moi_truong', '%', { ...RATE, direction: 'increase', base: 45, growth: 1.01 }, { max: 100 }),
  t('Số trường đạt chuẩn quốc gia', 'van_hoa_xa_hoi', 'trường', { kind: 'level', direction: 'increase', rollup: 'sum', bySize: true, decimals: 0, base: 3, growth: 1.05 }),
  t('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ', 'kinh_te', 'tỷ đồng', { ...FLOW_UP, decimals: 3, base: 20, growth: 1.1 }, { seasonal: true }),
  t('Tỷ lệ dân số tham gia bảo hiểm y tế', 'van_hoa_xa_hoi', '%', { ...RATE, direction: 'increase', rollup: 'weighted', base: 90, growth: 1.005 }, { weightIndicatorCode: WEIGHT_CODE, max: 100 }),
  t('Giải ngân vốn đầu tư công', 'kinh_te', 'tỷ đồng', { ...FLOW_UP, decimals: 3, base: 5, growth: 1.12 }, { seasonal: true }),
  t('Kết nạp đảng viên mới', 'xay_dung_dang', 'đảng viên', { ...FLOW_UP, decimals: 0, base: 1, growth: 1.02 }),
  t('Số vụ phạm pháp hình sự', 'quoc_phong_an_ninh', 'vụ', { ...FLOW_DOWN, decimals: 0, base: 1, growth: 0.96 }),
  t('Tỷ lệ chất thải rắn được thu gom', 'tai_nguyen_moi_truong', '%', { ...RATE, direction: 'increase', base: 80, growth: 1.02 }, { max: 100 }),
  t('Lao động được tạo việc làm mới', 'van_hoa_xa_hoi', 'người', { ...FLOW_UP, decimals: 0, base: 30, growth: 1.03 }),
];

const POPULATION: IndicatorSpec = {
  code: WEIGHT_CODE,
  name: 'Dân số trung bình',
  field: 'van_hoa_xa_hoi',
  measureUnit: 'người',
  kind: 'level',
  direction: 'increase',
  rollup: 'sum',
  decimals: 0,
  base: 25000,
  growth: 1.01,
  bySize: true,
  seasonal: false,
};

/** Population first (the weight of the weighted rates), then the templates round and round. */
export function indicatorSpecs(count: number): IndicatorSpec[] {
  const specs = [POPULATION];
  for (let i = 1; i < count; i++) {
    const template = TEMPLATES[(i - 1) % TEMPLATES.length] as Template;
    const round = Math.floor((i - 1) / TEMPLATES.length);
    const name = round === 0 ? template.name : `${template.name} (nhóm ${round + 1})`;
    specs.push({ ...template, code: `CT${String(i).padStart(2, '0')}`, name });
  }
  return specs;
}

/** Months of the year: budget revenue and disbursement pile up in the last quarter. */
const SEASON = [0.7, 0.6, 0.85, 0.9, 0.95, 1, 1, 1, 1.05, 1.1, 1.2, 1.65];

const round = (v: number, decimals: number) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/**
 * The value before noise: a flow's month value, or a level at the end of the month. Years
 * count from the first generated year; levels drift month by month.
 */
export function trend(spec: IndicatorSpec, c: Commune, yearIndex: number, month: number): number {
  const factor = spec.bySize ? c.size : c.rate;
  if (spec.kind === 'flow') {
    return (
      spec.base * factor * (spec.seasonal ? (SEASON[month - 1] as number) : 1) * spec.growth ** yearIndex
    );
  }
  const v = spec.base * factor * spec.growth ** (yearIndex + month / 12);
  return spec.max === undefined ? v : Math.min(spec.max, v);
}

/** The stored figure: the trend with ±10% noise on flows and ±1% on levels, rounded as entered. */
export function figureValue(
  spec: IndicatorSpec,
  c: Commune,
  yearIndex: number,
  month: number,
  noise: number,
): number {
  const spread = spec.kind === 'flow' ? 0.2 : 0.02;
  const v = trend(spec, c, yearIndex, month) * (1 + spread * (noise - 0.5));
  return round(spec.max === undefined ? v : Math.min(spec.max, v), spec.decimals);
}

/** What the communes would reach in a year without noise: a flow's total, a level in December. */
export function expectedYear(spec: IndicatorSpec, communes: readonly Commune[], yearIndex: number): number {
  if (communes.length === 0) return 0;
  if (spec.kind === 'flow') {
    let total = 0;
    for (const c of communes) for (let m = 1; m <= 12; m++) total += trend(spec, c, yearIndex, m);
    return total;
  }
  const values = communes.map((c) => trend(spec, c, yearIndex, 12));
  if (spec.rollup === 'sum') return values.reduce((a, b) => a + b, 0);
  if (spec.rollup === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
  const weights = communes.map((c) => trend(POPULATION, c, yearIndex, 12));
  const weighted = values.reduce((s, v, i) => s + v * (weights[i] as number), 0);
  return weighted / weights.reduce((a, b) => a + b, 0);
}

/** The yearly target a resolution would set: a little beyond the trend, in the good direction. */
export function targetFor(spec: IndicatorSpec, communes: readonly Commune[], yearIndex: number): number {
  const ambition = spec.direction === 'increase' ? 1.04 : 0.95;
  const v = expectedYear(spec, communes, yearIndex) * ambition;
  return round(spec.max === undefined ? v : Math.min(spec.max, v), spec.decimals);
}
