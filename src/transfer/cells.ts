/** One value of a sheet: text as typed, or a number when the file stored a number (XLSX). */
export type Cell = string | number;

/** A non-blank line of a sheet or file; `row` is its 1-based line as the user's program shows it. */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

/**
 * Header labels compared the way people read them: case, diacritics, "đ", punctuation, spaces
 * and a trailing "(…)" note ("Giá trị (tỷ đồng)") do not matter.
 */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();
}

/** What a spreadsheet program would run as a formula when the cell is opened or re-saved. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text written to a sheet never starts a formula: it gets a leading apostrophe, which Excel and
 * LibreOffice show as plain text. Numbers stay numbers.
 */
export function neutralize(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The reverse of `neutralize`, so an exported sheet imports back to the same text. */
export function unneutralize(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
