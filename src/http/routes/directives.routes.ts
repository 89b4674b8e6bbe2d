import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { ServiceContext } from '../../context.js';
import {
  canCompleteDirective,
  canEditDirective,
  canReadDirective,
  canReportDirective,
  type DirectiveUnits,
  directiveActions,
} from '../../directives/directives.access.js';
import { type DirectiveDetail, directiveUnits } from '../../directives/directives.present.js';
import {
  DIRECTIVE_STATUSES,
  type DirectiveFilter,
  directiveInputSchema,
  directivePatchSchema,
  directiveUpdateInputSchema,
} from '../../directives/directives.schema.js';
import {
  addDirectiveUpdate,
  createDirective,
  getDirective,
  pageDirectives,
} from '../../directives/directives.service.js';
import { updateDirective } from '../../directives/directives.update.js';
import { invalidField } from '../../errors.js';
import { text } from '../../i18n.js';
import { getMeeting } from '../../meetings/meetings.service.js';
import { getUnit } from '../../units/units.service.js';
import type { Principal } from '../../users/access.js';
import { codeSchema } from '../../validation.js';
import { type Action, authorize, authorizeRead, READ } from '../access.js';
import { forbidden, requirePrincipal } from '../auth.js';
import { described, errors, idParam, pageOf, pageQuery } from './common.js';

const ASSIGN: Action = { vi: 'giao nhiệm vụ cho đơn vị này', en: 'assign directives to this unit' };
const EDIT: Action = { vi: 'sửa nhiệm vụ của đơn vị này', en: 'edit this unit’s directives' };
const REPORT: Action = {
  vi: 'báo cáo tiến độ nhiệm vụ này (chỉ đơn vị chủ trì và phối hợp)',
  en: 'report on this directive (lead and co-units only)',
};
const COMPLETE: Action = {
  vi: 'báo hoàn thành nhiệm vụ này (chỉ đơn vị chủ trì)',
  en: 'complete this directive (the lead unit only)',
};

const unitRef = z.object({ code: z.string(), name: z.string() });

export const directiveSchema = described('Directive', {
  id: z.number(),
  title: z.string(),
  meetingId: z.number().nullable(),
  conclusionItemId: z.number().nullable(),
  sourceDocument: z.string().nullable(),
  leadUnitId: z.number(),
  leadUnit: unitRef,
  coUnitIds: z.array(z.number()),
  coUnits: z.array(unitRef),
  deadline: z.string().nullable(),
  completedOn: z.string().nullable(),
  key: z.boolean(),
  status: z.enum(DIRECTIVE_STATUSES),
  createdAt: z.string(),
  version: z.number(),
});

const detailSchema = described('DirectiveDetail', {
  ...directiveSchema.shape,
  updates: z.array(
    z.object({
      id: z.number(),
      reportedOn: z.string(),
      text: z.string(),
      evidence: z.string().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.string(),
    }),
  ),
  actions: z.object({ edit: z.boolean(), report: z.boolean(), complete: z.boolean() }),
});

const listQuery = z
  .object({
    meeting: z.coerce.number().int().positive().optional(),
    status: z.enum(DIRECTIVE_STATUSES).optional(),
    unit: codeSchema.optional(),
    key: z.enum(['true', 'false']).optional(),
    /** Shorthand for status=in_progress_overdue, the list a review meeting asks for first. */
    overdue: z.literal('true').optional(),
    ...pageQuery,
  })
  .strict();

function statusOf(q: z.output<typeof listQuery>): DirectiveFilter['status'] {
  if (!q.overdue) return q.status;
  if (q.status && q.status !== 'in_progress_overdue') {
    throw invalidField(
      'overdue',
      text(
        `"overdue=true" mâu thuẫn với "status=${q.status}"`,
        `"overdue=true" contradicts "status=${q.status}"`,
      ),
    );
  }
  return 'in_progress_overdue';
}

/** The directive, the units it involves, and the caller, who must be allowed to read it. */
async function readable(ctx: ServiceContext, request: FastifyRequest, id: number) {
  const p = requirePrincipal(request);
  const directive = await getDirective(ctx, id);
  const units = await directiveUnits(ctx.store.db, directive);
  if (!canReadDirective(p, units)) throw forbidden(READ);
  return { p, directive, units };
}

