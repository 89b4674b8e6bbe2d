/**
 * The layout pieces of an administrative document in DOCX: letterhead, title, headings, body,
 * tables, "Nơi nhận" and signature, A4 page with its margins and page numbers from page 2.
 * Every string passes through xmlSafe on its way into a run.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatVnDate } from '../core/dates.js';
import type { Letterhead } from './letterhead.js';
import { xmlSafe } from './safe-text.js';

const TWIP_PER_MM = 1440 / 25.4;
const A4 = { width: 210, height: 297 };
const twip = (mm: number) => Math.round(mm * TWIP_PER_MM);

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

export function run(lh: Letterhead, text: string, s: RunStyle = {}): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    font: lh.style.font,
    size: Math.round((s.size ?? lh.style.sizes.body) * 2),
    bold: s.bold ?? false,
    italics: s.italics ?? false,
    ...(s.underline ? { underline: {} } : {}),
  });
}

/** Width of the text area in millimetres. */
function contentWidth(lh: Letterhead): number {
  return A4.width - lh.style.margins.left - lh.style.margins.right;
}

function line(lh: Letterhead, text: string, s: RunStyle & { after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: (s.after ?? 0) * 20, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(lh, text, s)],
  });
}

/** A short centred rule under a header line, drawn as the bottom border of an empty paragraph. */
function rule(cellMm: number, lengthMm: number): Paragraph {
  const side = Math.max(0, (cellMm - lengthMm) / 2);
  return new Paragraph({
    indent: { left: twip(side), right: twip(side) },
    spacing: { before: 0, after: 60, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({
    width: { size: twip(widthMm), type: WidthType.DXA },
    borders: TableBorders.NONE,
    children,
  });
}

/** The two columns at the top: issuer and number on the left, national line and date on the right. */
export function letterhead(lh: Letterhead): Table {
  const z = lh.style.sizes;
  const total = contentWidth(lh);
  const left = lh.format === 'party' ? total * 0.42 : total * 0.4;
  const right = total - left;
  const issuerBlock = [
    ...(lh.parentBody ? [line(lh, lh.parentBody, { size: z.parent })] : []),
    line(lh, lh.issuer, { size: z.issuer, bold: true }),
    lh.format === 'party' ? line(lh, '*', { size: z.issuer }) : rule(left, 25),
  ];
  const nationalBlock =
    lh.format === 'party'
      ? [line(lh, 'ĐẢNG CỘNG SẢN VIỆT NAM', { size: z.national, bold: true }), rule(right, 76)]
      : [
          line(lh, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: z.national, bold: true }),
          line(lh, 'Độc lập - Tự do - Hạnh phúc', { size: z.motto, bold: true }),
          rule(right, 62),
        ];
  const dated = `${lh.place}, ${formatVnDate(lh.date, lh.format)}`;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: twip(total), type: WidthType.DXA },
    columnWidths: [twip(left), twip(right)],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [cell(issuerBlock, left), cell(nationalBlock, right)] }),
      new TableRow({
        children: [
          cell([line(lh, lh.number, { size: z.number })], left),
          cell([line(lh, dated, { size: z.placeDate, italics: true })], right),
        ],
      }),
    ],
  });
}

/** "BÁO CÁO" / "THÔNG BÁO" and the subject under it, with the short rule Party documents use. */
export function title(lh: Letterhead, docType: string, subject: string): Paragraph[] {
  const z = lh.style.sizes;
  return [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    line(lh, docType, { size: z.docType, bold: true }),
    line(lh, subject, { size: z.subject, bold: true }),
    lh.format === 'party' ? line(lh, '-----', { size: z.subject, after: 12 }) : rule(contentWidth(lh), 35),
  ];
}

export function heading(lh: Letterhead, text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: true,
    indent: { firstLine: Math.round(lh.style.firstLineIndentCm * 567) },
    spacing: { before: 120, after: lh.style.paragraphAfterPt * 20 },
    children: [run(lh, text, { bold: true })],
  });
}

/** A body paragraph: justified, first-line indent, the format's spacing. */
export function para(lh: Letterhead, parts: string | (string | [string, RunStyle])[], s: RunStyle = {}) {
  const list = typeof parts === 'string' ? [parts] : parts;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(lh.style.firstLineIndentCm * 567) },
    spacing: {
      after: lh.style.paragraphAfterPt * 20,
      line: Math.round(240 * lh.style.lineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    children: list.map((p) => (typeof p === 'string' ? run(lh, p, s) : run(lh, p[0], { ...s, ...p[1] }))),
  });
}

export interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

/** A bordered table whose header row repeats on every page and whose rows never split. */
export function dataTable(lh: Letterhead, columns: Column[], rows: string[][]): Table {
  const total = contentWidth(lh);
  const size = lh.style.sizes.table;
  const tableCell = (text: string, c: Column, bold: boolean) =>
    new TableCell({
      width: { size: twip(total * c.width), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : ALIGN[c.align ?? 'left'],
          children: [run(lh, text, { size, bold })],
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: twip(total), type: WidthType.DXA },
    columnWidths: columns.map((c) => twip(total * c.width)),
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c) => tableCell(c.header, c, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({ cantSplit: true, children: columns.map((c, i) => tableCell(r[i] ?? '', c, false)) }),
      ),
    ],
  });
}

/** "Nơi nhận:" bottom left, the signature block bottom right. */
export function closing(lh: Letterhead): Table {
  const z = lh.style.sizes;
  const total = contentWidth(lh);
  const left = total * 0.45;
  const right = total - left;
  const label =
    lh.format === 'party'
      ? run(lh, 'Nơi nhận:', { size: z.recipientsLabel, underline: true })
      : run(lh, 'Nơi nhận:', { size: z.recipientsLabel, bold: true, italics: true });
  const recipients = lh.recipients.map((r, i) => {
    const end = i === lh.recipients.length - 1 ? '.' : lh.format === 'party' ? ',' : ';';
    return new Paragraph({ children: [run(lh, `- ${r}${end}`, { size: z.recipients })] });
  });
  const signature = [
    line(lh, lh.signer.authority, { size: z.signature, bold: true }),
    line(lh, lh.signer.title, { size: z.signature, bold: true, after: 60 }),
    line(lh, lh.signer.name, { size: z.signature, bold: true }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: twip(total), type: WidthType.DXA },
    columnWidths: [twip(left), twip(right)],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell([new Paragraph({ children: [label] }), ...recipients], left), cell(signature, right)],
      }),
    ],
  });
}

export function spacer(): Paragraph {
  return new Paragraph({ spacing: { before: 120, after: 0 }, children: [] });
}

/** A4 portrait with the format's margins; page numbers top centre from page 2. */
export function packDocx(
  lh: Letterhead,
  meta: { title: string; subject: string },
  children: (Paragraph | Table)[],
): Promise<Buffer> {
  const m = lh.style.margins;
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({
        children: [PageNumber.CURRENT],
        font: lh.style.font,
        size: lh.style.sizes.pageNumber * 2,
      }),
    ],
  });
  const doc = new Document({
    title: xmlSafe(meta.title),
    subject: xmlSafe(meta.subject),
    creator: 'Tiến độ',
    styles: {
      default: { document: { run: { font: lh.style.font, size: lh.style.sizes.body * 2 } } },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(A4.width), height: twip(A4.height) },
            margin: {
              top: twip(m.top),
              bottom: twip(m.bottom),
              left: twip(m.left),
              right: twip(m.right),
              header: twip(Math.min(12, m.top / 2)),
              footer: twip(Math.min(12, m.bottom / 2)),
            },
          },
        },
        headers: {
          default: new Header({ children: [pageNumber] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
