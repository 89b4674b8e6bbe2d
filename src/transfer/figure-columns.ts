import { text } from '../i18n.js';
import { cellText } from './cells.js';
import type { ColumnSpec } from './columns.js';
import { cellStatus } from './values.js';

export type FigureField =
  | 'unitCode'
  | 'indicatorCode'
  | 'period'
  | 'value'
  | 'measureUnit'
  | 'cumulative'
  | 'status'
  | 'note';

/** The columns of a figures sheet, in template order, with the names real files give them. */
export const FIGURE_COLUMNS: readonly ColumnSpec<FigureField>[] = [
  {
    field: 'unitCode',
    label: text('Mã đơn vị', 'Unit code'),
    names: ['ma don vi', 'don vi', 'ma dv', 'unit', 'unit code', 'unitcode'],
    required: true,
  },
  {
    field: 'indicatorCode',
    label: text('Mã chỉ tiêu', 'Indicator code'),
    names: ['ma chi tieu', 'chi tieu', 'ma ct', 'indicator', 'indicator code', 'indicatorcode'],
    required: true,
  },
  {
    field: 'period',
    label: text('Kỳ', 'Period'),
    names: ['ky', 'ky bao cao', 'thang', 'thang bao cao', 'thoi gian', 'period', 'month'],
    required: false,
  },
  {
    field: 'value',
    label: text('Giá trị', 'Value'),
    names: ['gia tri', 'so lieu', 'thuc hien', 'so thuc hien', 'value'],
    required: true,
  },
  {
    field: 'measureUnit',
    label: text('Đơn vị tính', 'Unit of measure'),
    names: ['don vi tinh', 'dvt', 'dv tinh', 'measure unit', 'measureunit'],
    required: false,
  },
  {
    field: 'cumulative',
    label: text('Lũy kế', 'Cumulative'),
    names: ['luy ke', 'cong don', 'so luy ke', 'cumulative'],
    required: false,
  },
  {
    field: 'status',
    label: text('Tình trạng', 'Status'),
    names: [
      'tinh trang',
      'trang thai',
      'uoc/chinh thuc',
      'uoc',
      'chinh thuc',
      'loai so lieu',
      'tinh trang so lieu',
      'status',
    ],
    required: false,
    values: (v) => cellStatus(cellText(v)) !== null,
  },
  { field: 'note', label: text('Ghi chú', 'Note'), names: ['ghi chu', 'note'], required: false },
];
