/**
 * Sentences about indicators, shared by the review report and the article: "tổng mức bán lẻ
 * hàng hóa và doanh thu dịch vụ đạt 2.404 tỷ đồng, bằng 73,96% NQ". Each states only what the
 * progress report holds; a missing figure is said to be missing.
 */
import { FIELD_LABELS, PROGRESS_STATUS_LABELS } from '../core/labels.js';
import type { ProgressStatus } from '../core/progress.js';
import type { IndicatorProgress } from '../progress/progress.service.js';
import { basisLabel, changeWords, formatPercent, formatQuantity, type PercentStyle } from './format.js';
import { lowerFirst, oneLine } from './safe-text.js';

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field]?.vi ?? field;
}

/** Indicators grouped by field, in the plan's order of first appearance. */
export function byField(indicators: readonly IndicatorProgress[]): [string, IndicatorProgress[]][] {
  const groups = new Map<string, IndicatorProgress[]>();
  for (const i of indicators) {
    const list = groups.get(i.field) ?? [];
    list.push(i);
    groups.set(i.field, list);
  }
  return [...groups];
}

export const quantity = (i: IndicatorProgress, value: number) => formatQuantity(value, i.unit, i.decimals);

/** "bằng 73,96% NQ", or for a reduction "đạt 66,67% mức giảm NQ đề ra"; null without a percentage. */
export function percentPhrase(i: IndicatorProgress, planIssuer: string, style: PercentStyle): string | null {
  if (i.percentOfTarget === null) return null;
  const basis = basisLabel(i.basis, i.issuingBody, planIssuer);
  const pct = formatPercent(i.percentOfTarget, style);
  return i.percentMethod === 'reduction' ? `đạt ${pct} mức giảm ${basis} đề ra` : `bằng ${pct} ${basis}`;
}

/**
 * "<name> đạt <value>, bằng <p>% NQ[, bằng <q>% dự toán … giao]" — what the article's figures
 * look like. Levels name their target instead ("đạt 72,6% (NQ: 72,8%)"), since a rate's ratio
 * to its target reads oddly; a falling level "còn" its value.
 */
export function achievement(
  i: IndicatorProgress,
  planIssuer: string,
  style: PercentStyle,
  opts: { lower?: boolean } = {},
): string {
  const name = opts.lower ? lowerFirst(oneLine(i.name)) : oneLine(i.name);
  if (i.actual === null) return `${name}: chưa có số liệu`;
  // "đạt" reads wrong for a count ("số trường … đạt 22 trường") or a harm ("tai nạn … đạt 7 vụ").
  const counted = /^số /iu.test(name) || (i.kind === 'flow' && i.direction === 'decrease');
  const verb = counted ? ':' : i.kind === 'level' && i.direction === 'decrease' ? ' còn' : ' đạt';
  const parts = [`${name}${verb} ${quantity(i, i.actual)}`];
  const basis = basisLabel(i.basis, i.issuingBody, planIssuer);
  if (i.kind === 'level' && i.target !== null) parts[0] += ` (${basis}: ${quantity(i, i.target)})`;
  const pct = percentPhrase(i, planIssuer, style);
  if (pct && (i.kind === 'flow' || i.percentMethod === 'reduction')) parts.push(pct);
  for (const t of i.otherTargets) {
    if (t.percentOfTarget === null) continue;
    parts.push(
      `bằng ${formatPercent(t.percentOfTarget, style)} ${basisLabel(t.basis, t.issuingBody, planIssuer)}`,
    );
  }
  return parts.join(', ');
}

/** The review's line for one indicator: achievement, change on last year, status. */
export function reviewLine(i: IndicatorProgress, planIssuer: string, style: PercentStyle): string {
  let s = achievement(i, planIssuer, style);
  if (i.actual === null) return `${s}.`;
  if (i.changeVsSamePeriodPct !== null) s += `; ${changeWords(i.changeVsSamePeriodPct)}`;
  s += ` (${PROGRESS_STATUS_LABELS[i.status].vi})`;
  return `${s}.`;
}

/** Why an indicator is lagging: how far it is from where it should be by now. */
export function laggingLine(i: IndicatorProgress, planIssuer: string, style: PercentStyle): string {
  const parts = [achievement(i, planIssuer, style)];
  if (i.expectedPercent !== null && i.percentOfTarget !== null) {
    parts.push(`thấp hơn mức cần đạt theo tiến độ (${formatPercent(i.expectedPercent, style)})`);
  }
  if (i.forecast !== null) parts.push(`dự báo cả năm ${quantity(i, i.forecast)}`);
  return `${parts.join(', ')}.`;
}

/** What is left to do by year end, for a lagging indicator. */
export function remainingTask(i: IndicatorProgress, planIssuer: string, remaining: string): string | null {
  if (i.target === null) return null;
  const name = lowerFirst(oneLine(i.name));
  const basis = basisLabel(i.basis, i.issuingBody, planIssuer);
  if (i.kind === 'flow' && i.direction === 'increase' && i.actual !== null && i.target > i.actual) {
    return `Tập trung đẩy nhanh tiến độ ${name}: còn phải thực hiện ${quantity(i, i.target - i.actual)} trong ${remaining} để đạt ${basis}.`;
  }
  if (i.kind === 'flow' && i.direction === 'decrease') {
    return `Kiềm chế ${name}: cả năm không vượt quá ${quantity(i, i.target)} theo ${basis}${
      i.actual === null ? '' : ` (đến nay ${quantity(i, i.actual)})`
    }.`;
  }
  return `Phấn đấu ${name} đạt ${quantity(i, i.target)} theo ${basis} vào cuối năm${
    i.actual === null ? '' : ` (hiện ${quantity(i, i.actual)})`
  }.`;
}

export const LAGGING: readonly ProgressStatus[] = ['behind', 'at_risk'];

/** "đã đạt: 4 · đúng tiến độ: 9 · …" as a sentence. */
export function statusCounts(indicators: readonly IndicatorProgress[]): string {
  const order: ProgressStatus[] = ['achieved', 'on_track', 'behind', 'at_risk', 'no_data'];
  const parts = order.flatMap((s) => {
    const n = indicators.filter((i) => i.status === s).length;
    return n ? [`${n} chỉ tiêu ${PROGRESS_STATUS_LABELS[s].vi}`] : [];
  });
  return `Trong ${indicators.length} chỉ tiêu: ${parts.join(', ')}.`;
}
