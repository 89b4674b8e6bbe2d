/**
 * Phụ lục số liệu: the review's figures as a spreadsheet. Numbers stay numbers (a reader can
 * sum or chart them); % NQ and % so cùng kỳ are formulas over the row, with their values
 * cached so any reader shows them without recalculating. Formats carry the Vietnamese locale
 * ([$-42A]) so "2.404" and "73,96%" print the Vietnamese way whatever the machine's locale.
 */
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context.js';
import { formatVnShortDate } from '../core/dates.js';
import { PERCENT_METHOD_LABELS, PROGRESS_STATUS_LABELS } from '../core/labels.js';
import type { ProgressStatus } from '../core/progress.js';
import type { IndicatorProgress } from '../progress/progress.service.js';
import { basisLabel, decimalsNeeded, formatPercent, formatQuantity } from './format.js';
import { byField, fieldLabel } from './indicator-text.js';
import { gatherReview, type ReviewData, type ReviewQuery } from './review-data.js';
import { oneLine, xmlSafe } from './safe-text.js';

const VI = '[$-42A]';
const FONT = 'Times New Roman';
const HEADER_ROW = 5;
const FIRST_DATA_ROW = HEADER_ROW + 2;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

export interface AppendixOptions {
  /** Font of every cell; Times New Roman, as the report. */
  font?: string;
  fontSize?: number;
}

