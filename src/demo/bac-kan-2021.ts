import type { IndicatorInput, TargetBasis } from '../plans/plans.schema.js';
import { SEASON } from './monthly.js';

/**
 * The demo: Thành phố Bắc Kạn in 2021, as reported at the 6th (extended) conference of the
 * city Party Executive Committee on 06/10/2021. The two figures the article prints (retail
 * 2.404 tỷ đồng = 73,96% NQ; budget revenue 99,273 tỷ đồng = 64% NQ) are reproduced exactly;
 * every other target, monthly figure, ward split and directive detail is invented to look
 * like a real city of that size (the README says so).
 */
export const PROVINCE = { code: 'bac-kan', name: 'Tỉnh Bắc Kạn', level: 'tinh' } as const;
export const CITY = { code: 'tp-bac-kan', name: 'Thành phố Bắc Kạn', level: 'thanh_pho' } as const;

/** Wards and communes of the city in 2021, with a rough population used to split figures. */
export const WARDS = [
  { code: 'bk-duc-xuan', name: 'Phường Đức Xuân', level: 'phuong', people: 7500 },
  { code: 'bk-nguyen-thi-minh-khai', name: 'Phường Nguyễn Thị Minh Khai', level: 'phuong', people: 6800 },
  { code: 'bk-song-cau', name: 'Phường Sông Cầu', level: 'phuong', people: 6200 },
  { code: 'bk-phung-chi-kien', name: 'Phường Phùng Chí Kiên', level: 'phuong', people: 5600 },
  { code: 'bk-huyen-tung', name: 'Phường Huyền Tụng', level: 'phuong', people: 5800 },
  { code: 'bk-xuat-hoa', name: 'Phường Xuất Hóa', level: 'phuong', people: 4200 },
  { code: 'bk-duong-quang', name: 'Xã Dương Quang', level: 'xa', people: 3600 },
  { code: 'bk-nong-thuong', name: 'Xã Nông Thượng', level: 'xa', people: 3300 },
] as const;

/** Party and government offices of the city that lead or share directives. */
export const OFFICES = [
  { code: 'bk-ubnd', name: 'UBND thành phố Bắc Kạn' },
  { code: 'bk-van-phong-tu', name: 'Văn phòng Thành ủy' },
  { code: 'bk-ban-to-chuc', name: 'Ban Tổ chức Thành ủy' },
  { code: 'bk-ban-tuyen-giao', name: 'Ban Tuyên giáo Thành ủy' },
  { code: 'bk-mttq', name: 'Ủy ban MTTQ Việt Nam thành phố' },
  { code: 'bk-cong-an', name: 'Công an thành phố' },
  { code: 'bk-quan-su', name: 'Ban Chỉ huy Quân sự thành phố' },
  { code: 'bk-quan-ly-do-thi', name: 'Phòng Quản lý đô thị' },
  { code: 'bk-tai-nguyen', name: 'Phòng Tài nguyên và Môi trường' },
  { code: 'bk-lao-dong', name: 'Phòng Lao động - Thương binh và Xã hội' },
  { code: 'bk-tai-chinh', name: 'Phòng Tài chính - Kế hoạch' },
] as const;

export const PLAN = {
  code: 'bac-kan-2021',
  name: 'Nghị quyết về nhiệm vụ năm 2021',
  year: 2021,
  unitCode: CITY.code,
  issuingBody: 'Thành ủy Bắc Kạn',
  documentNumber: 'Số 05-NQ/TU',
  adoptedOn: '2020-12-25',
  defaultBasis: 'NQ',
} as const;

type Season = readonly number[];

/** How an indicator's figures are made: who reports, and the totals they must reach. */
export type DemoSeries =
  | {
      by: 'city' | 'wards';
      flow: { season: Season; y2020: number; through9: number; step: number; septemberCumulative?: boolean };
    }
  | { by: 'city' | 'wards'; level: { jan2020: number; dec2020: number; sep2021: number; decimals: number } };

export interface DemoIndicator extends Omit<IndicatorInput, 'ownerUnitCode'> {
  baseline?: number;
  inPlan?: boolean;
  targets: { basis: TargetBasis; value: number; issuingBody?: string }[];
  series: DemoSeries;
}

const TY = 0.001;

