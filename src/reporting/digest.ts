import { type ServiceContext, todayIso } from '../context.js';
import { daysBetween, formatVnShortDate } from '../core/dates.js';
import { type Month, monthKey, parseMonthKey } from '../core/periods.js';
import { type Directive, listDirectives } from '../directives/directives.service.js';
import { type Lang, type Text, text } from '../i18n.js';
import { requirePlan } from '../plans/plans.service.js';
import { findUnitById, type Unit } from '../units/units.repo.js';
import { getUnit } from '../units/units.service.js';
import { parseInput } from '../validation.js';
import { DUE_SOON_DAYS, dueDate, latestDuePeriod, onDay } from './due.js';
import { type MissingReport, missingReports } from './missing.js';
import { type DigestQuery, digestQuerySchema } from './reporting.schema.js';
import { settingsOf } from './settings.js';
import { directiveLine, lateness, missingUnitLine, monthWords } from './words.js';

export interface Digest {
  planCode: string;
  day: string;
  subject: Text;
  body: Text;
  /** What the text says, for clients that lay it out themselves. */
  missing: MissingReport | null;
  overdue: Directive[];
  dueSoon: Directive[];
}

/** Lines in both languages, joined per language at the end. */
class Lines {
  private readonly lines: Text[] = [];
  add(vi: string, en: string = vi): void {
    this.lines.push(text(vi, en));
  }
  addText(t: Text, prefix = ''): void {
    this.lines.push(text(prefix + t.vi, prefix + t.en));
  }
  join(): Text {
    const as = (lang: Lang) => this.lines.map((l) => l[lang]).join('\n');
    return text(as('vi'), as('en'));
  }
}

/**
 * The month a digest talks about: the latest one already due, kept inside the plan's year
 * (December once the year is over); null before the plan's first month is due.
 */
function digestPeriod(
  rule: Parameters<typeof latestDuePeriod>[0],
  year: number,
  today: string,
): Month | null {
  const latest = latestDuePeriod(rule, today);
  if (latest.year > year) return { year, month: 12 };
  return latest.year < year ? null : latest;
}

/**
 * The daily digest of a plan (or of one branch of it): who has not reported the month, which
 * directives are overdue and which fall due within three days. Plain text, short lines and
 * dashes, so it pastes into Zalo or an e-mail as it is.
 */
export async function buildDigest(ctx: ServiceContext, query: DigestQuery): Promise<Digest> {
  const q = parseInput(digestQuerySchema, query);
  const db = ctx.store.db;
  const plan = await requirePlan(db, q.planCode);
  const root: Unit = q.unitCode
    ? await getUnit(ctx, q.unitCode)
    : ((await findUnitById(db, plan.unitId)) as Unit);
  const today = q.date ?? todayIso(ctx);
  const rule = await settingsOf(db, plan);
  const period = q.period ? parseMonthKey(q.period) : digestPeriod(rule, plan.year, today);
  const missing = period
    ? await missingReports(ctx, {
        planCode: plan.code,
        period: monthKey(period),
        unitCode: root.code,
        date: today,
      })
    : null;
  const dated = onDay(ctx, today);
  const overdue = (await listDirectives(dated, { unitCode: root.code, status: 'in_progress_overdue' })).sort(
    (a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''),
  );
  const dueSoon = (await listDirectives(dated, { unitCode: root.code, status: 'in_progress_on_time' }))
    .filter((d) => d.deadline !== null && daysBetween(today, d.deadline) <= DUE_SOON_DAYS)
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));

  const day = formatVnShortDate(today);
  const out = new Lines();
  out.add(`NHẮC VIỆC NGÀY ${day}`, `DAILY DIGEST, ${today}`);
  out.add(`${plan.name} — ${root.name}`);
  out.add('');
  if (!missing) {
    const first = { year: plan.year, month: 1 };
    out.add(
      `1. Số liệu: chưa đến hạn báo cáo tháng nào của năm ${plan.year} (tháng 1 hạn ${formatVnShortDate(dueDate(rule, first))}).`,
      `1. Figures: no month of ${plan.year} is due yet (January is due ${dueDate(rule, first)}).`,
    );
  } else {
    const month = monthWords(missing.period);
    const due = formatVnShortDate(missing.dueDate);
    const late = lateness(missing.daysPastDue);
    const head = text(
      `1. Số liệu ${month.vi} (hạn ${due}, ${late.vi})${missing.locked ? ', kỳ đã khóa' : ''}`,
      `1. Figures for ${month.en} (due ${missing.dueDate}, ${late.en})${missing.locked ? ', period locked' : ''}`,
    );
    if (missing.expectedUnits === 0) {
      out.add(
        `${head.vi}: chưa xác định được đơn vị phải báo cáo (chưa giao chỉ tiêu cho đơn vị, chưa có số liệu 12 tháng trước).`,
        `${head.en}: no unit is expected to report yet (no unit targets, no figures in the 12 months before).`,
      );
    } else if (missing.units.length === 0) {
      out.add(
        `${head.vi}: cả ${missing.expectedUnits} đơn vị đã báo cáo đủ.`,
        `${head.en}: all ${missing.expectedUnits} units have reported.`,
      );
    } else {
      out.add(
        `${head.vi}: ${missing.completeUnits}/${missing.expectedUnits} đơn vị đã báo cáo đủ; ${missing.units.length} đơn vị chưa đủ:`,
        `${head.en}: ${missing.completeUnits} of ${missing.expectedUnits} units complete; ${missing.units.length} not:`,
      );
      for (const unit of missing.units) out.addText(missingUnitLine(missing, unit), '- ');
    }
  }
  out.add('');
  if (overdue.length === 0) out.add('2. Nhiệm vụ quá hạn: không có.', '2. Overdue directives: none.');
  else {
    out.add(`2. Nhiệm vụ quá hạn (${overdue.length}):`, `2. Overdue directives (${overdue.length}):`);
    for (const d of overdue) out.addText(directiveLine(d, today), '- ');
  }
  out.add('');
  if (dueSoon.length === 0) {
    out.add(
      `3. Nhiệm vụ đến hạn trong ${DUE_SOON_DAYS} ngày tới: không có.`,
      `3. Directives due within ${DUE_SOON_DAYS} days: none.`,
    );
  } else {
    out.add(
      `3. Nhiệm vụ đến hạn trong ${DUE_SOON_DAYS} ngày tới (${dueSoon.length}):`,
      `3. Directives due within ${DUE_SOON_DAYS} days (${dueSoon.length}):`,
    );
    for (const d of dueSoon) out.addText(directiveLine(d, today), '- ');
  }
  return {
    planCode: plan.code,
    day: today,
    subject: text(
      `Tiến độ — nhắc việc ngày ${day} — ${plan.name}`,
      `Tiến độ — digest ${today} — ${plan.name}`,
    ),
    body: out.join(),
    missing,
    overdue,
    dueSoon,
  };
}
