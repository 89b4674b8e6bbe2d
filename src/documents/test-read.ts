import ExcelJS from 'exceljs';
import { docxParagraphs, entryText } from './test-zip.js';

/** Readers for the tests: a DOCX's margins, fonts and text; an XLSX's sheet, rows and values. */
/** The demo's review: the plan of the article, through September 2021. */
export const Q = { planCode: 'bac-kan-2021', period: '2021-09' };

export const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

export function margins(docx: Buffer) {
  const tag = /<w:pgMar ([^>]*)\/>/.exec(entryText(docx, 'word/document.xml'))?.[1] ?? '';
  const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(tag)?.[1]);
  return { top: attr('top'), bottom: attr('bottom'), left: attr('left'), right: attr('right') };
}

/** Every font a DOCX names, in its styles and its body. */
export function fonts(docx: Buffer): Set<string> {
  const xml = entryText(docx, 'word/document.xml') + entryText(docx, 'word/styles.xml');
  return new Set([...xml.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1] as string));
}

export const text = (docx: Buffer) => docxParagraphs(docx).join('\n');

export async function sheet(xlsx: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

export function rowOf(ws: ExcelJS.Worksheet, name: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(2).value === name) found = row;
  });
  if (!found) throw new Error(`no row "${name}"`);
  return found;
}

export const value = (cell: ExcelJS.Cell) => {
  const v = cell.value as unknown;
  return v !== null && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
};
