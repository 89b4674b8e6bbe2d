import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { createPerson, peoplePage, personInputSchema } from '../../people/people.service.js';
import { hasRole } from '../../users/access.js';
import { forbidden, requirePrincipal } from '../auth.js';
import { described, errors, pageOf, pageQuery } from './common.js';

const person = described('Person', {
  id: z.number(),
  fullName: z.string(),
  positions: z.array(
    z.object({
      title: z.string(),
      unitId: z.number().nullable(),
      unitCode: z.string().nullable(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
    }),
  ),
});

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  // People are shared by every unit (a chair of the city sits on the province's committee too):
  // any signed-in user reads them, and nobody else learns who they are.
  app.addHook('onRequest', async (request) => {
    requirePrincipal(request);
  });

  app.get(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Cán bộ và các chức vụ đã giữ, theo tên',
        operationId: 'listPeople',
        querystring: z.object(pageQuery).strict(),
        response: {
          200: pageOf('PersonPage', person),
          ...errors,
        },
      },
    },
    async (request) => {
      const { limit, offset } = request.query;
      return { ...(await peoplePage(app.serviceContext(request), { limit, offset })), limit, offset };
    },
  );

  app.post(
    '/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Thêm cán bộ với các chức vụ và thời gian giữ chức vụ',
        operationId: 'createPerson',
        body: personInputSchema,
        response: { 201: person, ...errors },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      // Chairs and speakers are recorded by whoever records meetings: an editor of some unit.
      if (!p.roles.some((g) => hasRole(p, { path: g.unitPath }, 'editor'))) {
        throw forbidden({
          vi: 'thêm cán bộ (cần quyền biên tập ở một đơn vị)',
          en: 'add people (editors only)',
        });
      }
      reply.status(201);
      return createPerson(app.serviceContext(request), request.body);
    },
  );
};
