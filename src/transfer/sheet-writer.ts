import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { type Cell, neutralize } from './cells.js';

export interface OutColumn {
  header: string;
  width: number;
  /** Drop-down values; long lists live on a hidden sheet, since Excel caps inline lists at 255 characters. */
  list?: readonly string[];
  /** Decimal places shown for numbers; values themselves are never rounded. */
  decimals?: number;
}

export interface OutTable {
  sheetName: string;
  /** Lines above the header: title, plan, period, how to fill it in. */
  title: readonly string[];
  columns: readonly OutColumn[];
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
  /** Empty lines below the data that keep the drop-downs, for rows a unit adds. */
  spareRows?: number;
}

/** Text is neutralised against formula injection; numbers are written as numbers. */
function safe(cell: Cell): Cell {
  return typeof cell === 'number' ? cell : neutralize(cell);
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The streaming worksheet has data validations; the typings only give them to the in-memory one. */
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;

/** A number as people write it in Vietnamese: decimal comma, no exponent, no grouping. */
function csvNumber(n: number): string {
  const plain = /e/i.test(String(n)) ? n.toFixed(20).replace(/\.?0+$/, '') : String(n);
  return plain.replace('.', ',');
}

/**
 * An XLSX written as a stream (a large export never sits in memory): title lines, a bold
 * header frozen in place, column widths, and drop-down validation where a column has a list.
 */
export async function writeXlsx(table: OutTable, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const headerRow = table.title.length + 2;
  const ws = wb.addWorksheet(table.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  });
  ws.columns = table.columns.map((c) => ({ width: c.width }));
  table.title.forEach((line, i) => {
    const row = ws.addRow([line]);
    row.font = i === 0 ? { bold: true, size: 14 } : { italic: true };
    row.commit();
  });
  ws.addRow([]).commit();
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  let last = headerRow;
  for await (const cells of table.rows) {
    const row = ws.addRow(cells.map(safe));
    table.columns.forEach((c, i) => {
      if (c.decimals !== undefined && typeof cells[i] === 'number')
        row.getCell(i + 1).numFmt = c.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals)}`;
    });
    row.commit();
    last++;
  }
  const lists = table.columns.flatMap((c, i) => (c.list ? [{ c, i }] : []));
  const through = last + (table.spareRows ?? 0);
  if (lists.length > 0 && through > headerRow) {
    const listSheet = wb.addWorksheet('DanhMuc', { state: 'hidden' });
    const longest = Math.max(...lists.map((l) => l.c.list?.length ?? 0));
    for (let r = 0; r < longest; r++) {
      listSheet.addRow(lists.map((l) => l.c.list?.[r] ?? '')).commit();
    }
    lists.forEach((l, k) => {
      const col = columnLetter(l.i + 1);
      const ref = `DanhMuc!$${columnLetter(k + 1)}$1:$${columnLetter(k + 1)}$${Math.max(1, l.c.list?.length ?? 1)}`;
      validations(ws).add(`${col}${headerRow + 1}:${col}${through}`, {
        type: 'list',
        allowBlank: true,
        formulae: [ref],
        showErrorMessage: true,
        errorTitle: 'Giá trị không hợp lệ',
        error: `Hãy chọn trong danh sách của cột "${l.c.header}"`,
      });
    });
    listSheet.commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * CSV for Excel set to Vietnamese: UTF-8 with a BOM (so Excel reads the diacritics), ";" between
 * fields and "," as the decimal mark, which is what Excel expects when the regional format
 * is Vietnamese; tiendo reads it back whatever the separator. CRLF line ends.
 */
export async function writeCsv(table: OutTable, out: Writable): Promise<void> {
  const field = (cell: Cell) => {
    const s = typeof cell === 'number' ? csvNumber(cell) : neutralize(cell);
    return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(`${line}\r\n`)) resolve();
      else out.once('drain', resolve).once('error', reject);
    });
  out.write('\ufeff');
  for (const line of table.title) await write(field(line));
  await write('');
  await write(table.columns.map((c) => field(c.header)).join(';'));
  for await (const cells of table.rows) await write(cells.map(field).join(';'));
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** The bytes a writer produces, for a download answered in one piece. */
export async function toBuffer(write: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = finished(out);
  await write(out);
  if (!out.writableEnded) out.end();
  await done;
  return Buffer.concat(chunks);
}
