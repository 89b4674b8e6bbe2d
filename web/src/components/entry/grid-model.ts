import { parseNumber } from '../../format';
import type { Lang } from '../../i18n';
import type { Figure, PlanIndicator, Unit } from '../../types';

/** One cell of the grid: an indicator for a unit in the chosen month. */
export const cellKey = (indicator: string, unit: string) => `${indicator}|${unit}`;

export interface Draft {
  text: string;
  value: number | null;
  problem: string | null;
}

/** Reads what was typed into a cell; the message says what is wrong, in the reader's language. */
export function readCell(text: string, indicator: PlanIndicator, lang: Lang): Draft {
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  if (text.trim() === '') return { text, value: null, problem: t('Chưa nhập số', 'No number typed') };
  const value = parseNumber(text, lang);
  if (value === null) {
    return { text, value, problem: t(`"${text}" không phải là số`, `"${text}" is not a number`) };
  }
  if (value < 0 && !indicator.allowNegative) {
    return {
      text,
      value,
      problem: t('Chỉ tiêu này không nhận số âm', 'This indicator takes no negative value'),
    };
  }
  return { text, value, problem: null };
}

/**
 * Splits what Excel or LibreOffice put on the clipboard (tab-separated rows) into cells; a
 * single value with no tab or line break is left to the input's own paste.
 */
export function clipboardCells(text: string): string[][] | null {
  if (!/[\t\n]/.test(text)) return null;
  const rows = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return rows.map((r) => r.split('\t').map((c) => c.trim()));
}

/** Whether the signed-in person may record figures for the unit: a reporter role on it or above it. */
export function mayRecord(unit: Unit, roles: { unitCode: string; role: string }[], all: Unit[]): boolean {
  return roles.some((r) => {
    if (r.role === 'viewer') return false;
    const granted = all.find((u) => u.code === r.unitCode);
    return granted !== undefined && unit.path.startsWith(granted.path);
  });
}

/**
 * The figure the grid shows in a cell: monthly values, or running totals when `cumulative`. A
 * level (a rate, a count at a date) has no running total, so its cell is the same in both views.
 */
export function figureIndex(
  figures: Figure[],
  cumulative: boolean,
  levels: Set<string>,
): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const f of figures) {
    if (!f.indicatorCode || !f.unitCode) continue;
    if (f.cumulative !== (cumulative && !levels.has(f.indicatorCode))) continue;
    out.set(cellKey(f.indicatorCode, f.unitCode), f);
  }
  return out;
}
