import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { ServiceContext } from '../../context.js';
import { FREQUENCIES } from '../../core/periods.js';
import { listCatalogue } from '../../plans/plans.repo.js';
import {
  indicatorInputSchema,
  indicatorUpdateSchema,
  planIndicatorInputSchema,
  planInputSchema,
  planUpdateSchema,
  targetInputSchema,
} from '../../plans/plans.schema.js';
import {
  createIndicator,
  createPlan,
  getPlanDetail,
  includeIndicator,
  listVisiblePlans,
  requirePlan,
  setTarget,
} from '../../plans/plans.service.js';
import { getIndicator, updateIndicator, updatePlan } from '../../plans/plans.update.js';
import type { Unit } from '../../units/units.repo.js';
import { getUnit } from '../../units/units.service.js';
import { canRead, hasRole, type Principal, type Role } from '../../users/access.js';
import { codeSchema } from '../../validation.js';
import { type Action, authorize, authorizeRead, unitById } from '../access.js';
import { requirePrincipal } from '../auth.js';
import { codeParam, described, errors, idParam, page, pageOf, pageQuery } from './common.js';

const EDIT: Action = {
  vi: 'sửa kế hoạch, chỉ tiêu của đơn vị này',
  en: 'edit this unit’s plans and indicators',
};

const planFields = {
  id: z.number(),
  code: z.string(),
  name: z.string(),
  year: z.number(),
  unitId: z.number(),
  issuingBody: z.string(),
  documentNumber: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  defaultBasis: z.string(),
  version: z.number(),
};
const plan = described('Plan', planFields);
const planSummary = described('PlanSummary', { ...planFields, unitCode: z.string(), unitName: z.string() });

const indicatorFields = {
  id: z.number(),
  ownerUnitId: z.number(),
  code: z.string(),
  name: z.string(),
  field: z.string(),
  measureUnit: z.string(),
  kind: z.enum(['flow', 'level']),
  direction: z.enum(['increase', 'decrease']),
  rollup: z.enum(['sum', 'mean', 'weighted', 'none']),
  frequency: z.enum(FREQUENCIES),
  weightIndicatorId: z.number().nullable(),
  allowNegative: z.boolean(),
  decimals: z.number(),
  aliases: z.array(z.string()),
  version: z.number(),
};
const indicator = described('Indicator', indicatorFields);
const planIndicator = described('PlanIndicator', {
  ...indicatorFields,
  sortOrder: z.number(),
  baseline: z.number().nullable(),
});

const target = described('Target', {
  id: z.number(),
  planId: z.number(),
  indicatorId: z.number(),
  unitId: z.number(),
  basis: z.string(),
  issuingBody: z.string(),
  value: z.number(),
  version: z.number(),
});

const planDetail = described('PlanDetail', {
  plan,
  indicators: z.array(planIndicator),
  targets: z.array(target.extend({ indicatorCode: z.string(), unitCode: z.string() })),
  lastReportedPeriod: z.string().nullable(),
  actions: z.object({ editPlan: z.boolean(), editTargets: z.boolean(), recordFigures: z.boolean() }),
});

/** The unit a plan belongs to; its path param is `code`, so that is the field a 404 names. */
async function planUnit(ctx: ServiceContext, code: string): Promise<Unit> {
  return unitById(ctx.store.db, (await requirePlan(ctx.store.db, code, 'code')).unitId);
}

/**
 * Whether the caller holds `least` on the unit or on some unit below it: a ward's reporter
 * records figures in the city's plan for the ward, so the plan page must offer them the form.
 */
