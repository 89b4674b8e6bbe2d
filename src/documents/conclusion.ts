/**
 * Thông báo kết luận: "THÔNG BÁO / Kết luận của … tại Hội nghị …", the conference in a sentence,
 * the general conclusion, then each conclusion item numbered with its lead unit, co-units and
 * deadline. An item nobody was assigned to says so, and a meeting with no conclusion yields a
 * notice that says the conclusion is missing.
 */
import type { Paragraph, Table } from 'docx';
import type { ServiceContext } from '../context.js';
import { formatVnShortDate } from '../core/dates.js';
import { closing, letterhead, packDocx, para, spacer, title } from './docx-layout.js';
import { type Letterhead, resolveLetterhead, signerFromChair } from './letterhead.js';
import { gatherMeeting, type MeetingData } from './meeting-data.js';
import type { DirectiveLine } from './review-data.js';
import { lowerFirst, oneLine, paragraphsOf, placeholder, withoutFinalStop } from './safe-text.js';
import { type DocumentOptions, formatFor } from './settings.js';

/** The body issuing the notice: the plan's issuer when the plan is the meeting unit's own. */
export function noticeIssuer(data: MeetingData): string | null {
  return data.plan && data.plan.unitId === data.unit.id ? data.plan.issuingBody : null;
}

/** "đồng chí Cù Ngọc Cường – Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Thành ủy, …". */
export function chairPhrase(chair: { name: string; positionTitle: string | null }): string {
  const position = chair.positionTitle ? ` – ${oneLine(chair.positionTitle)}` : '';
  return `đồng chí ${oneLine(chair.name)}${position}`;
}

export function chairsPhrase(data: MeetingData): string | null {
  const chairs = data.meeting.chairs;
  if (chairs.length === 0) return null;
  if (chairs.length === 1) return chairs[0] ? chairPhrase(chairs[0]) : null;
  const names = chairs.map((c) => chairPhrase(c).replace(/^đồng chí /, ''));
  return `các đồng chí ${names.slice(0, -1).join('; ')} và ${names.at(-1)}`;
}

/** "Hội nghị Ban Chấp hành … lần thứ sáu (mở rộng), nhiệm kỳ 2020–2025". */
export function meetingName(data: MeetingData): string {
  const t = oneLine(data.meeting.title);
  const term = data.meeting.term ? oneLine(data.meeting.term) : '';
  const named = /^hội nghị/iu.test(t) ? t : `Hội nghị ${t}`;
  return term && !named.includes(term) ? `${named}, nhiệm kỳ ${term}` : named;
}

function whoConcluded(data: MeetingData): string {
  const chair = data.meeting.chairs[0];
  if (!chair) return oneLine(data.meeting.body);
  const head = chair.positionTitle
    ?.split(/[,;]/)
    .map((p) => p.trim())
    .find((p) => /^(phó )?(bí thư|chủ tịch)/iu.test(p));
  return `đồng chí ${oneLine(chair.name)}${head ? `, ${head}` : ''}`;
}

function noticeLetterhead(data: MeetingData, o: DocumentOptions): Letterhead {
  const issuingBody = o.issuer ?? noticeIssuer(data);
  const format = o.format ?? formatFor(issuingBody ?? data.meeting.body);
  const signer = signerFromChair(data.meeting.chairs[0], format);
  const units = [...new Set(data.directives.flatMap((d) => [d.leadUnit, ...d.coUnits]))];
  const parent = data.parentUnit ? `Đảng bộ ${lowerFirst(data.parentUnit.name)} (b/c)` : null;
  const recipients =
    format === 'party'
      ? [...(parent ? [parent] : []), ...units, `Lưu Văn phòng${issuingBody ? ` ${issuingBody}` : ''}`]
      : [...units, 'Lưu: VT'];
  return resolveLetterhead(
    { ...o, format },
    {
      issuingBody,
      parentUnitName: data.parentUnit?.name ?? null,
      unitName: data.unit.name,
      date: data.meeting.heldOn,
      docType: 'TB',
      signer: signer ?? {},
      recipients,
    },
  );
}

