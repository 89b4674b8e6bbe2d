import ExcelJS from 'exceljs';
import { type Cell, isBlankRow, type SheetRow, unneutralize } from './cells.js';
import { fileError } from './file-errors.js';
import { type Bytes, byteStream } from './zip-guard.js';

/** A date cell as the month key people mean by it ("2021-09-01" → read as 2021-09). */
function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** An exceljs cell value as text or a number; formulas give their cached result. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return unneutralize(value);
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: string;
      formula?: string;
    };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v || v.formula !== undefined) return toCell(v.result);
    if (v.text !== undefined) return toCell(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

/**
 * Rows of the first worksheet, streamed by exceljs's WorkbookReader (only the shared strings
 * are held). The file must have passed `guardZip` first. Blank rows are skipped.
 */
export async function* readXlsx(bytes: Bytes): AsyncGenerator<SheetRow> {
  const input = byteStream(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        if (!isBlankRow(cells)) yield { row: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'invalid') throw error;
    throw fileError(
      `Không đọc được tệp XLSX: ${(error as Error).message}`,
      `Cannot read the XLSX file: ${(error as Error).message}`,
    );
  } finally {
    input.destroy();
  }
}