function mayActWithin(p: Principal, unit: Unit, least: Role): boolean {
  return (
    hasRole(p, unit, least) ||
    p.roles.some((g) => g.unitPath.startsWith(unit.path) && hasRole(p, { path: g.unitPath }, least))
  );
}

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  // Sign-in first: a stranger gets 401 before any lookup, learning not even whether a code exists.
  app.addHook('onRequest', async (request) => {
    requirePrincipal(request);
  });

  app.get(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Các kế hoạch (nghị quyết) của những đơn vị người dùng được xem, năm mới nhất trước',
        operationId: 'listPlans',
        querystring: z
          .object({ ...pageQuery, year: z.coerce.number().int().min(1990).max(2100).optional() })
          .strict(),
        response: {
          200: pageOf('PlanPage', planSummary),
          ...errors,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const { year, limit, offset } = request.query;
      const plans = await listVisiblePlans(app.serviceContext(request), {
        year,
        visible: (u) => canRead(p, u),
      });
      return page(plans, limit, offset);
    },
  );

  app.post(
    '/plans',
    {
      schema: {
        tags: ['plans'],
        summary: 'Tạo kế hoạch năm (nghị quyết) cho một đơn vị',
        operationId: 'createPlan',
        body: planInputSchema,
        response: { 201: plan, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      authorize(request, await getUnit(ctx, request.body.unitCode), 'editor', EDIT);
      reply.status(201);
      return createPlan(ctx, request.body);
    },
  );

  app.get(
    '/plans/:code',
    {
      schema: {
        tags: ['plans'],
        summary: 'Kế hoạch với các chỉ tiêu, giá trị chỉ tiêu và các thao tác người dùng được làm',
        operationId: 'getPlan',
        params: codeParam,
        response: { 200: planDetail, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const unit = await planUnit(ctx, request.params.code);
      const p = authorizeRead(request, unit);
      return {
        ...(await getPlanDetail(ctx, request.params.code)),
        actions: {
          editPlan: hasRole(p, unit, 'editor'),
          editTargets: mayActWithin(p, unit, 'editor'),
          recordFigures: mayActWithin(p, unit, 'reporter'),
        },
      };
    },
  );

  app.patch(
    '/plans/:code',
    {
      schema: {
        tags: ['plans'],
        summary: 'Sửa tên, số văn bản, ngày ban hành, căn cứ mặc định; gửi "version" đang xem',
        operationId: 'updatePlan',
        params: codeParam,
        body: planUpdateSchema,
        response: { 200: plan, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      authorize(request, await planUnit(ctx, request.params.code), 'editor', EDIT);
      return updatePlan(ctx, request.params.code, request.body);
    },
  );

  app.get(
    '/indicators',
    {
      schema: {
        tags: ['plans'],
        summary: 'Danh mục chỉ tiêu của một đơn vị (để chọn đưa vào kế hoạch)',
        operationId: 'listCatalogue',
        querystring: z.object({ owner: codeSchema }).strict(),
        response: { 200: z.object({ items: z.array(indicator) }), ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const owner = await getUnit(ctx, request.query.owner, 'owner');
      authorizeRead(request, owner);
      return { items: await listCatalogue(ctx.store.db, owner.id) };
    },
  );

  app.post(
    '/indicators',
    {
      schema: {
        tags: ['plans'],
        summary: 'Thêm chỉ tiêu vào danh mục của đơn vị, để kế hoạch các năm chọn dùng',
        operationId: 'createIndicator',
        body: indicatorInputSchema,
        response: { 201: indicator, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      authorize(request, await getUnit(ctx, request.body.ownerUnitCode, 'ownerUnitCode'), 'editor', EDIT);
      reply.status(201);
      return createIndicator(ctx, request.body);
    },
  );

  app.patch(
    '/indicators/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'Sửa chỉ tiêu trong danh mục; không đổi được đơn vị tính khi đã có số liệu',
        operationId: 'updateIndicator',
        params: idParam,
        body: indicatorUpdateSchema,
        response: { 200: indicator, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const owner = await unitById(ctx.store.db, (await getIndicator(ctx, request.params.id)).ownerUnitId);
      authorize(request, owner, 'editor', EDIT);
      return updateIndicator(ctx, request.params.id, request.body);
    },
  );

  app.post(
    '/plans/:code/indicators',
    {
      schema: {
        tags: ['plans'],
        summary: 'Đưa chỉ tiêu của danh mục vào kế hoạch, kèm số liệu gốc đầu năm',
        operationId: 'includeIndicator',
        params: codeParam,
        body: planIndicatorInputSchema.omit({ planCode: true }),
        response: { 201: planIndicator, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      authorize(request, await planUnit(ctx, request.params.code), 'editor', EDIT);
      reply.status(201);
      return includeIndicator(ctx, { ...request.body, planCode: request.params.code });
    },
  );

  app.put(
    '/plans/:code/targets',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Đặt giá trị chỉ tiêu cho kế hoạch hoặc đơn vị trực thuộc; không có "version" là tạo mới, có là sửa bản đang xem',
        operationId: 'setTarget',
        params: codeParam,
        body: targetInputSchema.omit({ planCode: true }),
        response: { 200: target, 201: target, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const { unitCode } = request.body;
      const ofPlan = await planUnit(ctx, request.params.code);
      authorize(request, unitCode ? await getUnit(ctx, unitCode) : ofPlan, 'editor', EDIT);
      const saved = await setTarget(ctx, { ...request.body, planCode: request.params.code });
      reply.status(request.body.version === undefined ? 201 : 200);
      return saved;
    },
  );
};
