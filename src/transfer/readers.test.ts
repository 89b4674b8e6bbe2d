import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { locateHeader } from './columns.js';
import { readCsv } from './csv-reader.js';
import { FIGURE_COLUMNS } from './figure-columns.js';
import { openSheet } from './source.js';
import { collect, memoryFile, xlsxBuffer } from './test-files.js';
import { cellNumber, cellPeriod, cellStatus, cellYesNo } from './values.js';

/** The bytes cut in awkward places, as a network or a disk hands them over. */
function chunks(text: string | Buffer, size = 7) {
  const b = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += size) parts.push(b.subarray(i, i + size));
  return Readable.from(parts);
}

const csv = async (text: string | Buffer, size?: number) => collect(readCsv(chunks(text, size)));

describe('CSV reader', () => {
  it('reads a BOM, CRLF, quotes with separators, line breaks and doubled quotes', async () => {
    const text = '\ufeffMã đơn vị,Ghi chú\r\nP1,"a, ""b""\r\nc"\r\n\r\nP2,x\r\n';
    expect(await csv(text)).toEqual([
      { row: 1, cells: ['Mã đơn vị', 'Ghi chú'] },
      { row: 2, cells: ['P1', 'a, "b"\r\nc'] },
      { row: 5, cells: ['P2', 'x'] },
    ]);
  });

  it('finds ";" from the header line below title lines, and keeps decimal commas', async () => {
    const text = 'BÁO CÁO SỐ LIỆU THÁNG 9\n\nMã đơn vị;Giá trị;Kỳ\nP1;99,273;09/2021\nP2;3.800.019;2021-09';
    const rows = await csv(text, 3);
    expect(rows.map((r) => r.cells)).toEqual([
      ['BÁO CÁO SỐ LIỆU THÁNG 9'],
      ['Mã đơn vị', 'Giá trị', 'Kỳ'],
      ['P1', '99,273', '09/2021'],
      ['P2', '3.800.019', '2021-09'],
    ]);
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4, 5]);
  });

  it('reads UTF-16 (Excel "Unicode Text", tab-separated)', async () => {
    const body = Buffer.from('Mã đơn vị\tGiá trị\nP1\t2.404\n', 'utf16le');
    const rows = await csv(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    expect(rows[1]?.cells).toEqual(['P1', '2.404']);
  });

  it('refuses text that is not UTF-8 with a message saying how to save it', async () => {
    const latin = Buffer.from('Ma don vi,Gi\xe1 tr\xef\nP1,1\n', 'latin1');
    await expect(csv(latin)).rejects.toMatchObject({ text: { vi: expect.stringContaining('CSV UTF-8') } });
  });

  it('takes the apostrophe off a text an export neutralised', async () => {
    expect((await csv("a,'=1+1,'-x,'ok\n"))[0]?.cells).toEqual(['a', '=1+1', '-x', "'ok"]);
  });
});

describe('cell values', () => {
  it('reads Vietnamese numbers, periods, yes/no and ước/chính thức', () => {
    expect(['2.404', '99,273', '3.800.019', 2404.5, '-5', 'abc'].map(cellNumber)).toEqual([
      2404,
      99.273,
      3800019,
      2404.5,
      -5,
      null,
    ]);
    expect(
      ['2021-09', '09/2021', 'tháng 9/2021', 'Tháng 9 năm 2021', 'T9/2021', '2021-09-01', '13/2021'].map(
        cellPeriod,
      ),
    ).toEqual(['2021-09', '2021-09', '2021-09', '2021-09', '2021-09', '2021-09', null]);
    expect(['có', 'x', 'Không', '', 'maybe'].map(cellYesNo)).toEqual([true, true, false, false, null]);
    expect(['Ước', 'chính thức', '', 'sai'].map(cellStatus)).toEqual([
      'estimate',
      'official',
      undefined,
      null,
    ]);
  });
});

describe('XLSX reader and header detection', () => {
  it('finds a two-line header under a title, with merged cells, blank lines and extra columns', async () => {
    const buffer = await xlsxBuffer((ws) => {
      ws.addRow(['BÁO CÁO SỐ LIỆU KINH TẾ - XÃ HỘI']);
      ws.mergeCells('A1:F1');
      ws.addRow([]);
      ws.addRow(['STT', 'Đơn vị', 'Chỉ tiêu', 'Số liệu', null, 'Ghi chú thêm']);
      ws.addRow([null, null, null, 'Tháng', 'Giá trị', null]);
      ws.mergeCells('B3:B4');
      ws.mergeCells('C3:C4');
      ws.mergeCells('D3:E3');
      ws.addRow([1, 'P1', 'CT1', '09/2021', 2404, 'x']);
      ws.addRow([]);
      ws.addRow([2, 'P2', 'CT1', 'tháng 9/2021', '99,273', 'y']);
    });
    const sheet = await openSheet(memoryFile(buffer, 'bao-cao.xlsx'));
    expect(sheet.format).toBe('xlsx');
    const { header, data } = await locateHeader(sheet.rows, FIGURE_COLUMNS);
    expect(header.row).toBe(4);
    expect(Object.fromEntries([...header.columns].map(([f, c]) => [f, c.index]))).toEqual({
      unitCode: 1,
      indicatorCode: 2,
      period: 3,
      value: 4,
    });
    const rows = await collect(data);
    expect(rows).toEqual([
      { row: 5, cells: [1, 'P1', 'CT1', '09/2021', 2404, 'x'] },
      { row: 7, cells: [2, 'P2', 'CT1', 'tháng 9/2021', '99,273', 'y'] },
    ]);
  });

  it('recognises an unnamed "ước"/"chính thức" column by its values', async () => {
    const text = 'Mã ĐV,Mã CT,Giá trị,\nP1,CT1,1,ước\nP2,CT1,2,chính thức\n';
    const { header } = await locateHeader((await openSheet(memoryFile(text))).rows, FIGURE_COLUMNS);
    expect(header.columns.get('status')?.index).toBe(3);
  });

  it('names a required column it cannot find', async () => {
    const text = 'Đơn vị,Chỉ tiêu,Số tiền\nP1,CT1,5\n';
    await expect(
      locateHeader((await openSheet(memoryFile(text))).rows, FIGURE_COLUMNS),
    ).rejects.toMatchObject({
      text: { vi: expect.stringContaining('"Giá trị"') },
      fields: [{ field: 'value' }],
    });
  });
});
