import { DIRECTIVE_STATUS_LABELS } from '../../src/core/directive-status.js';
import { FIELD_LABELS, PROGRESS_STATUS_LABELS } from '../../src/core/labels.js';
import { formatVnNumber, parseVnNumber } from '../../src/core/numbers.js';
import type { Lang } from './i18n';
import type { DirectiveStatus, ProgressStatus } from './types';

const en = new Map<string, Intl.NumberFormat>();

/** Vietnamese grouping ("2.404", "99,273") in Vietnamese; English grouping in English. */
export function formatNumber(value: number | null | undefined, lang: Lang, maxDecimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (lang === 'vi') return formatVnNumber(value, { maxDecimals });
  const key = String(maxDecimals);
  let f = en.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals });
    en.set(key, f);
  }
  return f.format(value);
}

export function formatPercent(value: number | null | undefined, lang: Lang, maxDecimals = 2): string {
  return value === null || value === undefined ? '–' : `${formatNumber(value, lang, maxDecimals)}%`;
}

/** "+4,6%" / "-14,6%": a change against the same period last year. */
export function formatChange(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '–';
  return `${value > 0 ? '+' : ''}${formatNumber(value, lang, 1)}%`;
}

/** Reads what a person typed: "2.404", "99,273", "1.234,5" in Vietnamese; "1,234.5" in English. */
export function parseNumber(input: string, lang: Lang): number | null {
  const s = input.trim();
  if (s === '') return null;
  if (lang === 'en') {
    const v = Number(s.replace(/,/g, ''));
    return Number.isFinite(v) ? v : null;
  }
  return parseVnNumber(s);
}

export function statusLabel(status: ProgressStatus, lang: Lang): string {
  return PROGRESS_STATUS_LABELS[status][lang];
}

export function directiveStatusLabel(status: DirectiveStatus, lang: Lang): string {
  return DIRECTIVE_STATUS_LABELS[status][lang];
}

export function fieldLabel(field: string, lang: Lang): string {
  return FIELD_LABELS[field]?.[lang] ?? field;
}

/** "2021-10-06" → "06/10/2021", the way office documents write dates. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/** "2021-09" → "tháng 9/2021" / "September 2021". */
export function monthLabel(period: string, lang: Lang): string {
  const [y, m] = period.split('-').map(Number);
  if (!y || !m) return period;
  return lang === 'en'
    ? new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : `tháng ${m}/${y}`;
}
