import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { fileError, type ImportLimits, MB } from './file-errors.js';

/** Where the bytes are: a file on disk (CLI) or an upload held in memory (API). */
export type Bytes = { path: string; size: number } | { buffer: Buffer };

export function byteSize(bytes: Bytes): number {
  return 'buffer' in bytes ? bytes.buffer.length : bytes.size;
}

async function readAt(bytes: Bytes, start: number, length: number): Promise<Buffer> {
  if ('buffer' in bytes) return bytes.buffer.subarray(start, start + length);
  const handle = await open(bytes.path, 'r');
  try {
    const out = Buffer.alloc(length);
    const { bytesRead } = await handle.read(out, 0, length, start);
    return out.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function byteStream(bytes: Bytes, start = 0, end?: number): Readable {
  if ('buffer' in bytes) return Readable.from([bytes.buffer.subarray(start, end)]);
  if (end !== undefined && end <= start) return Readable.from([]);
  return createReadStream(bytes.path, { start, ...(end === undefined ? {} : { end: end - 1 }) });
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  local: number;
}

const notXlsx = () =>
  fileError(
    'Tệp có dạng ZIP nhưng không đọc được như bảng tính XLSX (tệp hỏng hoặc không phải Excel)',
    'The file is a ZIP but cannot be read as an XLSX workbook (damaged or not Excel)',
  );

/** The entries the central directory declares. */
async function centralDirectory(bytes: Bytes): Promise<Entry[]> {
  const size = byteSize(bytes);
  const tailLength = Math.min(size, 65_557);
  const tail = await readAt(bytes, size - tailLength, tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) throw notXlsx();
  const count = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirStart = tail.readUInt32LE(eocd + 16);
  // ZIP64 markers: no real workbook needs them, and their sizes would bypass the checks below.
  if (count === 0xffff || dirStart === 0xffffffff || dirStart + dirSize > size) throw notXlsx();
  const dir = await readAt(bytes, dirStart, dirSize);
  const entries: Entry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw notXlsx();
    const nameLength = dir.readUInt16LE(p + 28);
    entries.push({
      method: dir.readUInt16LE(p + 10),
      compressed: dir.readUInt32LE(p + 20),
      declared: dir.readUInt32LE(p + 24),
      local: dir.readUInt32LE(p + 42),
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
  }
  return entries;
}

const bomb = (name: string) =>
  fileError(
    `Tệp XLSX bị từ chối: phần "${name}" giải nén ra quá lớn so với kích thước tệp (nghi là "bom nén")`,
    `The XLSX file is refused: part "${name}" inflates far beyond its size (a likely zip bomb)`,
  );

/** Inflates one entry while counting, and stops the moment it passes what may be allowed. */
async function inflatedSize(bytes: Bytes, entry: Entry, allowed: number): Promise<number> {
  const header = await readAt(bytes, entry.local, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  const start = entry.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = byteStream(bytes, start, start + entry.compressed);
  if (entry.method === 0) return entry.compressed;
  if (entry.method !== 8) throw notXlsx();
  let total = 0;
  const inflate = createInflateRaw();
  try {
    for await (const chunk of raw.pipe(inflate)) {
      total += (chunk as Buffer).length;
      if (total > allowed) throw bomb(entry.name);
    }
  } catch (error) {
    raw.destroy();
    inflate.destroy();
    if ((error as { code?: string }).code?.startsWith('Z_')) throw notXlsx();
    throw error;
  }
  return total;
}

/**
 * Checks a workbook before any XLSX library opens it: the sizes the ZIP declares, the ratio of
 * each large part, and then the real inflated sizes (declared sizes can lie), all bounded.
 */
export async function guardZip(bytes: Bytes, limits: ImportLimits): Promise<void> {
  const entries = await centralDirectory(bytes);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || ![...names].some((n) => n.startsWith('xl/'))) {
    throw fileError(
      'Tệp ZIP không phải bảng tính Excel (.xlsx); tệp .xls cũ hãy mở bằng Excel và lưu lại thành .xlsx',
      'The ZIP file is not an Excel workbook (.xlsx); save old .xls files as .xlsx first',
    );
  }
  const overLimit = () =>
    fileError(
      `Tệp XLSX giải nén ra hơn ${Math.round(limits.maxUnzippedBytes / MB)} MB, vượt giới hạn cho phép`,
      `The XLSX file inflates to more than ${Math.round(limits.maxUnzippedBytes / MB)} MB, over the limit`,
    );
  let declaredTotal = 0;
  for (const e of entries) {
    declaredTotal += e.declared;
    if (declaredTotal > limits.maxUnzippedBytes) throw overLimit();
    if (e.declared > limits.ratioFloorBytes && e.declared > limits.maxRatio * Math.max(e.compressed, 1))
      throw bomb(e.name);
  }
  let total = 0;
  for (const e of entries) {
    const allowed = Math.min(
      Math.max(limits.ratioFloorBytes, limits.maxRatio * Math.max(e.compressed, 1)),
      limits.maxUnzippedBytes - total,
    );
    const real = await inflatedSize(bytes, e, Math.max(allowed, e.declared));
    if (real !== e.declared) throw notXlsx();
    total += real;
    if (total > limits.maxUnzippedBytes) throw overLimit();
  }
}