export function assignment(lines: readonly DirectiveLine[]): string {
  if (lines.length === 0) return `Chủ trì: ${placeholder('đơn vị chủ trì')}.`;
  return lines
    .map((d) => {
      const co = d.coUnits.length ? `; phối hợp: ${d.coUnits.join(', ')}` : '';
      const when = d.deadline ? `thời hạn: ${formatVnShortDate(d.deadline)}` : 'thực hiện thường xuyên';
      return `Chủ trì: ${d.leadUnit}${co}; ${when}.`;
    })
    .join(' ');
}

export function noticeSubject(data: MeetingData): string {
  return `Kết luận của ${whoConcluded(data)} tại ${meetingName(data)}`;
}

export async function buildConclusionDocx(data: MeetingData, o: DocumentOptions = {}) {
  const lh = noticeLetterhead(data, o);
  const m = data.meeting;
  const subject = oneLine(o.subject ?? noticeSubject(data));
  const place = m.place ? `, tại ${oneLine(m.place)}` : '';
  const agenda = m.agenda.length
    ? ` với các nội dung: ${m.agenda.map((a) => lowerFirst(withoutFinalStop(oneLine(a)))).join('; ')}`
    : '';
  const chairs = chairsPhrase(data);
  const body: (Paragraph | Table)[] = [
    para(lh, `Ngày ${formatVnShortDate(m.heldOn)}${place}, ${meetingName(data)} được tổ chức${agenda}.`),
  ];
  if (chairs)
    body.push(para(lh, `${chairs.replace(/^./, (c) => c.toLocaleUpperCase('vi'))} chủ trì hội nghị.`));
  body.push(
    para(
      lh,
      `Sau khi nghe báo cáo và ý kiến thảo luận của các đại biểu, ${chairs ? `đồng chí ${oneLine(m.chairs[0]?.name ?? '')}` : 'hội nghị'} kết luận như sau:`,
    ),
  );
  const general = m.conclusion ? paragraphsOf(m.conclusion) : [];
  for (const p of general) body.push(para(lh, p));
  const items = m.conclusionItems;
  const extra = data.directives.filter(
    (d) => d.conclusionItemId === null || !items.some((i) => i.id === d.conclusionItemId),
  );
  if (general.length === 0 && items.length === 0 && extra.length === 0) {
    lh.missing.push('nội dung kết luận');
    body.push(para(lh, placeholder('nội dung kết luận của hội nghị'), { bold: true }));
  }
  let n = 0;
  for (const item of items) {
    const lines = data.directives.filter((d) => d.conclusionItemId === item.id);
    if (lines.length === 0) lh.missing.push(`đơn vị chủ trì nội dung ${n + 1}`);
    body.push(
      para(lh, [
        `${++n}. ${withoutFinalStop(oneLine(item.text))}`,
        ...(item.key ? [[' (trọng tâm)', { bold: true }] as [string, { bold: boolean }]] : []),
        '.',
      ]),
    );
    body.push(para(lh, assignment(lines), { italics: true }));
  }
  for (const d of extra) {
    body.push(
      para(lh, [
        `${++n}. ${withoutFinalStop(oneLine(d.title))}`,
        ...(d.key ? [[' (trọng tâm)', { bold: true }] as [string, { bold: boolean }]] : []),
        '.',
      ]),
    );
    body.push(para(lh, assignment([d]), { italics: true }));
  }
  const audience =
    lh.format === 'party'
      ? 'các cấp ủy, tổ chức đảng, cơ quan, đơn vị liên quan'
      : 'các cơ quan, đơn vị liên quan';
  body.push(para(lh, `${lh.issuerName} thông báo để ${audience} biết, thực hiện./.`));
  const buffer = await packDocx(lh, { title: `Thông báo ${subject}`, subject }, [
    letterhead(lh),
    ...title(lh, 'THÔNG BÁO', subject),
    ...body,
    spacer(),
    closing(lh),
  ]);
  return { buffer, letterhead: lh, subject };
}

export async function conclusionNotice(ctx: ServiceContext, meetingId: number, o: DocumentOptions = {}) {
  const data = await gatherMeeting(ctx, meetingId);
  return { data, ...(await buildConclusionDocx(data, o)) };
}
