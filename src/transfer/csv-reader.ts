import { TextDecoder } from 'node:util';
import { type Cell, isBlankRow, type SheetRow, unneutralize } from './cells.js';
import { fileError } from './file-errors.js';

const SEPARATORS = [',', ';', '\t'] as const;
type Separator = (typeof SEPARATORS)[number];

/** Bytes → text. Excel writes UTF-8 with a BOM ("CSV UTF-8") or UTF-16 ("Unicode Text"). */
function pickEncoding(head: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return { encoding: 'utf-8', skip: 0 };
}

const notUtf8 = (line: number) =>
  fileError(
    `Tệp CSV không ở mã UTF-8 (lỗi gần dòng ${line}). Trong Excel hãy chọn "Lưu thành" → "CSV UTF-8 (Comma delimited)"; tệp mã Windows-1258/TCVN3 cần chuyển mã trước.`,
    `The CSV file is not UTF-8 (near line ${line}). In Excel use "Save as" → "CSV UTF-8"; Windows-1258/TCVN3 files must be converted first.`,
    line,
  );

/** Text chunks of the file, decoded strictly: a wrong encoding is refused, never guessed. */
async function* decode(bytes: AsyncIterable<Buffer>, lineOf: () => number): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of bytes) {
    let data = chunk;
    if (!decoder) {
      const { encoding, skip } = pickEncoding(chunk);
      decoder = new TextDecoder(encoding, { fatal: true });
      data = chunk.subarray(skip);
      if (encoding === 'utf-8' && data.includes(0)) {
        throw fileError(
          'Tệp không phải bảng tính CSV hay XLSX (có ký tự nhị phân)',
          'The file is neither a CSV nor an XLSX spreadsheet (binary content)',
        );
      }
    }
    try {
      yield decoder.decode(data, { stream: true });
    } catch {
      throw notUtf8(lineOf());
    }
  }
  try {
    if (decoder) yield decoder.decode();
  } catch {
    throw notUtf8(lineOf());
  }
}

/**
 * The separator of the header line, which may sit below title lines: the one that splits the
 * most-split line of the first lines (outside quotes). Comma when nothing splits.
 */
export function detectSeparator(head: string): Separator {
  const lines = head.split(/\r?\n/).slice(0, 30);
  let best: Separator = ',';
  let bestCount = 0;
  for (const sep of SEPARATORS) {
    for (const line of lines) {
      const count = line.replace(/"[^"]*"/g, '').split(sep).length - 1;
      if (count > bestCount) {
        best = sep;
        bestCount = count;
      }
    }
  }
  return best;
}

const HEAD_CHARS = 64 * 1024;

/**
 * Rows of a CSV file, one at a time: RFC 4180 quoting (separators, line breaks and doubled
 * quotes inside quotes), CRLF or LF, a BOM, and `,` `;` or tab found from the first lines.
 * Blank lines are skipped; `row` is the line the record starts on.
 */
export async function* readCsv(bytes: AsyncIterable<Buffer>): AsyncGenerator<SheetRow> {
  let line = 1;
  let recordLine = 1;
  let field = '';
  let cells: Cell[] = [];
  let quoted = false;
  let afterQuote = false;
  let sep: Separator | undefined;
  let pending = '';

  const endField = () => {
    cells.push(unneutralize(field));
    field = '';
    afterQuote = false;
  };

  function* consume(chunk: string): Generator<SheetRow> {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i] as string;
      if (quoted) {
        if (c === '"') {
          if (chunk[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (c === sep) {
        endField();
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && chunk[i + 1] === '\n') i++;
        endField();
        const done = cells;
        cells = [];
        if (!isBlankRow(done)) yield { row: recordLine, cells: done };
        line++;
        recordLine = line;
      } else if (c === '"' && field.trim() === '' && !afterQuote) {
        quoted = true;
        field = '';
      } else if (!afterQuote) {
        field += c;
      }
      // Text after a closing quote ("a"b) is dropped, as spreadsheet programs do.
    }
  }

  for await (const text of decode(bytes, () => line)) {
    if (sep === undefined) {
      pending += text;
      if (pending.length < HEAD_CHARS) continue;
      sep = detectSeparator(pending);
      // A "\r" at the end of a chunk is finished by the next one; keep it with the next text.
      const carry = pending.endsWith('\r') ? 1 : 0;
      yield* consume(pending.slice(0, pending.length - carry));
      pending = pending.slice(pending.length - carry);
      continue;
    }
    const carry = (pending + text).endsWith('\r') ? 1 : 0;
    const all = pending + text;
    yield* consume(all.slice(0, all.length - carry));
    pending = all.slice(all.length - carry);
  }
  if (sep === undefined) sep = detectSeparator(pending);
  yield* consume(pending);
  if (quoted) {
    throw fileError(
      `Dấu ngoặc kép mở ở dòng ${recordLine} không được đóng`,
      `The quote opened on line ${recordLine} is never closed`,
      recordLine,
    );
  }
  if (field !== '' || cells.length > 0) {
    endField();
    if (!isBlankRow(cells)) yield { row: recordLine, cells };
  }
}
