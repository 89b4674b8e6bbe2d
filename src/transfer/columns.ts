import { type FieldProblem, InvalidError } from '../errors.js';
import { type Text, text } from '../i18n.js';
import { type Cell, cellText, normalizeLabel, type SheetRow } from './cells.js';
import { fileError } from './file-errors.js';

/** A column an import understands: its template header and the other names offices give it. */
export interface ColumnSpec<F extends string = string> {
  field: F;
  label: Text;
  /** Names it is known by, most specific first; compared after `normalizeLabel`. */
  names: readonly string[];
  required: boolean;
  /** A column recognised by its values when no header names it (the "ước"/"chính thức" one). */
  values?: (cell: string) => boolean;
}

export interface FoundColumn {
  index: number;
  /** The header as the file wrote it, for messages. */
  header: string;
}

export interface Header<F extends string> {
  /** The last line of the header (a header may span two lines under merged cells). */
  row: number;
  columns: Map<F, FoundColumn>;
}

const SEARCH_ROWS = 30;

function rank(spec: ColumnSpec, label: string): number {
  const n = normalizeLabel(label);
  return n === '' ? -1 : spec.names.indexOf(n);
}

/**
 * Columns named by one header line, or by two when the upper line holds merged group cells
 * ("Số liệu" over "Tháng" and "Giá trị") or cells merged down over both lines.
 */
function match<F extends string>(
  specs: readonly ColumnSpec<F>[],
  top: readonly Cell[],
  bottom?: readonly Cell[],
): Map<F, FoundColumn & { rank: number }> {
  const found = new Map<F, FoundColumn & { rank: number }>();
  const width = Math.max(top.length, bottom?.length ?? 0);
  for (let index = 0; index < width; index++) {
    const labels = bottom
      ? [cellText(bottom[index]), cellText(top[index]), `${cellText(top[index])} ${cellText(bottom[index])}`]
      : [cellText(top[index])];
    for (const label of labels) {
      const hits = specs
        .map((spec) => ({ spec, r: rank(spec, label) }))
        .filter((h) => h.r >= 0)
        .sort((a, b) => a.r - b.r);
      const hit = hits.find((h) => {
        const seen = found.get(h.spec.field);
        return !seen || seen.rank > h.r;
      });
      if (hit) {
        found.set(hit.spec.field, { index, header: label.trim(), rank: hit.r });
        break;
      }
      if (hits.length) break;
    }
  }
  return found;
}

/** A column no header names, recognised because every value in it looks like the field's. */
function byValues<F extends string>(
  specs: readonly ColumnSpec<F>[],
  found: Map<F, FoundColumn>,
  sample: readonly SheetRow[],
  header: readonly Cell[],
) {
  const taken = new Set([...found.values()].map((c) => c.index));
  for (const spec of specs) {
    if (!spec.values || found.has(spec.field)) continue;
    const width = Math.max(0, ...sample.map((r) => r.cells.length));
    for (let index = 0; index < width; index++) {
      if (taken.has(index)) continue;
      const values = sample.map((r) => cellText(r.cells[index])).filter((v) => v !== '');
      if (values.length > 0 && values.every(spec.values)) {
        found.set(spec.field, { index, header: cellText(header[index]) || `#${index + 1}` });
        taken.add(index);
        break;
      }
    }
  }
}

function missingColumns(specs: readonly ColumnSpec[], found: Map<string, FoundColumn>): InvalidError {
  const missing = specs.filter((s) => s.required && !found.has(s.field));
  const list = (lang: 'vi' | 'en') =>
    missing.map((s) => `"${s.label[lang]}" (${s.names.slice(1, 4).join(', ')})`).join('; ');
  const problems = missing.map((s) => ({
    field: s.field,
    message: text(
      `Thiếu cột "${s.label.vi}" (hoặc một tên tương đương: ${s.names.slice(1).join(', ')})`,
      `Missing column "${s.label.en}" (or one of: ${s.names.slice(1).join(', ')})`,
    ),
  }));
  return new InvalidError(
    text(
      `Không tìm thấy cột bắt buộc: ${list('vi')}. Chưa ghi gì.`,
      `Required column not found: ${list('en')}. Nothing was written.`,
    ),
    problems,
  );
}

/**
 * Finds the header among the first lines (title lines may come first), then yields the data
 * lines below it. A required column that cannot be recognised is one clear problem naming it.
 */
export async function locateHeader<F extends string>(
  rows: AsyncIterable<SheetRow>,
  specs: readonly ColumnSpec<F>[],
): Promise<{ header: Header<F>; data: AsyncIterable<SheetRow> }> {
  const iterator = rows[Symbol.asyncIterator]();
  const head: SheetRow[] = [];
  while (head.length < SEARCH_ROWS) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  if (head.length === 0) throw fileError('Tệp không có dòng dữ liệu nào', 'The file has no rows');
  let best: { at: number; lines: 1 | 2; found: Map<F, FoundColumn & { rank: number }> } | undefined;
  const required = (found: Map<F, unknown>) => specs.filter((s) => s.required && found.has(s.field)).length;
  const better = (found: Map<F, unknown>) =>
    !best ||
    required(found) > required(best.found) ||
    (required(found) === required(best.found) && found.size > best.found.size);
  for (let at = 0; at < head.length; at++) {
    const top = head[at] as SheetRow;
    const single = match(specs, top.cells);
    if (better(single)) best = { at, lines: 1, found: single };
    const below = head[at + 1];
    if (below && below.row === top.row + 1) {
      const pair = match(specs, top.cells, below.cells);
      if (better(pair)) best = { at, lines: 2, found: pair };
    }
  }
  if (!best || best.found.size === 0) {
    throw missingColumns(specs, new Map());
  }
  const found = new Map<F, FoundColumn>(
    [...best.found].map(([f, c]) => [f, { index: c.index, header: c.header }]),
  );
  const dataStart = best.at + best.lines;
  const headerCells = (head[dataStart - 1] as SheetRow).cells;
  byValues(specs, found, head.slice(dataStart), headerCells);
  if (specs.some((s) => s.required && !found.has(s.field))) throw missingColumns(specs, found);
  const buffered = head.slice(dataStart);
  async function* data(): AsyncGenerator<SheetRow> {
    yield* buffered;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { header: { row: (head[dataStart - 1] as SheetRow).row, columns: found }, data: data() };
}

/** The text of a field's cell in a data line ('' when the file has no such column). */
export function fieldCell<F extends string>(header: Header<F>, row: SheetRow, field: F): Cell {
  const col = header.columns.get(field);
  return col ? (row.cells[col.index] ?? '') : '';
}

/** "Cột "Giá trị" = "abc"": where a problem sits, in the words of the file. */
export function columnRef<F extends string>(header: Header<F>, row: SheetRow, field: F): Text | undefined {
  const col = header.columns.get(field);
  if (!col) return undefined;
  const value = cellText(row.cells[col.index]);
  return text(`Cột "${col.header}" = "${value}"`, `Column "${col.header}" = "${value}"`);
}

/** A problem with one cell, told in the file's words: `Cột "Giá trị" = "abc": không phải là số`. */
export function cellProblem<F extends string>(
  header: Header<F>,
  line: SheetRow,
  field: F,
  vi: string,
  en: string,
): FieldProblem {
  const where = columnRef(header, line, field);
  return {
    field,
    row: line.row,
    message: where ? text(`${where.vi}: ${vi}`, `${where.en}: ${en}`) : text(vi, en),
  };
}
