/**
 * Tin bài: a news draft about a conference in the style of the seed article. Who held which
 * conference when and who chaired it; the headline figures with % NQ; other results; what is
 * lagging; the opinions; the conclusions. Every clause comes from a recorded fact, and a fact
 * that is missing shows as a "[chưa có …]" placeholder for the editor, never as a guess.
 */
import type { ServiceContext } from '../context.js';
import { formatVnShortDate } from '../core/dates.js';
import { chairsPhrase, meetingName } from './conclusion.js';
import { ARTICLE_PERCENT, type PercentStyle } from './format.js';
import { achievement, byField, fieldLabel, LAGGING } from './indicator-text.js';
import { gatherMeeting, type MeetingData } from './meeting-data.js';
import { lowerFirst, oneLine, paragraphsOf, placeholder, upperFirst, withoutFinalStop } from './safe-text.js';

export interface ArticleSettings {
  /** How percentages print; by default whole when within 0,05 of a whole number. */
  percent?: PercentStyle;
  /** Codes of the indicators quoted first; by default the first three economic flows with data. */
  headline?: string[];
  /** At most this many further results per field. */
  maxPerField?: number;
}

export interface Article {
  title: string;
  paragraphs: string[];
  missing: string[];
}

function opening(data: MeetingData, missing: string[]): string[] {
  const m = data.meeting;
  const day = formatVnShortDate(m.heldOn);
  const summary = m.summary ? oneLine(m.summary) : '';
  let first: string;
  if (summary) first = /^ngày\s/iu.test(summary) ? summary : `Ngày ${day}, ${summary}`;
  else {
    const place = m.place ? `, tại ${oneLine(m.place)}` : '';
    const period = data.review ? ` để kiểm điểm ${data.review.report.periodLabel}` : '';
    first = `Ngày ${day}${place}, ${meetingName(data)} được tổ chức${period}.`;
  }
  const chairs = chairsPhrase(data);
  if (!chairs) missing.push('người chủ trì hội nghị');
  const chair = chairs
    ? `${upperFirst(chairs)} chủ trì hội nghị.`
    : placeholder('thông tin người chủ trì hội nghị');
  return [`${withoutFinalStop(first)}. ${chair}`];
}

function figures(data: MeetingData, s: Required<ArticleSettings>, missing: string[]): string[] {
  const review = data.review;
  if (!review) {
    missing.push('số liệu (hội nghị chưa gắn với kế hoạch và kỳ báo cáo)');
    return [placeholder('số liệu: hội nghị chưa gắn với kế hoạch và kỳ báo cáo')];
  }
  const issuer = review.plan.issuingBody;
  const all = review.report.indicators;
  const withData = all.filter((i) => i.actual !== null);
  if (withData.length === 0) {
    missing.push(`số liệu ${review.report.periodLabel}`);
    return [placeholder(`số liệu ${review.report.periodLabel} của các chỉ tiêu`)];
  }
  const headline = s.headline.length
    ? s.headline.flatMap((code) => withData.filter((i) => i.code === code))
    : withData
        .filter((i) => i.field === 'kinh_te' && i.kind === 'flow' && i.percentOfTarget !== null)
        .slice(0, 3);
  const out: string[] = [];
  const lead = headline.map((i) => achievement(i, issuer, s.percent, { lower: true }));
  if (lead.length) out.push(`Theo báo cáo tại hội nghị, ${review.report.periodLabel}, ${lead.join('; ')}.`);
  const rest: string[] = [];
  for (const [field, list] of byField(withData)) {
    const good = list
      .filter((i) => !headline.includes(i) && (i.status === 'achieved' || i.status === 'on_track'))
      .slice(0, s.maxPerField);
    if (good.length === 0) continue;
    const items = good.map((i) => achievement(i, issuer, s.percent, { lower: true }));
    rest.push(`Về ${lowerFirst(fieldLabel(field))}, ${items.join('; ')}.`);
  }
  if (rest.length) out.push(rest.join(' '));
  const lagging = all.filter((i) => LAGGING.includes(i.status));
  const limits: string[] = [];
  if (lagging.length) {
    const items = lagging.map((i) => achievement(i, issuer, s.percent, { lower: true }));
    limits.push(`Bên cạnh đó, tiến độ thực hiện một số chỉ tiêu còn chậm: ${items.join('; ')}.`);
  }
  if (review.overdue.length) {
    limits.push(`Còn ${review.overdue.length} nhiệm vụ đã quá hạn nhưng chưa hoàn thành.`);
  }
  if (limits.length) out.push(limits.join(' '));
  return out;
}

