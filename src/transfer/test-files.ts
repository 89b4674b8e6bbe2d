import ExcelJS from 'exceljs';
import type { SheetRow } from './cells.js';
import type { ImportFile } from './source.js';

/** A file held in memory, as an upload is. */
export function memoryFile(data: string | Buffer, name = 'so-lieu.csv'): ImportFile {
  return { bytes: { buffer: typeof data === 'string' ? Buffer.from(data, 'utf8') : data }, name };
}

/** An XLSX made the way offices make them: title lines, merged cells, whatever `build` adds. */
export async function xlsxBuffer(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Số liệu'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/**
 * A ZIP with one deflated entry whose central directory may lie about its size: the shape of
 * a zip bomb. `[Content_Types].xml` and an `xl/` part make it look like a workbook.
 */
export async function zipWith(name: string, content: Buffer, declared?: number): Promise<Buffer> {
  const { deflateRawSync } = await import('node:zlib');
  const entries = [
    { name: '[Content_Types].xml', data: deflateRawSync(Buffer.from('<Types/>')), size: 8 },
    { name, data: deflateRawSync(content, { level: 9 }), size: declared ?? content.length },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const nameBytes = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, e.data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
