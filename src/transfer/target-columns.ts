import { text } from '../i18n.js';
import type { ColumnSpec } from './columns.js';

export type TargetField = 'indicatorCode' | 'unitCode' | 'basis' | 'issuingBody' | 'value' | 'measureUnit';

/** The columns of a targets sheet, in template order. */
export const TARGET_COLUMNS: readonly ColumnSpec<TargetField>[] = [
  {
    field: 'indicatorCode',
    label: text('Mã chỉ tiêu', 'Indicator code'),
    names: ['ma chi tieu', 'chi tieu', 'ma ct', 'indicator', 'indicator code', 'indicatorcode'],
    required: true,
  },
  {
    field: 'unitCode',
    label: text('Mã đơn vị', 'Unit code'),
    names: ['ma don vi', 'don vi', 'ma dv', 'unit', 'unit code', 'unitcode'],
    required: false,
  },
  {
    field: 'basis',
    label: text('Căn cứ', 'Basis'),
    names: ['can cu', 'loai chi tieu', 'can cu giao', 'basis'],
    required: false,
  },
  {
    field: 'issuingBody',
    label: text('Cơ quan giao', 'Issuing body'),
    names: ['co quan giao', 'noi giao', 'cap giao', 'issuing body', 'issuingbody'],
    required: false,
  },
  {
    field: 'value',
    label: text('Giá trị', 'Value'),
    names: ['gia tri', 'muc tieu', 'chi tieu ke hoach', 'ke hoach', 'value', 'target'],
    required: true,
  },
  {
    field: 'measureUnit',
    label: text('Đơn vị tính', 'Unit of measure'),
    names: ['don vi tinh', 'dvt', 'dv tinh', 'measure unit', 'measureunit'],
    required: false,
  },
];
