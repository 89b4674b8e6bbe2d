import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import {
  appendixFile,
  articleFile,
  conclusionFile,
  contentDisposition,
  type GeneratedFile,
  reviewFile,
} from '../../documents/index.js';
import { getMeeting } from '../../meetings/meetings.service.js';
import { codeSchema, isoDateSchema, monthKeySchema } from '../../validation.js';
import { authorizeRead, unitById, unitOf } from '../access.js';
import { errors } from './common.js';

const periodQuery = z
  .object({
    plan: codeSchema,
    period: monthKeySchema,
    unit: codeSchema.optional(),
    date: isoDateSchema.optional(),
    format: z.enum(['party', 'state']).optional(),
    number: z.string().trim().min(1).max(20).optional(),
  })
  .strict();

const meetingQuery = z
  .object({
    meeting: z.coerce.number().int().positive(),
    date: isoDateSchema.optional(),
    format: z.enum(['party', 'state']).optional(),
    number: z.string().trim().min(1).max(20).optional(),
  })
  .strict();

/** The 200 answer is the file itself, sent as bytes with its own content type. */
const file = (description: string, ...mediaTypes: string[]) => ({
  200: {
    description,
    content: Object.fromEntries(
      mediaTypes.map((t) => [t, { schema: z.string().meta({ format: 'binary' }) }]),
    ),
  },
  ...errors,
});

/**
 * The file with its type and a Vietnamese name (RFC 5987 `filename*`, with an ASCII twin). What
 * the document printed as placeholders travels in a header, percent-encoded, for the web app.
 */
function send(reply: FastifyReply, f: GeneratedFile) {
  reply.header('content-type', f.contentType);
  reply.header('content-disposition', contentDisposition(f.fileName));
  reply.header('cache-control', 'private, no-store');
  if (f.missing.length) reply.header('x-document-missing', encodeURIComponent(f.missing.join('; ')));
  return reply.send(f.body);
}

const settings = (q: {
  date?: string | undefined;
  format?: 'party' | 'state' | undefined;
  number?: string | undefined;
}) => ({
  ...(q.date ? { date: q.date } : {}),
  ...(q.format ? { format: q.format } : {}),
  ...(q.number ? { number: q.number } : {}),
});

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/documents/review.docx',
    {
      schema: {
        tags: ['documents'],
        summary: 'Báo cáo kiểm điểm một kỳ của kế hoạch (DOCX, thể thức Đảng hoặc Nhà nước)',
        operationId: 'getReviewReport',
        querystring: periodQuery,
        response: file(
          'Báo cáo kiểm điểm',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ),
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const q = request.query;
      const unit = await unitOf(ctx, q.plan, q.unit);
      authorizeRead(request, unit);
      return send(
        reply,
        await reviewFile(ctx, { planCode: q.plan, period: q.period, unitCode: unit.code }, settings(q)),
      );
    },
  );

  app.get(
    '/documents/appendix.xlsx',
    {
      schema: {
        tags: ['documents'],
        summary: 'Phụ lục số liệu một kỳ của kế hoạch (XLSX)',
        operationId: 'getDataAppendix',
        querystring: periodQuery,
        response: file(
          'Phụ lục số liệu',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ),
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const q = request.query;
      const unit = await unitOf(ctx, q.plan, q.unit);
      authorizeRead(request, unit);
      return send(
        reply,
        await appendixFile(
          ctx,
          { planCode: q.plan, period: q.period, unitCode: unit.code },
          { date: q.date },
        ),
      );
    },
  );

  app.get(
    '/documents/conclusion.docx',
    {
      schema: {
        tags: ['documents'],
        summary: 'Thông báo kết luận của một hội nghị (DOCX)',
        operationId: 'getConclusionNotice',
        querystring: meetingQuery,
        response: file(
          'Thông báo kết luận',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ),
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const meeting = await getMeeting(ctx, request.query.meeting);
      authorizeRead(request, await unitById(ctx.store.db, meeting.unitId));
      return send(reply, await conclusionFile(ctx, meeting.id, settings(request.query)));
    },
  );

  app.get(
    '/documents/article',
    {
      schema: {
        tags: ['documents'],
        summary: 'Dự thảo tin bài về một hội nghị (HTML hoặc văn bản)',
        operationId: 'getArticleDraft',
        querystring: z
          .object({
            meeting: z.coerce.number().int().positive(),
            format: z.enum(['html', 'txt']).default('html'),
          })
          .strict(),
        response: file('Tin bài', 'text/html', 'text/plain'),
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const meeting = await getMeeting(ctx, request.query.meeting);
      authorizeRead(request, await unitById(ctx.store.db, meeting.unitId));
      return send(reply, await articleFile(ctx, meeting.id, request.query.format));
    },
  );
};
