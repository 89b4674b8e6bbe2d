import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import type { ServiceContext } from '../../context.js';
import { conclusionDirectivesSchema, directivesFromConclusions } from '../../directives/from-meeting.js';
import type { Meeting } from '../../meetings/meetings.repo.js';
import { meetingInputSchema, meetingPatchSchema } from '../../meetings/meetings.schema.js';
import { createMeeting, getMeeting, pageMeetings } from '../../meetings/meetings.service.js';
import { updateMeeting } from '../../meetings/meetings.update.js';
import type { Unit } from '../../units/units.repo.js';
import { getUnit } from '../../units/units.service.js';
import { hasRole, type Principal } from '../../users/access.js';
import { codeSchema } from '../../validation.js';
import { type Action, authorize, authorizeRead, unitById } from '../access.js';
import { requirePrincipal } from '../auth.js';
import { described, errors, idParam, pageOf, pageQuery } from './common.js';
import { directiveSchema } from './directives.routes.js';

const RECORD: Action = { vi: 'ghi hội nghị của đơn vị này', en: 'record this unit’s meetings' };
const EDIT: Action = { vi: 'sửa hội nghị của đơn vị này', en: 'edit this unit’s meetings' };
const ASSIGN: Action = {
  vi: 'giao nhiệm vụ từ kết luận hội nghị của đơn vị này',
  en: 'turn this unit’s conclusions into directives',
};

const meetingSummary = described('MeetingSummary', {
  id: z.number(),
  unitId: z.number(),
  unit: z.object({ code: z.string(), name: z.string() }),
  body: z.string(),
  kind: z.string(),
  sessionNumber: z.number().nullable(),
  term: z.string().nullable(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  planId: z.number().nullable(),
  planCode: z.string().nullable(),
  period: z.string().nullable(),
  summary: z.string().nullable(),
  conclusion: z.string().nullable(),
  version: z.number(),
});

const meetingSchema = described('Meeting', {
  ...meetingSummary.shape,
  chairs: z.array(z.object({ personId: z.number(), name: z.string(), positionTitle: z.string().nullable() })),
  attendees: z.array(
    z.object({ name: z.string(), positionTitle: z.string().nullable(), unitId: z.number().nullable() }),
  ),
  agenda: z.array(z.string()),
  opinions: z.array(
    z.object({ speaker: z.string().nullable(), speakerPosition: z.string().nullable(), text: z.string() }),
  ),
  conclusionItems: z.array(z.object({ id: z.number(), text: z.string(), key: z.boolean() })),
  actions: z.object({ edit: z.boolean(), createDirectives: z.boolean() }),
});

/** The meeting and its organising unit, which decides who may read and edit it. */
async function meetingAndUnit(ctx: ServiceContext, id: number) {
  const meeting = await getMeeting(ctx, id);
  return { meeting, unit: await unitById(ctx.store.db, meeting.unitId) };
}

function withActions(p: Principal, unit: Unit, meeting: Meeting) {
  const editor = hasRole(p, unit, 'editor');
  return { ...meeting, actions: { edit: editor, createDirectives: editor } };
}

export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Every route here needs a signed-in caller: a stranger gets 401 before learning anything,
  // even whether an id exists or a body is well formed.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    requirePrincipal(request);
  });

  app.get(
    '/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Hội nghị của các đơn vị người dùng được xem, mới nhất trước; lọc theo kế hoạch, đơn vị',
        operationId: 'listMeetings',
        querystring: z
          .object({ plan: codeSchema.optional(), unit: codeSchema.optional(), ...pageQuery })
          .strict(),
        response: {
          200: pageOf('MeetingPage', meetingSummary),
          ...errors,
        },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const { plan, unit, limit, offset } = request.query;
      if (unit) authorizeRead(request, await getUnit(ctx, unit, 'unit'));
      const page = await pageMeetings(ctx, requirePrincipal(request), {
        planCode: plan,
        unitCode: unit,
        limit,
        offset,
      });
      return { ...page, limit, offset };
    },
  );

  app.post(
    '/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Ghi một hội nghị: chủ trì, thành phần, chương trình, ý kiến, kết luận',
        operationId: 'createMeeting',
        body: meetingInputSchema,
        response: { 201: meetingSchema, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const unit = await getUnit(ctx, request.body.unitCode);
      const p = authorize(request, unit, 'editor', RECORD);
      const meeting = await createMeeting(ctx, request.body);
      reply.status(201);
      return withActions(p, unit, meeting);
    },
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Một hội nghị đầy đủ, với các thao tác người dùng được làm',
        operationId: 'getMeeting',
        params: idParam,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (request) => {
      const { meeting, unit } = await meetingAndUnit(app.serviceContext(request), request.params.id);
      return withActions(authorizeRead(request, unit), unit, meeting);
    },
  );

  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Sửa hội nghị; danh sách gửi lên thay danh sách cũ, mục kết luận giữ "id"; gửi "version" đang xem',
        operationId: 'updateMeeting',
        params: idParam,
        body: meetingPatchSchema,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (request) => {
      const ctx = app.serviceContext(request);
      const { unit } = await meetingAndUnit(ctx, request.params.id);
      const p = authorize(request, unit, 'editor', EDIT);
      return withActions(p, unit, await updateMeeting(ctx, request.params.id, request.body));
    },
  );

  app.post(
    '/meetings/:id/directives',
    {
      schema: {
        tags: ['meetings', 'directives'],
        summary: 'Giao nhiệm vụ từ các mục kết luận của hội nghị, tất cả trong một lần (tạo hết hoặc không)',
        operationId: 'createDirectivesFromMeeting',
        params: idParam,
        body: conclusionDirectivesSchema,
        response: { 201: z.object({ items: z.array(directiveSchema) }), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = app.serviceContext(request);
      const { meeting, unit } = await meetingAndUnit(ctx, request.params.id);
      authorize(request, unit, 'editor', ASSIGN);
      const items = await directivesFromConclusions(ctx, meeting, request.body);
      reply.status(201);
      return { items };
    },
  );
};
