/**
 * Báo cáo kiểm điểm: the review report of a plan for a period, in the Party format
 * (Hướng dẫn 36-HD/VPTW) when a Party body issues it and the State format (Nghị định
 * 30/2020/NĐ-CP) otherwise. Results by field, limitations, key tasks ahead, and how the
 * previous conference's directives stand, all from data.
 */
import type { Paragraph, Table } from 'docx';
import type { ServiceContext } from '../context.js';
import { formatVnShortDate } from '../core/dates.js';
import { DIRECTIVE_STATUS_LABELS, type DirectiveStatus } from '../core/directive-status.js';
import { closing, dataTable, heading, letterhead, packDocx, para, spacer, title } from './docx-layout.js';
import { REPORT_PERCENT } from './format.js';
import {
  byField,
  fieldLabel,
  LAGGING,
  laggingLine,
  remainingTask,
  reviewLine,
  statusCounts,
} from './indicator-text.js';
import { type Letterhead, resolveLetterhead, signerFromChair } from './letterhead.js';
import { type DirectiveLine, gatherReview, type ReviewData, type ReviewQuery } from './review-data.js';
import { lowerFirst, oneLine } from './safe-text.js';
import type { DocumentOptions } from './settings.js';

export interface ReviewOptions extends DocumentOptions {
  /** Tasks a person adds ahead of those derived from the data. */
  keyTasks?: string[];
}

/** "3 tháng cuối năm 2021"; null in December, when the year is over. */
export function remainingLabel(year: number, month: number): string | null {
  if (month >= 12) return null;
  return month === 11 ? `tháng 12/${year}` : `${12 - month} tháng cuối năm ${year}`;
}

export function reviewLetterhead(data: ReviewData, o: ReviewOptions): Letterhead {
  const own = data.unit.id === data.planUnit.id;
  const chair = data.reviewMeeting?.chairs[0];
  const issuingBody = own ? data.plan.issuingBody : null;
  const probe = resolveLetterhead({ ...o, signer: {} }, base(data, issuingBody, undefined));
  const signer = signerFromChair(chair, probe.format);
  return resolveLetterhead(o, base(data, issuingBody, signer, probe.format));
}

function base(
  data: ReviewData,
  issuingBody: string | null,
  signer: { name: string; title: string } | undefined,
  format?: string,
) {
  const parent = data.parentUnit ? `Đảng bộ ${lowerFirst(data.parentUnit.name)} (b/c)` : null;
  const recipients =
    format === 'state'
      ? ['Như trên', 'Các cơ quan, đơn vị liên quan', 'Lưu: VT']
      : [
          ...(parent ? [parent] : []),
          'Các đồng chí Ủy viên Ban Chấp hành',
          'Các cơ quan, đơn vị liên quan',
          `Lưu Văn phòng${issuingBody ? ` ${issuingBody}` : ''}`,
        ];
  return {
    issuingBody,
    parentUnitName: data.parentUnit?.name ?? null,
    unitName: data.unit.name,
    date: data.date,
    docType: 'BC',
    signer: signer ?? {},
    recipients,
  };
}

export function reviewSubject(data: ReviewData): string {
  const rest = remainingLabel(data.year, data.month);
  const what = `Kết quả ${data.report.periodLabel} thực hiện ${oneLine(data.plan.name)}`;
  return rest ? `${what}, nhiệm vụ trọng tâm ${rest}` : what;
}

function directiveRow(d: DirectiveLine, n: number): string[] {
  const lead = d.coUnits.length ? `${d.leadUnit} (phối hợp: ${d.coUnits.join(', ')})` : d.leadUnit;
  let status = DIRECTIVE_STATUS_LABELS[d.status].vi;
  if (d.status === 'in_progress_overdue' && d.daysOverdue !== null) status += ` (${d.daysOverdue} ngày)`;
  if (d.completedOn) status += ` (${formatVnShortDate(d.completedOn)})`;
  return [
    String(n),
    oneLine(d.title),
    lead,
    d.deadline ? formatVnShortDate(d.deadline) : 'thường xuyên',
    status,
  ];
}

