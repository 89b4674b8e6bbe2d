import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { ServiceContext } from '../../context.js';
import { figureInputSchema } from '../../figures/figures.schema.js';
import {
  figureHistory,
  figuresForPeriod,
  recordFigure,
  recordFigures,
} from '../../figures/figures.service.js';
import { findUnitsByCodes } from '../../units/units.repo.js';
import { unitNotFound } from '../../units/units.service.js';
import { codeSchema, monthKeySchema } from '../../validation.js';
import { type Action, authorize, authorizeRead, unitOf } from '../access.js';
import { described, errors } from './common.js';

const RECORD: Action = { vi: 'nhập số liệu cho đơn vị này', en: 'record figures for this unit' };
/** Bulk writes may carry a whole sheet; everything else stays under the server's default limit. */
const BULK_BODY_LIMIT = 8 * 1024 * 1024;
const BULK_MAX_ROWS = 20_000;

const figure = described('Figure', {
  id: z.number(),
  value: z.number(),
  cumulative: z.boolean(),
  status: z.enum(['estimate', 'official']),
  source: z.string(),
  revision: z.number(),
  isCurrent: z.boolean(),
  recordedBy: z.number().nullable(),
  recordedAt: z.string(),
});

/** Every unit a batch writes to must be one the caller may write for. */
async function authorizeUnits(ctx: ServiceContext, request: FastifyRequest, codes: readonly string[]) {
  const unique = [...new Set(codes)];
  const units = await findUnitsByCodes(ctx.store.db, unique);
  for (const code of unique) {
    const unit = units.find((u) => u.code === code);
    if (!unit) throw unitNotFound(code);
    authorize(request, unit, 'reporter', RECORD);
  }
}

export const figuresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/figures',
    {
      schema: {
        tags: ['figures'],
        summary: 'Ghi số liệu một tháng; ghi "revision" của bản đang có để sửa (không ghi đè)',
        operationId: 'recordFigure',
        body: figureInputSchema,
        response: { 201: figure, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      await authorizeUnits(ctx, request, [request.body.unitCode]);
      reply.status(201);
      return recordFigure(ctx, request.body);
    },
  );

  app.post(
    '/figures/bulk',
    {
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags: ['figures'],
        summary: 'Ghi nhiều số liệu cùng lúc: ghi tất cả hoặc không ghi gì, lỗi liệt kê theo dòng',
        operationId: 'recordFigures',
        body: z.object({ figures: z.array(figureInputSchema).min(1).max(BULK_MAX_ROWS) }).strict(),
        response: { 201: z.object({ recorded: z.number(), figures: z.array(figure) }), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      await authorizeUnits(
        ctx,
        request,
        request.body.figures.map((f) => f.unitCode),
      );
      const figures = await recordFigures(ctx, request.body.figures);
      reply.status(201);
      return { recorded: figures.length, figures };
    },
  );

  app.get(
    '/figures',
    {
      schema: {
        tags: ['figures'],
        summary: 'Số liệu hiện hành của một tháng cho đơn vị và các đơn vị trực thuộc (bảng nhập liệu)',
        operationId: 'listFigures',
        querystring: z
          .object({ plan: codeSchema, period: monthKeySchema, unit: codeSchema.optional() })
          .strict(),
        response: {
          200: z.object({
            items: z.array(figure.extend({ indicatorCode: z.string(), unitCode: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const unit = await unitOf(ctx, request.query.plan, request.query.unit);
      authorizeRead(request, unit);
      const items = await figuresForPeriod(ctx, {
        planCode: request.query.plan,
        period: request.query.period,
        unitCode: unit.code,
      });
      return { items };
    },
  );

  app.get(
    '/figures/history',
    {
      schema: {
        tags: ['figures'],
        summary: 'Mọi lần ghi và sửa của một số liệu, mới nhất trước',
        operationId: 'figureHistory',
        querystring: z
          .object({
            plan: codeSchema,
            indicator: codeSchema,
            unit: codeSchema,
            period: monthKeySchema,
            cumulative: z.enum(['true', 'false']).default('false'),
          })
          .strict(),
        response: {
          200: z.object({ items: z.array(figure.extend({ recordedByName: z.string().nullable() })) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const q = request.query;
      authorizeRead(request, await unitOf(ctx, q.plan, q.unit));
      const items = await figureHistory(ctx, {
        planCode: q.plan,
        indicatorCode: q.indicator,
        unitCode: q.unit,
        period: q.period,
        cumulative: q.cumulative === 'true',
      });
      return { items };
    },
  );
};