function withActions(p: Principal, units: DirectiveUnits, d: DirectiveDetail) {
  return { ...d, actions: directiveActions(p, units, d) };
}

export const directivesRoutes: FastifyPluginAsyncZod = async (app) => {
  // Every route here needs a signed-in caller: a stranger gets 401 before learning anything,
  // even whether an id exists or a body is well formed.
  app.addHook('onRequest', async (request) => {
    requirePrincipal(request);
  });

  app.get(
    '/directives',
    {
      schema: {
        tags: ['directives'],
        summary: 'Nhiệm vụ người dùng được xem, lọc theo hội nghị, tình trạng, đơn vị, trọng tâm, quá hạn',
        operationId: 'listDirectives',
        querystring: listQuery,
        response: {
          200: pageOf('DirectivePage', directiveSchema),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const q = request.query;
      if (q.unit) authorizeRead(request, await getUnit(ctx, q.unit, 'unit'));
      if (q.meeting !== undefined) await getMeeting(ctx, q.meeting, 'meeting');
      const filter = {
        meetingId: q.meeting,
        status: statusOf(q),
        unitCode: q.unit,
        key: q.key === undefined ? undefined : q.key === 'true',
      };
      const window = { visibleTo: requirePrincipal(request), limit: q.limit, offset: q.offset };
      return { ...(await pageDirectives(ctx, filter, window)), limit: q.limit, offset: q.offset };
    },
  );

  app.post(
    '/directives',
    {
      schema: {
        tags: ['directives'],
        summary: 'Giao một nhiệm vụ (từ văn bản hoặc kết luận hội nghị) cho đơn vị chủ trì',
        operationId: 'createDirective',
        body: directiveInputSchema,
        response: { 201: detailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const p = authorize(
        request,
        await getUnit(ctx, request.body.leadUnitCode, 'leadUnitCode'),
        'editor',
        ASSIGN,
      );
      const created = await createDirective(ctx, request.body);
      reply.status(201);
      return withActions(p, await directiveUnits(ctx.store.db, created), { ...created, updates: [] });
    },
  );

  app.get(
    '/directives/:id',
    {
      schema: {
        tags: ['directives'],
        summary: 'Một nhiệm vụ với tình trạng, các lần báo cáo tiến độ và thao tác người dùng được làm',
        operationId: 'getDirective',
        params: idParam,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => {
      const { p, directive, units } = await readable(app.serviceContext(request), request, request.params.id);
      return withActions(p, units, directive);
    },
  );

  app.patch(
    '/directives/:id',
    {
      schema: {
        tags: ['directives'],
        summary: 'Sửa nội dung, thời hạn, đơn vị chủ trì, phối hợp, trọng tâm; gửi "version" đang xem',
        operationId: 'updateDirective',
        params: idParam,
        body: directivePatchSchema,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const { p, units } = await readable(ctx, request, request.params.id);
      if (!canEditDirective(p, units)) throw forbidden(EDIT);
      // Handing the directive to another unit needs the same right over that unit.
      const { leadUnitCode } = request.body;
      if (leadUnitCode)
        authorize(request, await getUnit(ctx, leadUnitCode, 'leadUnitCode'), 'editor', ASSIGN);
      const after = await updateDirective(ctx, request.params.id, request.body);
      return withActions(p, await directiveUnits(ctx.store.db, after), after);
    },
  );

  app.post(
    '/directives/:id/updates',
    {
      schema: {
        tags: ['directives'],
        summary:
          'Báo cáo tiến độ nhiệm vụ (đơn vị chủ trì hoặc phối hợp); đơn vị chủ trì báo hoàn thành kèm "version"',
        operationId: 'reportDirective',
        params: idParam,
        body: directiveUpdateInputSchema.omit({ directiveId: true }),
        response: { 201: detailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const { p, units } = await readable(ctx, request, request.params.id);
      if (request.body.completed && !canCompleteDirective(p, units)) throw forbidden(COMPLETE);
      if (!canReportDirective(p, units)) throw forbidden(REPORT);
      const after = await addDirectiveUpdate(ctx, { ...request.body, directiveId: request.params.id });
      reply.status(201);
      return withActions(p, units, after);
    },
  );
};
