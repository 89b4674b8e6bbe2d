import { formatVnShortDate } from '../../core/dates.js';
import { DIRECTIVE_STATUS_LABELS } from '../../core/directive-status.js';
import type { Directive } from '../../directives/directives.service.js';
import type { Lang } from '../../i18n.js';
import type { MeetingSummary } from '../../meetings/meetings.repo.js';
import { renderTable } from '../table.js';

const L = (lang: Lang, vi: string, en: string) => (lang === 'en' ? en : vi);

export function meetingsTable(meetings: readonly MeetingSummary[], lang: Lang): string {
  if (meetings.length === 0) return L(lang, 'Chưa có hội nghị nào.', 'No meetings yet.');
  return renderTable(
    [
      { header: 'ID', align: 'right' },
      { header: L(lang, 'Ngày', 'Date') },
      { header: L(lang, 'Hội nghị', 'Meeting'), max: 80 },
      { header: L(lang, 'Kỳ', 'Period') },
    ],
    meetings.map((m) => [String(m.id), formatVnShortDate(m.heldOn), m.title, m.period ?? '–']),
  );
}

export function directivesTable(directives: readonly Directive[], lang: Lang): string {
  if (directives.length === 0) return L(lang, 'Không có nhiệm vụ nào.', 'No directives.');
  return renderTable(
    [
      { header: 'ID', align: 'right' },
      { header: L(lang, 'Nhiệm vụ', 'Directive'), max: 60 },
      { header: L(lang, 'Chủ trì', 'Lead'), max: 32 },
      { header: L(lang, 'Thời hạn', 'Deadline') },
      { header: L(lang, 'Hoàn thành', 'Done') },
      { header: L(lang, 'Tình trạng', 'Status') },
    ],
    directives.map((d) => [
      String(d.id),
      `${d.key ? '★ ' : ''}${d.title}`,
      d.leadUnit.name,
      d.deadline ? formatVnShortDate(d.deadline) : L(lang, 'thường xuyên', 'standing'),
      d.completedOn ? formatVnShortDate(d.completedOn) : '–',
      DIRECTIVE_STATUS_LABELS[d.status][lang],
    ]),
  );
}
