/**
 * Plain-text tables for the terminal. Widths count code points of NFC text, which is what a
 * monospace terminal shows for Vietnamese (precomposed letters are one cell each).
 */
export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
  max?: number;
}

const width = (s: string) => [...s.normalize('NFC')].length;

function truncate(s: string, max: number | undefined): string {
  if (!max || width(s) <= max) return s;
  return `${[...s].slice(0, max - 1).join('')}…`;
}

function pad(s: string, w: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? gap + s : s + gap;
}

/** Rows may be a heading (one string spanning the table) or one cell per column. */
export function renderTable(columns: readonly Column[], rows: readonly (string[] | string)[]): string {
  const cells = rows.map((r) => (typeof r === 'string' ? r : r.map((c, i) => truncate(c, columns[i]?.max))));
  const widths = columns.map((c, i) =>
    Math.max(width(c.header), ...cells.map((r) => (typeof r === 'string' ? 0 : width(r[i] ?? '')))),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('──');
  const out = [line(columns.map((c) => c.header)), rule];
  for (const r of cells) out.push(typeof r === 'string' ? r : line(r));
  return out.join('\n');
}
