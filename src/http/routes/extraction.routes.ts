import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { extract } from '../../extract/index.js';
import {
  extractInputSchema,
  MAX_TEXT_LENGTH,
  reviewInputSchema,
} from '../../extraction/extraction.schema.js';
import { applyReview, reviewText } from '../../extraction/extraction.service.js';
import { authorize, authorizeRead, unitOf } from '../access.js';
import { requirePrincipal } from '../auth.js';
import { described, errors } from './common.js';

/** A pasted report can be long; JSON escaping can double its size. */
const TEXT_BODY_LIMIT = 2 * MAX_TEXT_LENGTH + 1024;

const extracted = described('Extraction', {
  period: z.string().nullable(),
  meeting: z.object({ date: z.string().nullable(), chair: z.string().nullable() }).nullable(),
  figures: z.array(
    z.object({
      indicator: z.string(),
      value: z.number().nullable(),
      unit: z.string().nullable(),
      percentOfTarget: z.number().nullable(),
      targetBasis: z.string().nullable(),
      changeVsSamePeriodPct: z.number().nullable(),
      span: z.tuple([z.number(), z.number()]).readonly(),
    }),
  ),
  lagging: z.array(z.string()),
  directives: z.array(z.object({ text: z.string(), span: z.tuple([z.number(), z.number()]).readonly() })),
});

const review = described('ExtractionReview', {
  plan: z.string(),
  period: z.string(),
  unit: z.string(),
  result: extracted,
  proposals: z.array(
    z.object({ score: z.number(), skip: z.object({ vi: z.string(), en: z.string() }).nullable() }),
  ),
});

export const extractionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/extract',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      schema: {
        tags: ['extraction'],
        summary: 'Đọc kỳ báo cáo, hội nghị, số liệu, việc còn chậm và nhiệm vụ từ văn bản tiếng Việt',
        operationId: 'extractText',
        body: extractInputSchema,
        response: { 200: extracted, ...errors },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return extract(request.body.text, request.body.year === undefined ? {} : { year: request.body.year });
    },
  );

  app.post(
    '/extract/review',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      schema: {
        tags: ['extraction'],
        summary: 'Đối chiếu số liệu đọc được với chỉ tiêu của kế hoạch; chưa ghi gì',
        operationId: 'reviewExtraction',
        body: reviewInputSchema,
        response: { 200: review, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      authorizeRead(request, await unitOf(ctx, request.body.planCode, request.body.unitCode));
      return reviewText(ctx, request.body);
    },
  );

  app.post(
    '/extract/apply',
    {
      bodyLimit: TEXT_BODY_LIMIT,
      schema: {
        tags: ['extraction'],
        summary: 'Ghi các số liệu khớp thành số ước tính, nguồn là văn bản (ghi tất cả hoặc không ghi gì)',
        operationId: 'applyExtraction',
        body: reviewInputSchema,
        response: { 201: z.object({ recorded: z.number(), review }), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const unit = await unitOf(ctx, request.body.planCode, request.body.unitCode);
      authorize(request, unit, 'reporter', {
        vi: 'nhập số liệu cho đơn vị này',
        en: 'record figures for this unit',
      });
      const r = await reviewText(ctx, request.body);
      const recorded = await applyReview(ctx, r);
      reply.status(201);
      return { recorded, review: r };
    },
  );
};
