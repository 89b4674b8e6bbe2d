import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod';
import { type AuditFilter, countAudit, listAudit } from '../../audit/audit.repo.js';
import { subtreesWithRole } from '../../users/access.js';
import { isoDateSchema } from '../../validation.js';
import { forbidden, requirePrincipal } from '../auth.js';
import { described, errors, pageOf, pageQuery } from './common.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Midnight of a day in Việt Nam (UTC+7, no daylight saving), where the office reads its dates. */
const dayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);

/** A unit at the top of the tree has a path of one id: "/7/". */
const isTopLevel = (path: string) => /^\/\d+\/$/.test(path);

const entry = described('AuditEntry', {
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi, mới nhất trước (quản trị cấp cao nhất)',
        description:
          'Bản ghi nhật ký không gắn với đơn vị nên không lọc được theo nhánh: chỉ quản trị viên của đơn vị cấp cao nhất (tỉnh) được xem.',
        operationId: 'listAudit',
        querystring: z
          .object({
            entity: z.string().min(1).max(64).optional(),
            entityId: z.coerce.number().int().positive().optional(),
            userId: z.coerce.number().int().positive().optional(),
            action: z.string().min(1).max(64).optional(),
            /** First day shown, in Việt Nam's calendar. */
            from: isoDateSchema.optional(),
            /** Last day shown (inclusive). */
            to: isoDateSchema.optional(),
            ...pageQuery,
          })
          .strict(),
        response: {
          200: pageOf('AuditPage', entry),
          ...errors,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      if (!subtreesWithRole(p, 'admin').some(isTopLevel)) {
        throw forbidden({ vi: 'xem nhật ký thay đổi', en: 'read the audit log' });
      }
      const { from, to, ...rest } = request.query;
      const filter: AuditFilter = {
        ...rest,
        since: from ? dayStart(from).toISOString() : undefined,
        before: to ? new Date(dayStart(to).getTime() + DAY_MS).toISOString() : undefined,
      };
      const db = app.store.db;
      const [items, total] = await Promise.all([listAudit(db, filter), countAudit(db, filter)]);
      return { items, total, limit: request.query.limit, offset: request.query.offset };
    },
  );
};