export const INDICATORS: DemoIndicator[] = [
  {
    code: 'ban-le',
    name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ',
    aliases: ['tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'tổng mức bán lẻ'],
    field: 'kinh_te',
    measureUnit: 'tỷ đồng',
    kind: 'flow',
    decimals: 0,
    targets: [{ basis: 'NQ', value: 3250.4 }],
    // September is the 9-month estimate the article quotes ("ước đạt"), entered as a running total.
    series: {
      by: 'city',
      flow: { season: SEASON.retail, y2020: 3080, through9: 2404, step: 1, septemberCumulative: true },
    },
  },
  {
    code: 'thu-ngan-sach',
    name: 'Thu ngân sách nhà nước trên địa bàn',
    aliases: ['thu ngân sách', 'thu ngân sách nhà nước'],
    field: 'kinh_te',
    measureUnit: 'tỷ đồng',
    kind: 'flow',
    decimals: 3,
    targets: [
      { basis: 'NQ', value: 155.1 },
      { basis: 'dự toán', value: 140, issuingBody: 'HĐND tỉnh Bắc Kạn' },
    ],
    series: { by: 'city', flow: { season: SEASON.budget, y2020: 148.6, through9: 99.273, step: TY } },
  },
  {
    code: 'giai-ngan',
    name: 'Giải ngân vốn đầu tư công',
    aliases: ['tiến độ giải ngân các nguồn vốn', 'giải ngân vốn đầu tư'],
    field: 'kinh_te',
    measureUnit: 'tỷ đồng',
    kind: 'flow',
    decimals: 1,
    targets: [{ basis: 'KH', value: 250 }],
    series: { by: 'city', flow: { season: SEASON.disbursement, y2020: 231.5, through9: 95.4, step: TY } },
  },
  {
    code: 'cong-nghiep',
    name: 'Giá trị sản xuất công nghiệp (giá so sánh 2010)',
    field: 'kinh_te',
    measureUnit: 'tỷ đồng',
    kind: 'flow',
    decimals: 1,
    targets: [{ basis: 'NQ', value: 820 }],
    series: { by: 'city', flow: { season: SEASON.even, y2020: 781, through9: 610, step: TY } },
  },
  {
    code: 'htx-moi',
    name: 'Thành lập mới hợp tác xã',
    field: 'kinh_te',
    measureUnit: 'hợp tác xã',
    kind: 'flow',
    decimals: 0,
    targets: [{ basis: 'NQ', value: 4 }],
    series: { by: 'city', flow: { season: SEASON.even, y2020: 3, through9: 3, step: 1 } },
  },
  {
    code: 'luong-thuc',
    name: 'Tổng sản lượng lương thực có hạt',
    field: 'kinh_te',
    measureUnit: 'tấn',
    kind: 'flow',
    decimals: 0,
    targets: [{ basis: 'NQ', value: 4200 }],
    series: { by: 'wards', flow: { season: SEASON.harvest, y2020: 4150, through9: 3050, step: 1 } },
  },
  {
    code: 'trong-rung',
    name: 'Diện tích trồng rừng mới',
    field: 'tai_nguyen_moi_truong',
    measureUnit: 'ha',
    kind: 'flow',
    decimals: 1,
    targets: [{ basis: 'NQ', value: 150 }],
    series: { by: 'city', flow: { season: SEASON.planting, y2020: 160, through9: 152, step: 0.1 } },
  },
  {
    code: 'che-phu-rung',
    name: 'Tỷ lệ che phủ rừng',
    field: 'tai_nguyen_moi_truong',
    measureUnit: '%',
    kind: 'level',
    rollup: 'none',
    decimals: 1,
    baseline: 72.5,
    targets: [{ basis: 'NQ', value: 72.8 }],
    series: { by: 'city', level: { jan2020: 72.1, dec2020: 72.5, sep2021: 72.6, decimals: 2 } },
  },
  {
    code: 'thu-gom-rac',
    name: 'Tỷ lệ chất thải rắn đô thị được thu gom, xử lý',
    field: 'tai_nguyen_moi_truong',
    measureUnit: '%',
    kind: 'level',
    rollup: 'none',
    decimals: 1,
    baseline: 96.5,
    targets: [{ basis: 'NQ', value: 98 }],
    series: { by: 'city', level: { jan2020: 95.2, dec2020: 96.5, sep2021: 97.6, decimals: 2 } },
  },
  {
    code: 'nuoc-sach',
    name: 'Tỷ lệ hộ dân đô thị được sử dụng nước sạch',
    field: 'tai_nguyen_moi_truong',
    measureUnit: '%',
    kind: 'level',
    rollup: 'none',
    decimals: 1,
    baseline: 99,
    targets: [{ basis: 'NQ', value: 99.5 }],
    series: { by: 'city', level: { jan2020: 98.4, dec2020: 99, sep2021: 99.5, decimals: 2 } },
  },
  {
    code: 'truong-chuan',
    name: 'Số trường đạt chuẩn quốc gia',
    field: 'van_hoa_xa_hoi',
    measureUnit: 'trường',
    kind: 'level',
    rollup: 'none',
    decimals: 0,
    baseline: 21,
    targets: [{ basis: 'NQ', value: 24 }],
    series: { by: 'city', level: { jan2020: 19, dec2020: 21, sep2021: 22, decimals: 0 } },
  },
  {
    code: 'dan-so',
    name: 'Dân số trung bình',
    field: 'van_hoa_xa_hoi',
    measureUnit: 'người',
    kind: 'level',
    decimals: 0,
    inPlan: false,
    targets: [],
    series: { by: 'wards', level: { jan2020: 42600, dec2020: 42900, sep2021: 43150, decimals: 0 } },
  },
  {
    code: 'bhyt',
    name: 'Tỷ lệ dân số tham gia bảo hiểm y tế',
    field: 'van_hoa_xa_hoi',
    measureUnit: '%',
    kind: 'level',
    rollup: 'weighted',
    weightIndicatorCode: 'dan-so',
    decimals: 1,
    baseline: 96.2,
    targets: [{ basis: 'NQ', value: 97.5 }],
    series: { by: 'wards', level: { jan2020: 95.1, dec2020: 96.2, sep2021: 96.9, decimals: 2 } },
  },
  {
    code: 'gia-dinh-van-hoa',
    name: 'Tỷ lệ hộ gia đình đạt danh hiệu "Gia đình văn hóa"',
    field: 'van_hoa_xa_hoi',
    measureUnit: '%',
    kind: 'level',
    rollup: 'none',
    decimals: 1,
    baseline: 88.5,
    targets: [{ basis: 'NQ', value: 90 }],
    series: { by: 'city', level: { jan2020: 87.6, dec2020: 88.5, sep2021: 89.6, decimals: 2 } },
  },
  {
    code: 'ho-ngheo',
    name: 'Tỷ lệ hộ nghèo',
    field: 'van_hoa_xa_hoi',
    measureUnit: '%',
    kind: 'level',
    direction: 'decrease',
    rollup: 'none',
    decimals: 2,
    baseline: 1.92,
    targets: [{ basis: 'NQ', value: 1.5 }],
    series: { by: 'city', level: { jan2020: 2.4, dec2020: 1.92, sep2021: 1.64, decimals: 2 } },
  },
  {
    code: 'viec-lam',
    name: 'Giải quyết việc làm mới',
    field: 'van_hoa_xa_hoi',
    measureUnit: 'người',
    kind: 'flow',
    decimals: 0,
    targets: [{ basis: 'NQ', value: 1100 }],
    series: { by: 'wards', flow: { season: SEASON.even, y2020: 1050, through9: 790, step: 1 } },
  },
  {
    code: 'nhap-ngu',
    name: 'Giao quân (thanh niên nhập ngũ)',
    field: 'quoc_phong_an_ninh',
    measureUnit: 'người',
    kind: 'flow',
    decimals: 0,
    targets: [{ basis: 'chỉ tiêu', value: 95, issuingBody: 'UBND tỉnh Bắc Kạn' }],
    series: { by: 'city', flow: { season: SEASON.conscription, y2020: 90, through9: 95, step: 1 } },
  },
  {
    code: 'tai-nan-giao-thong',
    name: 'Số vụ tai nạn giao thông',
    field: 'quoc_phong_an_ninh',
    measureUnit: 'vụ',
    kind: 'flow',
    direction: 'decrease',
    decimals: 0,
    baseline: 14,
    targets: [{ basis: 'NQ', value: 11 }],
    series: { by: 'city', flow: { season: SEASON.even, y2020: 14, through9: 7, step: 1 } },
  },
  {
    code: 'don-thu',
    name: 'Tỷ lệ đơn thư của công dân được giải quyết',
    field: 'quoc_phong_an_ninh',
    measureUnit: '%',
    kind: 'level',
    rollup: 'none',
    decimals: 1,
    baseline: 85,
    targets: [{ basis: 'NQ', value: 90 }],
    series: { by: 'city', level: { jan2020: 80, dec2020: 85, sep2021: 88.4, decimals: 1 } },
  },
  {
    code: 'ket-nap-dang-vien',
    name: 'Kết nạp đảng viên mới',
    aliases: ['kết nạp đảng viên', 'phát triển đảng viên'],
    field: 'xay_dung_dang',
    measureUnit: 'đảng viên',
    kind: 'flow',
    decimals: 0,
    targets: [{ basis: 'NQ', value: 120 }],
    series: { by: 'wards', flow: { season: SEASON.admissions, y2020: 112, through9: 54, step: 1 } },
  },
];
