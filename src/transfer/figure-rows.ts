import type { FieldProblem } from '../errors.js';
import type { StreamedFigure } from '../figures/figures.stream.js';
import { cellText, type SheetRow } from './cells.js';
import { cellProblem, columnRef, fieldCell, type Header } from './columns.js';
import type { FigureField } from './figure-columns.js';
import { cellNumber, cellPeriod, cellStatus, cellYesNo } from './values.js';

export interface FigureFileContext {
  planCode: string;
  /** The period chosen for the import: fills an empty or missing "Kỳ", and must match a given one. */
  period?: string | undefined;
  fileName: string;
}

/**
 * One data line as a figure to record, or its problems in the file's own words. A line whose
 * value is empty is a slot the unit left blank (a template not filled in): null, not a problem.
 */
export function figureFromLine(
  header: Header<FigureField>,
  line: SheetRow,
  file: FigureFileContext,
): StreamedFigure | null {
  const cell = (f: FigureField) => fieldCell(header, line, f);
  const problems: FieldProblem[] = [];
  const problem = (field: FigureField, vi: string, en: string) => {
    problems.push(cellProblem(header, line, field, vi, en));
  };
  if (cellText(cell('value')) === '') return null;
  const value = cellNumber(cell('value'));
  if (value === null) problem('value', 'không phải là số', 'is not a number');
  for (const f of ['unitCode', 'indicatorCode'] as const) {
    if (cellText(cell(f)) === '') problem(f, 'bỏ trống', 'is empty');
  }
  let period = file.period;
  if (cellText(cell('period')) !== '') {
    const read = cellPeriod(cell('period'));
    if (!read)
      problem(
        'period',
        'không phải kỳ báo cáo (ví dụ 2021-09, 09/2021, tháng 9/2021)',
        'is not a period (e.g. 2021-09)',
      );
    else if (file.period && read !== file.period)
      problem(
        'period',
        `khác kỳ đang nhập (${file.period})`,
        `differs from the period imported (${file.period})`,
      );
    else period = read;
  } else if (!file.period) {
    problem('period', 'thiếu kỳ báo cáo (hoặc chọn kỳ khi nhập)', 'no period (or choose one for the import)');
  }
  const cumulative = cellYesNo(cell('cumulative'));
  if (cumulative === null) problem('cumulative', 'cần "có" hoặc "không"', 'must be yes or no');
  const status = cellStatus(cell('status'));
  if (status === null) problem('status', 'cần "ước" hoặc "chính thức"', 'must be estimate or official');
  if (problems.length > 0) return { row: line.row, problems };
  const measureUnit = cellText(cell('measureUnit'));
  const note = cellText(cell('note'));
  return {
    row: line.row,
    input: {
      planCode: file.planCode,
      indicatorCode: cellText(cell('indicatorCode')),
      unitCode: cellText(cell('unitCode')),
      period: period as string,
      value: value as number,
      cumulative: cumulative as boolean,
      ...(status ? { status } : {}),
      ...(measureUnit ? { measureUnit } : {}),
      ...(note ? { note } : {}),
      source: 'import',
      sourceRef: file.fileName,
    },
    where: (field) => columnRef(header, line, field as FigureField),
  };
}
