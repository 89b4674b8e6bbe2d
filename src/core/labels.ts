/**
 * Words shown to people for the codes the rules return, in Vietnamese first. Documents say how
 * a percentage was reached ("tính theo mức giảm so với đầu năm"), hence the method labels.
 */

import type { Progress, ProgressStatus } from './progress.js';

export interface Label {
  vi: string;
  en: string;
}

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, Label> = {
  achieved: { vi: 'đã đạt', en: 'achieved' },
  on_track: { vi: 'đúng tiến độ', en: 'on track' },
  behind: { vi: 'chậm', en: 'behind' },
  at_risk: { vi: 'nguy cơ không đạt', en: 'at risk' },
  no_data: { vi: 'chưa có số liệu', en: 'no data' },
};

export const PERCENT_METHOD_LABELS: Record<NonNullable<Progress['percentMethod']>, Label> = {
  ratio: { vi: 'so với chỉ tiêu', en: 'ratio to the target' },
  reduction: { vi: 'theo mức giảm so với đầu năm', en: 'reduction from the baseline' },
};

export const EXPECTED_METHOD_LABELS: Record<NonNullable<Progress['expectedMethod']>, Label> = {
  linear: { vi: 'chia đều theo tháng', en: 'even across the months' },
  seasonal: { vi: 'theo tỷ lệ cùng kỳ các năm trước', en: 'seasonal, from earlier years' },
  baseline_linear: { vi: 'đều từ mức đầu năm đến chỉ tiêu', en: 'straight from the baseline to the target' },
};

export const FORECAST_METHOD_LABELS: Record<NonNullable<Progress['forecastMethod']>, Label> = {
  seasonal: { vi: 'theo tỷ lệ cùng kỳ các năm trước', en: 'seasonal, from earlier years' },
  linear: { vi: 'theo tốc độ bình quân tháng', en: 'at the average monthly rate' },
  trend: { vi: 'theo xu hướng từ đầu năm', en: 'trend since January' },
  latest: { vi: 'theo số liệu mới nhất', en: 'latest figure' },
};

/** The default groups of a resolution; a plan may use other field codes. */
export const FIELD_LABELS: Record<string, Label> = {
  kinh_te: { vi: 'Kinh tế', en: 'Economy' },
  van_hoa_xa_hoi: { vi: 'Văn hóa – xã hội', en: 'Culture and society' },
  tai_nguyen_moi_truong: { vi: 'Tài nguyên – môi trường', en: 'Natural resources and environment' },
  quoc_phong_an_ninh: { vi: 'Quốc phòng – an ninh', en: 'Defence and security' },
  xay_dung_dang: {
    vi: 'Xây dựng Đảng, chính quyền, MTTQ và đoàn thể',
    en: 'Party, government and mass organisations',
  },
};