function numberFormat(decimals: number): string {
  return `${VI}#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
}

const PERCENT_FORMAT = `${VI}0.00%`;

/** Excel cells hold at most 32 767 characters. */
const cellText = (s: string) => xmlSafe(s).slice(0, 32_000);

interface Row {
  indicator: IndicatorProgress;
  stt: number;
}

function note(i: IndicatorProgress, planIssuer: string): string {
  const parts: string[] = [];
  const basis = basisLabel(i.basis, i.issuingBody, planIssuer);
  if (basis !== 'NQ') parts.push(`Căn cứ: ${basis}`);
  if (i.percentMethod === 'reduction') {
    parts.push(`% ${PERCENT_METHOD_LABELS.reduction.vi}`);
  }
  for (const t of i.otherTargets) {
    if (t.percentOfTarget === null) continue;
    parts.push(`${formatPercent(t.percentOfTarget)} ${basisLabel(t.basis, t.issuingBody, planIssuer)}`);
  }
  if (i.forecast !== null && i.status !== 'achieved') {
    parts.push(`Dự báo cả năm: ${formatQuantity(i.forecast, i.unit, i.decimals)}`);
  }
  return parts.join('; ');
}

function writeIndicator(ws: ExcelJS.Worksheet, r: number, { indicator: i, stt }: Row, planIssuer: string) {
  const row = ws.getRow(r);
  row.getCell(1).value = stt;
  row.getCell(2).value = cellText(i.name);
  row.getCell(3).value = cellText(i.unit);
  if (i.target !== null) {
    row.getCell(4).value = i.target;
    row.getCell(4).numFmt = numberFormat(decimalsNeeded(i.target, Math.max(i.decimals, 3)));
  }
  // Each value with the decimals it needs, up to the indicator's: "610", "95,4", "99,273".
  const put = (c: number, v: number | null) => {
    if (v === null) return;
    row.getCell(c).value = v;
    row.getCell(c).numFmt = numberFormat(decimalsNeeded(v, i.decimals));
  };
  put(5, i.actual);
  put(7, i.samePeriodActual);
  const f = row.getCell(6);
  if (i.percentMethod === 'ratio' && i.actual !== null && i.target) {
    f.value = {
      formula: `IF(AND(ISNUMBER(E${r}),ISNUMBER(D${r}),D${r}>0),E${r}/D${r},"")`,
      result: i.actual / i.target,
    };
  } else if (i.percentOfTarget !== null) {
    // The reduction method needs the baseline and the seasonal share: the value, not a formula.
    f.value = i.percentOfTarget / 100;
  }
  f.numFmt = PERCENT_FORMAT;
  const h = row.getCell(8);
  if (i.actual !== null && i.samePeriodActual !== null && i.samePeriodActual > 0) {
    h.value = {
      formula: `IF(AND(ISNUMBER(E${r}),ISNUMBER(G${r}),G${r}>0),E${r}/G${r},"")`,
      result: i.actual / i.samePeriodActual,
    };
  }
  h.numFmt = PERCENT_FORMAT;
  row.getCell(9).value = PROGRESS_STATUS_LABELS[i.status].vi;
  const remark = cellText(note(i, planIssuer));
  row.getCell(10).value = remark;
  // Readers do not grow a row to fit wrapped text on their own: give it the lines it needs.
  row.height =
    LINE_HEIGHT * Math.max(linesFor(i.name, COLUMNS[1]?.width), linesFor(remark, COLUMNS[9]?.width));
}

const LINE_HEIGHT = 15.75;

/** Lines a text wraps to in a column `width` characters wide (Times New Roman 12 is narrow). */
function linesFor(text: string, width = 10): number {
  return Math.max(1, Math.ceil(text.length / Math.max(1, width * 1.25 - 2)));
}

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Chỉ tiêu', width: 46 },
  { header: 'Đơn vị tính', width: 11 },
  { header: 'NQ/KH', width: 13 },
  { header: 'Thực hiện', width: 13 },
  { header: '% NQ', width: 10 },
  { header: 'Cùng kỳ', width: 13 },
  { header: '% so cùng kỳ', width: 11 },
  { header: 'Đánh giá', width: 17 },
  { header: 'Ghi chú', width: 34 },
];

function headerTexts(data: ReviewData): string[] {
  const y = data.year;
  const period = data.report.periodLabel;
  return [
    'STT',
    'Chỉ tiêu',
    'Đơn vị tính',
    `NQ/KH năm ${y}`,
    `Thực hiện ${period}`,
    '% NQ',
    `Cùng kỳ năm ${y - 1}`,
    '% so cùng kỳ',
    'Đánh giá',
    'Ghi chú',
  ];
}

function style(ws: ExcelJS.Worksheet, from: number, to: number, font: Partial<ExcelJS.Font>, cols = [1, 10]) {
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  for (let r = from; r <= to; r++) {
    for (let c = cols[0] ?? 1; c <= (cols[1] ?? COLUMNS.length); c++) {
      const cell = ws.getRow(r).getCell(c);
      cell.font = { ...font, ...cell.font };
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal: c === 2 || c === 10 ? 'left' : c === 3 || c === 9 || c === 1 ? 'center' : 'right',
        ...cell.alignment,
      };
    }
  }
}

export async function buildAppendixXlsx(data: ReviewData, o: AppendixOptions = {}): Promise<Buffer> {
  const font = { name: o.font ?? FONT, size: o.fontSize ?? 12 };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tiến độ';
  wb.title = `Phụ lục số liệu ${data.report.periodLabel}`;
  const ws = wb.addWorksheet('Phụ lục số liệu', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW + 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 1}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const last = String.fromCharCode(64 + COLUMNS.length);
  const banner = (r: number, text: string, f: Partial<ExcelJS.Font>) => {
    ws.mergeCells(`A${r}:${last}${r}`);
    const cell = ws.getCell(`A${r}`);
    cell.value = cellText(text);
    cell.font = { ...font, ...f };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  banner(1, 'PHỤ LỤC SỐ LIỆU', { bold: true, size: font.size + 2 });
  banner(
    2,
    `Kết quả thực hiện các chỉ tiêu ${oneLine(data.plan.name)} – ${data.unit.name} – ${data.report.periodLabel}`,
    { bold: true },
  );
  banner(
    3,
    `(Số liệu lũy kế đến hết tháng ${data.month}/${data.year}; lập ngày ${formatVnShortDate(data.date)})`,
    { italic: true },
  );
  ws.getRow(2).height = 32;

  const header = ws.getRow(HEADER_ROW);
  headerTexts(data).forEach((t, i) => {
    header.getCell(i + 1).value = t;
  });
  const numbers = ws.getRow(HEADER_ROW + 1);
  const formulaNotes: Record<number, string> = { 6: '(6)=(5)/(4)', 8: '(8)=(5)/(7)' };
  COLUMNS.forEach((_, i) => {
    numbers.getCell(i + 1).value = formulaNotes[i + 1] ?? `(${i + 1})`;
  });
  style(ws, HEADER_ROW, HEADER_ROW + 1, font);
  for (const c of [header, numbers]) {
    c.eachCell((cell) => {
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
  }
  header.font = { ...font, bold: true };
  header.height = 34;
  numbers.eachCell((cell) => {
    cell.font = { ...font, italic: true, size: font.size - 1 };
  });

  let r = FIRST_DATA_ROW;
  const groups = byField(data.report.indicators);
  for (const [g, [field, list]] of groups.entries()) {
    const row = ws.getRow(r);
    row.getCell(1).value = ROMAN[g] ?? String(g + 1);
    row.getCell(2).value = cellText(fieldLabel(field));
    for (let c = 1; c <= COLUMNS.length; c++) {
      row.getCell(c).font = { ...font, bold: true };
      row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
    }
    r++;
    for (const [n, indicator] of list.entries())
      writeIndicator(ws, r++, { indicator, stt: n + 1 }, data.plan.issuingBody);
  }
  const lastData = r - 1;
  if (data.report.indicators.length === 0) {
    ws.getRow(r).getCell(2).value = 'Kế hoạch chưa có chỉ tiêu nào';
    r++;
  } else if (data.report.indicators.every((i) => i.actual === null)) {
    ws.mergeCells(`A${r}:${last}${r}`);
    ws.getCell(`A${r}`).value = cellText(`Chưa có số liệu ${data.report.periodLabel} cho chỉ tiêu nào`);
    ws.getCell(`A${r}`).font = { ...font, italic: true, bold: true };
    r++;
  }
  style(ws, FIRST_DATA_ROW, r - 1, font);

  r++;
  const summary = ws.getRow(r++);
  summary.getCell(2).value = 'Tổng hợp đánh giá';
  summary.getCell(2).font = { ...font, bold: true };
  const statuses: ProgressStatus[] = ['achieved', 'on_track', 'behind', 'at_risk', 'no_data'];
  const from = r;
  for (const s of statuses) {
    const row = ws.getRow(r);
    const label = PROGRESS_STATUS_LABELS[s].vi;
    row.getCell(2).value = label;
    row.getCell(3).value = {
      formula: `COUNTIF($I$${FIRST_DATA_ROW}:$I$${Math.max(lastData, FIRST_DATA_ROW)},"${label}")`,
      result: data.report.indicators.filter((i) => i.status === s).length,
    };
    r++;
  }
  const total = ws.getRow(r++);
  total.getCell(2).value = 'Tổng số chỉ tiêu';
  total.getCell(3).value = { formula: `SUM(C${from}:C${r - 2})`, result: data.report.indicators.length };
  style(ws, from, r - 1, font, [2, 3]);
  for (let x = from; x < r; x++) ws.getRow(x).getCell(3).alignment = { horizontal: 'center' };
  ws.pageSetup.printArea = `A1:${last}${r - 1}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function appendix(
  ctx: ServiceContext,
  query: ReviewQuery,
  o: AppendixOptions & { date?: string } = {},
) {
  const data = await gatherReview(ctx, query, { date: o.date });
  return { data, buffer: await buildAppendixXlsx(data, o) };
}
