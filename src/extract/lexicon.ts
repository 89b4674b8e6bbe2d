/**
 * Closed word classes of Vietnamese reporting prose, as comparison keys (see tokenizer.wordKey).
 * These are grammar (hedges, comparison verbs, target bases, time words), never indicator names.
 */

/** Words skipped between a verb and its number: "đạt hơn", "ước đạt khoảng", "giảm cả". */
export const HEDGES = new Set([
  'hơn',
  'gần',
  'trên',
  'khoảng',
  'ước',
  'tính',
  'xấp',
  'xỉ',
  'chỉ',
  'được',
  'tới',
  'cả',
  'thêm',
  'đã',
  'vào',
]);

/** Scale words inside numbers ("4 tỷ 500 triệu", "39 vạn", "91 nghìn"). */
export const SCALES: Record<string, number> = {
  nghìn: 1e3,
  ngàn: 1e3,
  vạn: 1e4,
  triệu: 1e6,
  tỷ: 1e9,
};

/** Currencies: with a scale before them the scale stays in the unit ("tỷ đồng", "triệu USD"). */
export const CURRENCIES: Record<string, string> = {
  đồng: 'đồng',
  dồng: 'đồng',
  vnđ: 'đồng',
  vnd: 'đồng',
  usd: 'USD',
  đô: 'USD',
};

/** "tỷđồng" written without its space. */
export const GLUED_MONEY: Record<string, [string, string]> = {
  tỷđồng: ['tỷ', 'đồng'],
  triệuđồng: ['triệu', 'đồng'],
};

/** Words after a number that make it a time span or a date, never a figure. */
export const TIME_UNITS = new Set(['tháng', 'năm', 'ngày', 'tuần', 'quý', 'giờ', 'phút', 'giây', 'lần']);

/** Words before a number that make it a date, an ordinal, a name or a reference. */
export const BEFORE_NON_FIGURE = new Set([
  'ngày',
  'sáng',
  'chiều',
  'tối',
  'trưa',
  'đêm',
  'hôm',
  'mùng',
  'mồng',
  'tháng',
  'năm',
  'quý',
  'tuần',
  'thứ',
  'lần',
  'khóa',
  'kỳ',
  'số',
  'tầng',
  'phòng',
  'điều',
  'khoản',
  'chương',
  'mục',
  'ảnh',
  'giờ',
  'lúc',
  'đợt',
  'top',
  'hạng',
  'tuổi',
  'quận',
  'phường',
  'khu',
  'tổ',
  'xóm',
  'ấp',
  'thôn',
  'bản',
  'cụm',
  'km',
  'lộ',
]);

/** Words that cannot be the counted noun after a number. */
export const NOT_UNITS = new Set([
  'và',
  'với',
  'của',
  'cho',
  'so',
  'tăng',
  'giảm',
  'đạt',
  'bằng',
  'là',
  'trên',
  'dưới',
  'hơn',
  'từ',
  'đến',
  'trong',
  'ở',
  'tại',
  'thì',
  'được',
  'có',
  'khoảng',
  'gần',
  'các',
  'những',
  'này',
  'đó',
  'trở',
  'lên',
  'xuống',
  'còn',
  'vượt',
  'chiếm',
  'theo',
  'như',
  'đã',
  'sẽ',
  'nhưng',
  'hoặc',
  'hay',
  'mà',
  'để',
  'do',
  'vì',
  'nên',
  'cùng',
  'về',
  'tới',
  'ước',
]);

