import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { ServiceContext } from '../../context.js';
import { requirePlan } from '../../plans/plans.service.js';
import { buildDigest } from '../../reporting/digest.js';
import { inbox, markRead } from '../../reporting/inbox.js';
import { listLocks, lockPeriod, unlockPeriod } from '../../reporting/locks.js';
import { missingReports } from '../../reporting/missing.js';
import {
  DUE_MONTHS,
  lockInputSchema,
  settingsInputSchema,
  unlockInputSchema,
} from '../../reporting/reporting.schema.js';
import { getReportingSettings, setReportingSettings } from '../../reporting/settings.js';
import type { Unit } from '../../units/units.repo.js';
import { hasRole } from '../../users/access.js';
import { codeSchema, isoDateSchema, monthKeySchema } from '../../validation.js';
import { type Action, authorize, authorizeRead, unitById, unitOf } from '../access.js';
import { requirePrincipal } from '../auth.js';
import { requestLang } from '../errors.js';
import { codeParam, described, errors, pageQuery } from './common.js';

const CALENDAR: Action = {
  vi: 'đặt lịch báo cáo của kế hoạch này',
  en: 'set this plan’s reporting calendar',
};
const LOCK: Action = { vi: 'khóa kỳ báo cáo của kế hoạch này', en: 'lock this plan’s periods' };
const UNLOCK: Action = {
  vi: 'mở lại kỳ báo cáo đã khóa (chỉ quản trị viên)',
  en: 'reopen a locked period (admins only)',
};

const settings = described('ReportingSettings', {
  planCode: z.string(),
  dueDay: z.number(),
  dueMonth: z.enum(DUE_MONTHS),
  recipients: z.array(z.string()),
  version: z.number(),
});

const lock = described('PeriodLock', {
  id: z.number(),
  planCode: z.string(),
  period: z.string(),
  lockedAt: z.string(),
  lockedBy: z.number().nullable(),
  lockedByName: z.string().nullable(),
  note: z.string().nullable(),
});

const calendar = described('ReportingCalendar', {
  settings,
  locks: z.array(lock),
  actions: z.object({ editSettings: z.boolean(), lock: z.boolean(), unlock: z.boolean() }),
});

const missingReport = described('MissingReports', {
  planCode: z.string(),
  planName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  period: z.string(),
  dueDate: z.string(),
  today: z.string(),
  daysPastDue: z.number(),
  locked: z.boolean(),
  expectedUnits: z.number(),
  completeUnits: z.number(),
  units: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      level: z.string(),
      expected: z.number(),
      missing: z.array(z.object({ code: z.string(), name: z.string() })),
      nothingReported: z.boolean(),
    }),
  ),
});