function opinions(data: MeetingData): string[] {
  const list = data.meeting.opinions.map((o) => {
    const who = o.speaker
      ? `đồng chí ${oneLine(o.speaker)}${o.speakerPosition ? ` (${oneLine(o.speakerPosition)})` : ''}: `
      : '';
    return `${who}${lowerFirst(withoutFinalStop(oneLine(o.text)))}`;
  });
  if (list.length === 0) return [];
  return [`Tại hội nghị, các đại biểu tập trung thảo luận, tham gia ý kiến: ${list.join('; ')}.`];
}

function conclusions(data: MeetingData, missing: string[]): string[] {
  const m = data.meeting;
  const general = m.conclusion ? paragraphsOf(m.conclusion).map(withoutFinalStop).join('. ') : '';
  const items = m.conclusionItems.map((i) => ({
    key: i.key,
    text: lowerFirst(withoutFinalStop(oneLine(i.text))),
  }));
  if (!general && items.length === 0) {
    missing.push('kết luận của hội nghị');
    return [placeholder('kết luận của hội nghị')];
  }
  const chair = m.chairs[0];
  const speaker = chair
    ? `Phát biểu kết luận hội nghị, đồng chí ${oneLine(chair.name)}${chair.positionTitle ? ` – ${oneLine(chair.positionTitle)}` : ''}`
    : 'Kết luận hội nghị';
  const parts: string[] = [];
  parts.push(
    general ? `${speaker}${chair ? ' ' : ': '}${lowerFirst(general)}.` : `${speaker} nêu các nhiệm vụ sau.`,
  );
  const key = items.filter((i) => i.key).map((i) => i.text);
  const other = items.filter((i) => !i.key).map((i) => i.text);
  if (key.length) parts.push(`Trong đó, trọng tâm là ${key.join('; ')}.`);
  if (other.length)
    parts.push(`${key.length ? 'Đồng thời, ' : ''}${upperFirstIf(!key.length, other.join('; '))}.`);
  return [parts.join(' ').replace(/\.$/, './.')];
}

const upperFirstIf = (cond: boolean, s: string) => (cond ? upperFirst(s) : s);

export function buildArticle(data: MeetingData, settings: ArticleSettings = {}): Article {
  const s: Required<ArticleSettings> = {
    percent: settings.percent ?? ARTICLE_PERCENT,
    headline: settings.headline ?? [],
    maxPerField: settings.maxPerField ?? 4,
  };
  const missing: string[] = [];
  const paragraphs = [
    ...opening(data, missing),
    ...figures(data, s, missing),
    ...opinions(data),
    ...conclusions(data, missing),
  ];
  return { title: meetingName(data), paragraphs, missing };
}

export function articleText(a: Article): string {
  return `${[a.title, ...a.paragraphs].join('\n\n')}\n`;
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Placeholders are marked, so an editor sees at a glance what still needs a fact. */
const htmlOf = (s: string) => escapeHtml(s).replace(/\[chưa có [^\]]+\]/g, (p) => `<mark>${p}</mark>`);

export function articleHtml(a: Article): string {
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(a.title)}</title>`,
    '<style>body{font-family:"Times New Roman",serif;font-size:14pt;max-width:42em;margin:2em auto;line-height:1.45}p{text-align:justify}mark{background:#ffe58f}</style>',
    '</head>',
    '<body>',
    '<article>',
    `<h1>${htmlOf(a.title)}</h1>`,
    ...a.paragraphs.map((p) => `<p>${htmlOf(p)}</p>`),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export async function newsArticle(ctx: ServiceContext, meetingId: number, settings: ArticleSettings = {}) {
  const data = await gatherMeeting(ctx, meetingId, { withReview: true });
  return { data, article: buildArticle(data, settings) };
}
