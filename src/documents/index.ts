/**
 * The four documents as files: bytes, a Vietnamese file name, a content type, and the details
 * that had to be printed as placeholders. The CLI and the HTTP routes both call these.
 */
import type { ServiceContext } from '../context.js';
import { formatVnShortDate } from '../core/dates.js';
import { type AppendixOptions, appendix } from './appendix.js';
import { type ArticleSettings, articleHtml, articleText, newsArticle } from './article.js';
import { conclusionNotice } from './conclusion.js';
import { type ReviewOptions, reviewReport } from './review.js';
import type { ReviewQuery } from './review-data.js';
import type { DocumentOptions } from './settings.js';

export type { ArticleSettings } from './article.js';
export type { ReviewQuery } from './review-data.js';
export type { DocFormat, DocumentOptions } from './settings.js';
export type { ReviewOptions };

export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
} as const;

export type FileKind = keyof typeof CONTENT_TYPES;

export interface GeneratedFile {
  fileName: string;
  kind: FileKind;
  contentType: string;
  body: Buffer;
  /** Details the document prints as "[chưa có …]", for the person to fill in. */
  missing: string[];
}

function file(fileName: string, kind: FileKind, body: Buffer, missing: string[]): GeneratedFile {
  return { fileName: `${fileName}.${kind}`, kind, contentType: CONTENT_TYPES[kind], body, missing };
}

const day = (iso: string) => formatVnShortDate(iso).replaceAll('/', '-');

export async function reviewFile(ctx: ServiceContext, q: ReviewQuery, o: ReviewOptions = {}) {
  const r = await reviewReport(ctx, q, o);
  return file(`Báo cáo kiểm điểm ${r.data.report.periodLabel}`, 'docx', r.buffer, r.letterhead.missing);
}

export async function appendixFile(
  ctx: ServiceContext,
  q: ReviewQuery,
  o: AppendixOptions & { date?: string } = {},
) {
  const r = await appendix(ctx, q, o);
  const missing = r.data.report.indicators.every((i) => i.actual === null)
    ? [`số liệu ${r.data.report.periodLabel}`]
    : [];
  return file(`Phụ lục số liệu ${r.data.report.periodLabel}`, 'xlsx', r.buffer, missing);
}

export async function conclusionFile(ctx: ServiceContext, meetingId: number, o: DocumentOptions = {}) {
  const r = await conclusionNotice(ctx, meetingId, o);
  return file(
    `Thông báo kết luận hội nghị ngày ${day(r.data.meeting.heldOn)}`,
    'docx',
    r.buffer,
    r.letterhead.missing,
  );
}

export async function articleFile(
  ctx: ServiceContext,
  meetingId: number,
  format: 'html' | 'txt',
  settings: ArticleSettings = {},
) {
  const { data, article } = await newsArticle(ctx, meetingId, settings);
  const body = Buffer.from(format === 'html' ? articleHtml(article) : articleText(article), 'utf8');
  return file(`Tin bài hội nghị ngày ${day(data.meeting.heldOn)}`, format, body, article.missing);
}

/** "Báo cáo kiểm điểm 9 tháng năm 2021.docx" → "Bao cao kiem diem 9 thang nam 2021.docx". */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ._-]/g, '_');
}

/**
 * Content-Disposition with both names: a plain ASCII one for old clients and the Vietnamese
 * one encoded as RFC 5987 / RFC 6266 `filename*` for everyone else.
 */
export function contentDisposition(
  name: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
