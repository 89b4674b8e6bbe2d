import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { progressFor, progressForChildren } from '../../progress/progress.service.js';
import { progressSeries, seriesQuerySchema } from '../../progress/series.service.js';
import type { Unit } from '../../units/units.repo.js';
import { hasRole } from '../../users/access.js';
import { Memo } from '../../util/memo.js';
import { codeSchema, monthKeySchema } from '../../validation.js';
import { authorizeRead, unitOf } from '../access.js';
import { described, errors } from './common.js';

const query = z.object({ plan: codeSchema, period: monthKeySchema, unit: codeSchema.optional() }).strict();

const indicatorProgress = described('IndicatorProgress', {
  code: z.string(),
  name: z.string(),
  field: z.string(),
  unit: z.string(),
  kind: z.enum(['flow', 'level']),
  direction: z.enum(['increase', 'decrease']),
  target: z.number().nullable(),
  basis: z.string().nullable(),
  actual: z.number().nullable(),
  percentOfTarget: z.number().nullable(),
  expectedPercent: z.number().nullable(),
  pace: z.number().nullable(),
  status: z.enum(['achieved', 'on_track', 'behind', 'at_risk', 'no_data']),
  changeVsSamePeriodPct: z.number().nullable(),
  forecast: z.number().nullable(),
});

const report = described('ProgressReport', {
  plan: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  unit: z.string(),
  unitName: z.string(),
  indicators: z.array(indicatorProgress),
  actions: z.object({ recordFigures: z.boolean(), editPlan: z.boolean() }),
});

/** The report as sent to one kind of reader: its bytes, compressed bytes and entity tag. */
interface Sent {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * A report is the same for every reader of its unit; only the two actions are the caller's own.
 * Each of the four bodies is put together, encoded and hashed once, on first use.
 */
class PreparedReport {
  private readonly sent = new Map<string, Sent>();
  constructor(private readonly json: string) {}

  for(actions: { recordFigures: boolean; editPlan: boolean }): Sent {
    const key = `${actions.recordFigures}|${actions.editPlan}`;
    let sent = this.sent.get(key);
    if (!sent) {
      const body = Buffer.from(`${this.json.slice(0, -1)},"actions":${JSON.stringify(actions)}}`);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      sent = { body, gzip: gzipSync(body), etag };
      this.sent.set(key, sent);
    }
    return sent;
  }
}

export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
  // Dashboards are read far more often than figures are written: the unit and the report, as
  // sent, are kept until the next audited write in this process, or 10 seconds (other processes).
  const units = new Memo<Unit>(10_000);
  const reports = new Memo<PreparedReport>(10_000);
  app.get(
    '/progress',
    {
      schema: {
        tags: ['progress'],
        summary: 'Tiến độ thực hiện các chỉ tiêu của kế hoạch cho một đơn vị, lũy kế đến hết tháng',
        description:
          'Trả ETag; gửi lại với If-None-Match thì nhận 304 khi số liệu chưa đổi. / Sends an ETag; ' +
          'with If-None-Match the answer is 304 while the figures are unchanged.',
        operationId: 'getProgress',
        querystring: query,
        response: { 200: report, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const now = ctx.now().getTime();
      const { plan, period, unit: unitCode } = request.query;
      const unit = await units.read(`${plan}|${unitCode ?? ''}`, now, () => unitOf(ctx, plan, unitCode));
      const p = authorizeRead(request, unit);
      const prepared = await reports.read(`${plan}|${period}|${unit.code}`, now, async () => {
        const report = await progressFor(ctx, { planCode: plan, period, unitCode: unit.code });
        return new PreparedReport(JSON.stringify(report));
      });
      const sent = prepared.for({
        recordFigures: hasRole(p, unit, 'reporter'),
        editPlan: hasRole(p, unit, 'editor'),
      });
      // Stored by the browser but asked again every time (no-cache): a dashboard left open
      // re-reads a report that has not changed as a 304 of a few hundred bytes.
      reply
        .header('etag', sent.etag)
        .header('cache-control', 'private, no-cache')
        .header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === sent.etag) return reply.status(304).send(undefined as never);
      reply.type('application/json; charset=utf-8');
      if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        return reply.header('content-encoding', 'gzip').send(sent.gzip as never);
      }
      return reply.send(sent.body as never);
    },
  );

  app.get(
    '/progress/children',
    {
      schema: {
        tags: ['progress'],
        summary: 'Tiến độ của từng đơn vị trực thuộc (xem chi tiết)',
        operationId: 'getProgressOfChildren',
        querystring: query,
        response: {
          200: described('ChildrenProgress', {
            children: z.array(
              z.object({ unit: z.string(), unitName: z.string(), indicators: z.array(indicatorProgress) }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const unit = await unitOf(ctx, request.query.plan, request.query.unit);
      authorizeRead(request, unit);
      return progressForChildren(ctx, {
        planCode: request.query.plan,
        period: request.query.period,
        unitCode: unit.code,
      });
    },
  );

  app.get(
    '/progress/series',
    {
      schema: {
        tags: ['progress'],
        summary: 'Số liệu từng tháng của một chỉ tiêu: thực hiện, cùng kỳ, tiến độ dự kiến (cho biểu đồ)',
        operationId: 'getProgressSeries',
        querystring: query.extend({ indicator: codeSchema }),
        response: {
          200: described('ProgressSeries', {
            indicator: z.object({ code: z.string(), name: z.string() }),
            months: z.array(
              z.object({
                month: z.number(),
                actual: z.number().nullable(),
                lastYearActual: z.number().nullable(),
                expectedPercent: z.number().nullable(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const unit = await unitOf(ctx, request.query.plan, request.query.unit);
      authorizeRead(request, unit);
      const q = {
        planCode: request.query.plan,
        period: request.query.period,
        unitCode: unit.code,
        indicatorCode: request.query.indicator,
      };
      return progressSeries(ctx, seriesQuerySchema.parse(q));
    },
  );
};
