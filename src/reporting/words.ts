/** The sentences reminders and the digest share, in Vietnamese with an English twin. */

import { daysBetween, formatVnShortDate } from '../core/dates.js';
import type { Directive } from '../directives/directives.service.js';
import { type Text, text } from '../i18n.js';
import type { MissingReport, MissingUnit } from './missing.js';

/** "2021-09" → "tháng 9/2021". */
export function monthWords(period: string): Text {
  const [year, month] = period.split('-');
  return text(`tháng ${Number(month)}/${year}`, `${year}-${month}`);
}

const SHOWN_INDICATORS = 5;

function indicatorList(unit: MissingUnit): string {
  const names = unit.missing.slice(0, SHOWN_INDICATORS).map((i) => i.name);
  const more = unit.missing.length - names.length;
  return more > 0 ? `${names.join('; ')}; …(+${more})` : names.join('; ');
}

export function lateness(daysPastDue: number): Text {
  if (daysPastDue > 0) return text(`quá hạn ${daysPastDue} ngày`, `${daysPastDue} days overdue`);
  if (daysPastDue === 0) return text('hạn là hôm nay', 'due today');
  return text(`còn ${-daysPastDue} ngày`, `${-daysPastDue} days left`);
}

/** One line per unit: what it owes for the month and how late it is. */
export function missingUnitLine(report: MissingReport, unit: MissingUnit): Text {
  const late = lateness(report.daysPastDue);
  const what = unit.nothingReported
    ? text(`chưa báo cáo cả ${unit.expected} chỉ tiêu`, `none of ${unit.expected} indicators reported`)
    : text(
        `còn thiếu ${unit.missing.length}/${unit.expected} chỉ tiêu`,
        `${unit.missing.length} of ${unit.expected} indicators missing`,
      );
  return text(
    `${unit.name}: ${what.vi} (${indicatorList(unit)}) — ${late.vi}`,
    `${unit.name}: ${what.en} (${indicatorList(unit)}) — ${late.en}`,
  );
}

export function missingReminder(report: MissingReport, unit: MissingUnit): Text {
  const month = monthWords(report.period);
  const due = formatVnShortDate(report.dueDate);
  const line = missingUnitLine(report, unit);
  return text(
    `Số liệu ${month.vi} của "${report.planName}" (hạn ${due}) — ${line.vi}`,
    `Figures for ${month.en} of "${report.planName}" (due ${due}) — ${line.en}`,
  );
}

export function directiveLine(d: Directive, today: string): Text {
  const deadline = d.deadline ? formatVnShortDate(d.deadline) : '';
  const days = d.deadline ? daysBetween(d.deadline, today) : 0;
  const late = lateness(days);
  return text(
    `${d.key ? '★ ' : ''}${d.title} — chủ trì: ${d.leadUnit.name}; hạn ${deadline}, ${late.vi}`,
    `${d.key ? '★ ' : ''}${d.title} — lead: ${d.leadUnit.name}; due ${deadline}, ${late.en}`,
  );
}

export function directiveReminder(d: Directive, today: string): Text {
  const line = directiveLine(d, today);
  const overdue = d.status === 'in_progress_overdue';
  return text(
    `${overdue ? 'Nhiệm vụ quá hạn' : 'Nhiệm vụ sắp đến hạn'}: ${line.vi}`,
    `${overdue ? 'Overdue directive' : 'Directive due soon'}: ${line.en}`,
  );
}