/** Counted nouns and measures of more than one word ("đảng viên", "lượt khách", "tạ"). */
export const MULTIWORD_UNITS: readonly string[][] = [
  ['đảng', 'viên'],
  ['lượt', 'khách'],
  ['lượt', 'người'],
  ['lượt', 'đối', 'tượng'],
  ['lao', 'động'],
  ['tổ', 'chức', 'cơ', 'sở', 'đảng'],
  ['tổ', 'chức', 'đảng'],
  ['tổ', 'chức'],
  ['chi', 'bộ'],
  ['đảng', 'bộ'],
  ['quần', 'chúng'],
  ['đồng', 'chí'],
  ['hợp', 'tác', 'xã'],
  ['doanh', 'nghiệp'],
  ['dự', 'án'],
  ['công', 'trình'],
  ['tiêu', 'chí'],
  ['chỉ', 'tiêu'],
  ['hộ', 'gia', 'đình'],
  ['học', 'sinh'],
  ['sinh', 'viên'],
  ['giáo', 'viên'],
  ['phần', 'quà'],
  ['căn', 'nhà'],
  ['ngôi', 'nhà'],
  ['vụ', 'án'],
  ['vụ', 'việc'],
  ['bị', 'can'],
  ['đối', 'tượng'],
  ['nghi', 'phạm'],
  ['ô', 'tô'],
  ['mô', 'tô'],
  ['xe', 'máy'],
  ['kiến', 'nghị'],
  ['nghị', 'quyết'],
  ['chức', 'danh'],
  ['văn', 'bản'],
  ['hội', 'nghị'],
  ['cán', 'bộ'],
  ['công', 'chức'],
  ['viên', 'chức'],
  ['trang', 'trại'],
  ['tổ', 'dân', 'phố'],
  ['khu', 'dân', 'cư'],
  ['trường', 'học'],
  ['mũi', 'tiêm'],
  ['vị', 'đại', 'biểu'],
  ['đại', 'biểu'],
  ['cơ', 'sở'],
  ['sản', 'phẩm'],
  ['gia', 'đình'],
  ['nhân', 'khẩu'],
  ['cử', 'tri'],
  ['thí', 'sinh'],
  ['héc', 'ta'],
  ['thuê', 'bao'],
  ['hồ', 'sơ'],
  ['giường', 'bệnh'],
  ['bác', 'sĩ'],
];

/** Abbreviated counted nouns, spelled out. */
export const UNIT_ABBREVIATIONS: Record<string, string> = {
  đv: 'đảng viên',
  htx: 'HTX',
  dn: 'doanh nghiệp',
  km2: 'km2',
};

/** Target bases, as the corpus ranks them: NQ, then dự toán, then KH, then chỉ tiêu. */
export type TargetBasis = 'NQ' | 'KH' | 'dự toán' | 'chỉ tiêu';

/** Words a comparison uses for its yardstick; "kịch bản" and "mục tiêu" are yardsticks without a basis. */
export const BASIS_WORDS: readonly { words: string[]; basis: TargetBasis | 'other' }[] = [
  { words: ['nghị', 'quyết'], basis: 'NQ' },
  { words: ['nq'], basis: 'NQ' },
  { words: ['dự', 'toán'], basis: 'dự toán' },
  { words: ['kế', 'hoạch'], basis: 'KH' },
  { words: ['kh'], basis: 'KH' },
  { words: ['chỉ', 'tiêu'], basis: 'chỉ tiêu' },
  { words: ['kịch', 'bản'], basis: 'other' },
  { words: ['mục', 'tiêu'], basis: 'other' },
];

const BASIS_RANK: Record<TargetBasis | 'other', number> = {
  NQ: 0,
  'dự toán': 1,
  KH: 2,
  'chỉ tiêu': 3,
  other: 4,
};

/** The stronger of two bases, by the corpus ranking. */
export function strongerBasis(
  a: TargetBasis | 'other' | null,
  b: TargetBasis | 'other',
): TargetBasis | 'other' {
  return a === null || BASIS_RANK[b] < BASIS_RANK[a] ? b : a;
}

/** Nouns that make the subject a rate, so "đạt X%" is a value in % and not a share of a target. */
export const RATE_WORDS: readonly string[][] = [
  ['tỷ', 'lệ'],
  ['tốc', 'độ'],
  ['tăng', 'trưởng'],
  ['tỷ', 'trọng'],
  ['che', 'phủ'],
  ['cơ', 'cấu'],
];

/** Small number words, for "lần thứ sáu", "Sáu tháng", "gần một nghìn tỷ". */
export const NUMBER_WORDS: Record<string, number> = {
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
  mười: 10,
};
