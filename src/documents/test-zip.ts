import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a ZIP file (DOCX and XLSX are ZIPs), for tests that look at the XML itself.
 * Reads the central directory, so it also proves the archive is well formed: a truncated or
 * corrupt file throws.
 */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a ZIP file: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

export function entryText(zip: Buffer, name: string): string {
  const entry = unzip(zip).get(name);
  if (!entry) throw new Error(`no ${name} in the archive`);
  return entry.toString('utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? ''),
  );
}

/** The text of each paragraph of a DOCX body, as Word would show it. */
export function docxParagraphs(docx: Buffer, part = 'word/document.xml'): string[] {
  const xml = entryText(docx, part);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1] ?? '')).join(''),
  );
}

/** The runs (<w:r>…</w:r>) of a part whose text contains `text`. */
export function runsWith(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
    .map((m) => m[0])
    .filter((r) => decodeXml(r).includes(text));
}

/** Characters XML 1.0 cannot carry, found by code point (C0 controls but tab/LF/CR, U+FFFE/F). */
export function xmlInvalidChars(s: string): string[] {
  return [...s].filter((c) => {
    const n = c.codePointAt(0) ?? 0;
    return (n < 0x20 && n !== 9 && n !== 10 && n !== 13) || n === 0xfffe || n === 0xffff;
  });
}