function countStatuses(lines: readonly DirectiveLine[]): string {
  const order: DirectiveStatus[] = [
    'done_on_time',
    'done_late',
    'in_progress_on_time',
    'in_progress_overdue',
    'ongoing',
  ];
  return order
    .flatMap((s) => {
      const n = lines.filter((l) => l.status === s).length;
      return n ? [`${n} ${DIRECTIVE_STATUS_LABELS[s].vi}`] : [];
    })
    .join('; ');
}

function results(lh: Letterhead, data: ReviewData): (Paragraph | Table)[] {
  const issuer = data.plan.issuingBody;
  const out: (Paragraph | Table)[] = [
    heading(lh, `I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ ${data.report.periodLabel.toLocaleUpperCase('vi')}`),
  ];
  const withData = data.report.indicators.filter((i) => i.actual !== null);
  if (data.report.indicators.length === 0) {
    out.push(para(lh, 'Kế hoạch chưa có chỉ tiêu nào, nên chưa có kết quả để kiểm điểm.'));
    return out;
  }
  if (withData.length === 0) {
    out.push(
      para(lh, [
        [
          `Chưa có số liệu ${data.report.periodLabel} cho chỉ tiêu nào của ${data.unit.name}`,
          { italics: true },
        ],
        '; các chỉ tiêu sẽ được đánh giá khi đơn vị nhập số liệu.',
      ]),
    );
  }
  for (const [n, [field, list]] of byField(data.report.indicators).entries()) {
    out.push(heading(lh, `${n + 1}. ${fieldLabel(field)}`));
    for (const i of list) out.push(para(lh, `- ${reviewLine(i, issuer, REPORT_PERCENT)}`));
  }
  out.push(para(lh, statusCounts(data.report.indicators), { italics: true }));
  return out;
}

function limitations(lh: Letterhead, data: ReviewData): (Paragraph | Table)[] {
  const issuer = data.plan.issuingBody;
  const out: (Paragraph | Table)[] = [heading(lh, 'II. HẠN CHẾ, KHÓ KHĂN')];
  const lagging = data.report.indicators.filter((i) => LAGGING.includes(i.status));
  const missing = data.report.indicators.filter((i) => i.status === 'no_data');
  out.push(heading(lh, '1. Các chỉ tiêu chậm tiến độ'));
  if (lagging.length === 0) out.push(para(lh, 'Không có chỉ tiêu nào chậm so với tiến độ cần đạt.'));
  for (const i of lagging) out.push(para(lh, `- ${laggingLine(i, issuer, REPORT_PERCENT)}`));
  if (missing.length) {
    out.push(
      para(
        lh,
        `- Chưa có số liệu để đánh giá: ${missing.map((i) => lowerFirst(oneLine(i.name))).join('; ')}.`,
      ),
    );
  }
  out.push(heading(lh, '2. Các nhiệm vụ quá hạn'));
  if (data.overdue.length === 0) {
    out.push(
      para(lh, `Đến ngày ${formatVnShortDate(data.date)}, không có nhiệm vụ nào quá hạn chưa hoàn thành.`),
    );
  }
  for (const d of data.overdue) {
    out.push(
      para(
        lh,
        `- ${oneLine(d.title)} (chủ trì: ${d.leadUnit}; thời hạn: ${formatVnShortDate(d.deadline ?? data.date)}; quá hạn ${d.daysOverdue ?? 0} ngày).`,
      ),
    );
  }
  return out;
}

