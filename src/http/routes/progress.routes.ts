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

export const progressRoutes: FastifyPluginAsyncZod = async (app) => {
  // Dashboards are read far more often than figures are written: the unit and the report, as
  // sent, are kept until the next audited write in this process, or 10 seconds (other processes).
  const units = new Memo<Unit>(10_000);
  const reports = new Memo<string>(10_000);
  app.get(
    '/progress',
    {
      schema: {
        tags: ['progress'],
        summary: 'Tiến độ thực hiện các chỉ tiêu của kế hoạch cho một đơn vị, lũy kế đến hết tháng',
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
      const query = { planCode: plan, period, unitCode: unit.code };
      const json = await reports.read(JSON.stringify(query), now, async () =>
        JSON.stringify(await progressFor(ctx, query)),
      );
      const actions = { recordFigures: hasRole(p, unit, 'reporter'), editPlan: hasRole(p, unit, 'editor') };
      // The report is the same for every reader; only the actions are the caller's own. The
      // remembered JSON is sent as it is (a string body is not serialised again).
      const body = `${json.slice(0, -1)},"actions":${JSON.stringify(actions)}}`;
      return reply.type('application/json; charset=utf-8').send(body as never);
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
