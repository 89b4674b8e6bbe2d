import { stat } from 'node:fs/promises';
import type { SheetRow } from './cells.js';
import { readCsv } from './csv-reader.js';
import { DEFAULT_IMPORT_LIMITS, fileError, type ImportLimits, MB } from './file-errors.js';
import { readXlsx } from './xlsx-reader.js';
import { type Bytes, byteSize, byteStream, guardZip } from './zip-guard.js';

/** A file handed to an import: its bytes and the name it is reported under. */
export interface ImportFile {
  bytes: Bytes;
  name: string;
}

export async function fileOnDisk(path: string): Promise<ImportFile> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw fileError(`Không mở được tệp "${path}"`, `Cannot open the file "${path}"`);
  }
  return { bytes: { path, size }, name: path.split(/[\\/]/).pop() ?? path };
}

const MAGIC: { bytes: number[]; vi: string; en: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], vi: 'tệp Excel cũ (.xls)', en: 'an old Excel file (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], vi: 'tệp PDF', en: 'a PDF file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], vi: 'ảnh PNG', en: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], vi: 'ảnh JPEG', en: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], vi: 'tệp nén gzip', en: 'a gzip archive' },
];

export type SheetFormat = 'xlsx' | 'csv';

/**
 * The rows of an uploaded or local spreadsheet, after the checks that must come before any
 * parser sees it: size, kind by its first bytes (never by its name), and the ZIP guard.
 */
export async function openSheet(
  file: ImportFile,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<{ format: SheetFormat; rows: AsyncIterable<SheetRow> }> {
  const size = byteSize(file.bytes);
  if (size > limits.maxFileBytes) {
    throw fileError(
      `Tệp "${file.name}" nặng ${(size / MB).toFixed(1)} MB, vượt giới hạn ${Math.round(limits.maxFileBytes / MB)} MB`,
      `The file "${file.name}" is ${(size / MB).toFixed(1)} MB, over the ${Math.round(limits.maxFileBytes / MB)} MB limit`,
    );
  }
  if (size === 0) throw fileError(`Tệp "${file.name}" rỗng`, `The file "${file.name}" is empty`);
  const head: Buffer = await new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    byteStream(file.bytes, 0, Math.min(size, 8))
      .on('data', (c: Buffer) => chunks.push(c))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
  if (head.readUInt32LE(0) === 0x04034b50) {
    await guardZip(file.bytes, limits);
    return { format: 'xlsx', rows: readXlsx(file.bytes) };
  }
  const known = MAGIC.find((m) => m.bytes.every((b, i) => head[i] === b));
  if (known) {
    throw fileError(
      `Tệp "${file.name}" là ${known.vi}, không phải bảng tính XLSX hay CSV`,
      `The file "${file.name}" is ${known.en}, not an XLSX or CSV spreadsheet`,
    );
  }
  return { format: 'csv', rows: readCsv(byteStream(file.bytes)) };
}