function keyTasks(lh: Letterhead, data: ReviewData, o: ReviewOptions): Paragraph[] {
  const rest = remainingLabel(data.year, data.month);
  const out = [heading(lh, `III. NHIỆM VỤ TRỌNG TÂM ${(rest ?? 'thời gian tới').toLocaleUpperCase('vi')}`)];
  const tasks = (o.keyTasks ?? []).map(oneLine).filter((t) => t !== '');
  for (const i of data.report.indicators.filter((x) => LAGGING.includes(x.status))) {
    const t = remainingTask(i, data.plan.issuingBody, rest ?? 'năm tới');
    if (t) tasks.push(t);
  }
  const open = data.open.length;
  if (open) {
    const key = data.open.filter((d) => d.key).length;
    tasks.push(
      `Tiếp tục thực hiện ${open} nhiệm vụ chưa hoàn thành theo kết luận của các hội nghị${key ? `, trong đó ${key} nhiệm vụ trọng tâm` : ''}; các nhiệm vụ quá hạn phải hoàn thành sớm nhất.`,
    );
  }
  if (tasks.length === 0) {
    out.push(para(lh, 'Duy trì kết quả đạt được, hoàn thành các chỉ tiêu còn lại của năm.'));
  }
  for (const [n, t] of tasks.entries()) out.push(para(lh, `${n + 1}. ${t}`));
  return out;
}

function previousConference(lh: Letterhead, data: ReviewData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(lh, 'IV. KẾT QUẢ THỰC HIỆN KẾT LUẬN HỘI NGHỊ LẦN TRƯỚC')];
  const m = data.previousMeeting;
  if (!m) {
    out.push(
      para(
        lh,
        `Chưa có hội nghị nào của ${data.unit.name} trước ngày ${formatVnShortDate(data.date)} được ghi nhận, nên chưa có kết luận để kiểm điểm.`,
      ),
    );
    return out;
  }
  const lines = data.previousDirectives;
  const intro = `${oneLine(m.title)} ngày ${formatVnShortDate(m.heldOn)}`;
  if (lines.length === 0) {
    out.push(para(lh, `${intro} chưa có nhiệm vụ nào được giao theo kết luận.`));
    return out;
  }
  out.push(
    para(
      lh,
      `${intro} đã giao ${lines.length} nhiệm vụ. Đến ngày ${formatVnShortDate(data.date)}: ${countStatuses(lines)}.`,
    ),
  );
  out.push(
    dataTable(
      lh,
      [
        { header: 'STT', width: 0.07, align: 'center' },
        { header: 'Nhiệm vụ', width: 0.4 },
        { header: 'Đơn vị chủ trì', width: 0.2 },
        { header: 'Thời hạn', width: 0.13, align: 'center' },
        { header: 'Tình trạng', width: 0.2 },
      ],
      lines.map((d, n) => directiveRow(d, n + 1)),
    ),
  );
  return out;
}

export async function buildReviewDocx(data: ReviewData, o: ReviewOptions = {}) {
  const lh = reviewLetterhead(data, o);
  const subject = oneLine(o.subject ?? reviewSubject(data));
  const plan = data.plan;
  const source = [plan.documentNumber, plan.adoptedOn ? `ngày ${formatVnShortDate(plan.adoptedOn)}` : null]
    .filter(Boolean)
    .join(' ');
  const by = oneLine(plan.issuingBody) === lh.issuerName ? '' : ` của ${oneLine(plan.issuingBody)}`;
  const intro = `Thực hiện ${oneLine(plan.name)}${source ? ` (${source})` : ''}${by}, ${lh.issuerName} báo cáo kết quả ${data.report.periodLabel} của ${data.unit.name} như sau:`;
  const buffer = await packDocx(lh, { title: `Báo cáo ${subject}`, subject }, [
    letterhead(lh),
    ...title(lh, 'BÁO CÁO', subject),
    para(lh, intro),
    ...results(lh, data),
    ...limitations(lh, data),
    ...keyTasks(lh, data, o),
    ...previousConference(lh, data),
    spacer(),
    closing(lh),
  ]);
  return { buffer, letterhead: lh, subject };
}

export async function reviewReport(ctx: ServiceContext, query: ReviewQuery, o: ReviewOptions = {}) {
  const data = await gatherReview(ctx, query, { date: o.date });
  return { data, ...(await buildReviewDocx(data, o)) };
}