const message = z.object({ vi: z.string(), en: z.string() });
const reminder = described('Reminder', {
  id: z.number(),
  kind: z.enum(['report_missing', 'directive_overdue', 'directive_due_soon']),
  planCode: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  directiveId: z.number().nullable(),
  period: z.string().nullable(),
  day: z.string(),
  message,
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

async function planUnit(ctx: ServiceContext, code: string): Promise<Unit> {
  return unitById(ctx.store.db, (await requirePlan(ctx.store.db, code, 'code')).unitId);
}

export const reportingRoutes: FastifyPluginAsyncZod = async (app) => {
  // Sign-in first: a stranger learns nothing, not even whether a plan code exists.
  app.addHook('onRequest', async (request) => {
    requirePrincipal(request);
  });

  app.get(
    '/plans/:code/reporting',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Lịch báo cáo của kế hoạch (hạn nộp số liệu, người nhận tin nhắc việc) và các kỳ đã khóa',
        operationId: 'getReportingCalendar',
        params: codeParam,
        response: { 200: calendar, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const unit = await planUnit(ctx, request.params.code);
      const p = authorizeRead(request, unit);
      const plan = await requirePlan(ctx.store.db, request.params.code, 'code');
      return {
        settings: await getReportingSettings(ctx, plan.code),
        locks: await listLocks(ctx.store.db, plan),
        actions: {
          editSettings: hasRole(p, unit, 'editor'),
          lock: hasRole(p, unit, 'editor'),
          unlock: hasRole(p, unit, 'admin'),
        },
      };
    },
  );

  app.put(
    '/plans/:code/reporting',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Đặt hạn nộp số liệu (ngày, trong tháng hay tháng sau) và người nhận tin nhắc việc',
        operationId: 'setReportingCalendar',
        params: codeParam,
        body: settingsInputSchema.omit({ planCode: true }),
        response: { 200: settings, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      authorize(request, await planUnit(ctx, request.params.code), 'editor', CALENDAR);
      return setReportingSettings(ctx, { ...request.body, planCode: request.params.code });
    },
  );

  app.post(
    '/plans/:code/locks',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Khóa một tháng sau kiểm điểm: không ghi, sửa số liệu tháng đó được nữa',
        operationId: 'lockPeriod',
        params: codeParam,
        body: lockInputSchema.omit({ planCode: true }),
        response: { 200: lock, 201: lock, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      authorize(request, await planUnit(ctx, request.params.code), 'editor', LOCK);
      const done = await lockPeriod(ctx, { ...request.body, planCode: request.params.code });
      reply.status(done.created ? 201 : 200);
      return done.lock;
    },
  );

  app.post(
    '/plans/:code/unlock',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Mở lại tháng đã khóa (chỉ quản trị viên), ghi rõ lý do vào nhật ký',
        operationId: 'unlockPeriod',
        params: codeParam,
        body: unlockInputSchema.omit({ planCode: true }),
        response: { 200: lock, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      authorize(request, await planUnit(ctx, request.params.code), 'admin', UNLOCK);
      return unlockPeriod(ctx, { ...request.body, planCode: request.params.code });
    },
  );

  app.get(
    '/reporting/missing',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Đơn vị chưa báo cáo số liệu một tháng: thiếu chỉ tiêu nào, quá hạn bao nhiêu ngày',
        operationId: 'listMissingReports',
        querystring: z
          .object({
            plan: codeSchema,
            period: monthKeySchema,
            unit: codeSchema.optional(),
            date: isoDateSchema.optional(),
          })
          .strict(),
        response: { 200: missingReport, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const q = request.query;
      authorizeRead(request, await unitOf(ctx, q.plan, q.unit));
      return missingReports(ctx, { planCode: q.plan, period: q.period, unitCode: q.unit, date: q.date });
    },
  );

  app.get(
    '/reporting/digest',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Tin nhắc việc hằng ngày dạng văn bản, sẵn để dán vào Zalo hoặc thư',
        operationId: 'getDigest',
        querystring: z
          .object({
            plan: codeSchema,
            unit: codeSchema.optional(),
            period: monthKeySchema.optional(),
            date: isoDateSchema.optional(),
          })
          .strict(),
        response: {
          200: described('Digest', {
            planCode: z.string(),
            day: z.string(),
            subject: z.string(),
            text: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const q = request.query;
      authorizeRead(request, await unitOf(ctx, q.plan, q.unit));
      const lang = requestLang(request);
      const digest = await buildDigest(ctx, {
        planCode: q.plan,
        unitCode: q.unit,
        period: q.period,
        date: q.date,
      });
      return {
        planCode: digest.planCode,
        day: digest.day,
        subject: digest.subject[lang],
        text: digest.body[lang],
      };
    },
  );

  app.get(
    '/inbox',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Hộp nhắc việc của người đang đăng nhập, mới nhất trước',
        operationId: 'listInbox',
        querystring: z.object({ unread: z.enum(['true', 'false']).default('false'), ...pageQuery }).strict(),
        response: {
          200: described('Inbox', {
            items: z.array(reminder),
            total: z.number(),
            unread: z.number(),
            limit: z.number(),
            offset: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const { unread, limit, offset } = request.query;
      const box = await inbox(app.serviceContext(request), p.userId, {
        unreadOnly: unread === 'true',
        limit,
        offset,
      });
      return { ...box, limit, offset };
    },
  );

  app.post(
    '/inbox/read',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Đánh dấu đã đọc các nhắc việc đã chọn, hoặc tất cả khi không ghi "ids"',
        operationId: 'markInboxRead',
        body: z.object({ ids: z.array(z.number().int().positive()).max(1000).optional() }).strict(),
        response: { 200: z.object({ marked: z.number() }), ...errors },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return { marked: await markRead(app.serviceContext(request), p.userId, request.body.ids) };
    },
  );
};
