import { FIELD_LABELS, PROGRESS_STATUS_LABELS } from '../../core/labels.js';
import { formatVnNumber, formatVnPercent } from '../../core/numbers.js';
import type { ProgressStatus } from '../../core/progress.js';
import type { Lang } from '../../i18n.js';
import type { IndicatorProgress, ProgressReport } from '../../progress/progress.service.js';
import { renderTable } from '../table.js';

const L = (lang: Lang, vi: string, en: string) => (lang === 'en' ? en : vi);

/** The fields the issue promises in `--json`, in plain numbers, null where unknown. */
export function progressJson(r: ProgressReport) {
  return {
    plan: r.plan,
    period: r.period,
    unit: r.unit,
    indicators: r.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      target: i.target,
      basis: i.basis,
      actual: i.actual,
      percentOfTarget: i.percentOfTarget,
      expectedPercent: i.expectedPercent,
      pace: i.pace,
      status: i.status,
      changeVsSamePeriodPct: i.changeVsSamePeriodPct,
      forecast: i.forecast,
      otherTargets: i.otherTargets,
    })),
  };
}

const num = (v: number | null, decimals: number) =>
  v === null ? '–' : formatVnNumber(v, { maxDecimals: decimals });
const pct = (v: number | null) => (v === null ? '–' : formatVnPercent(v));
const signedPct = (v: number | null) =>
  v === null ? '–' : `${v > 0 ? '+' : ''}${formatVnPercent(v, { maxDecimals: 1 })}`;

function row(i: IndicatorProgress, n: number, lang: Lang): string[] {
  const target = i.target === null ? '–' : `${num(i.target, 3)} ${i.basis ?? ''}`.trim();
  const others = i.otherTargets.map((t) => `${pct(t.percentOfTarget)} ${t.basis}`).join('; ');
  return [
    String(n),
    i.name,
    i.unit,
    target,
    num(i.actual, i.decimals),
    others ? `${pct(i.percentOfTarget)} (${others})` : pct(i.percentOfTarget),
    pct(i.expectedPercent),
    signedPct(i.changeVsSamePeriodPct),
    num(i.forecast, i.decimals),
    PROGRESS_STATUS_LABELS[i.status][lang],
  ];
}

/** A readable table grouped by field, then the count of each status. */
export function progressTable(r: ProgressReport, lang: Lang): string {
  const columns = [
    { header: L(lang, 'STT', 'No.'), align: 'right' as const },
    { header: L(lang, 'Chỉ tiêu', 'Indicator'), max: 56 },
    { header: L(lang, 'ĐVT', 'Unit') },
    { header: L(lang, 'Kế hoạch', 'Target'), align: 'right' as const },
    { header: L(lang, 'Thực hiện', 'Actual'), align: 'right' as const },
    { header: L(lang, '% kế hoạch', '% of target'), align: 'right' as const },
    { header: L(lang, 'Tiến độ dự kiến', 'Expected'), align: 'right' as const },
    { header: L(lang, 'So cùng kỳ', 'vs last year'), align: 'right' as const },
    { header: L(lang, 'Dự báo cả năm', 'Year forecast'), align: 'right' as const },
    { header: L(lang, 'Đánh giá', 'Status') },
  ];
  const rows: (string | string[])[] = [];
  let n = 0;
  let field: string | null = null;
  for (const i of r.indicators) {
    if (i.field !== field) {
      field = i.field;
      rows.push((FIELD_LABELS[field]?.[lang] ?? field).toUpperCase());
    }
    rows.push(row(i, ++n, lang));
  }
  const counts = new Map<ProgressStatus, number>();
  for (const i of r.indicators) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const summary = [...counts].map(([s, c]) => `${PROGRESS_STATUS_LABELS[s][lang]}: ${c}`).join(' · ');
  const title = `${r.planName} — ${r.unitName} — ${r.periodLabel}`;
  return [title, '', renderTable(columns, rows), '', summary].join('\n');
}
