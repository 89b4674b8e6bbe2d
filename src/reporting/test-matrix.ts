import type { InjectOptions } from 'fastify';
import type { Row } from '../http/authorization.matrix.js';
import { makePlan } from '../test/factories.js';
import { lockPeriod } from './locks.js';

/**
 * The reporting routes' rows of the authorization matrix (src/http/authorization.matrix.ts
 * spreads them into MATRIX): who may set the calendar, lock, reopen, and clear their inbox.
 */
const req = (method: string, path: string, payload: object): InjectOptions =>
  ({ method, url: `/api/v1${path}`, payload }) as InjectOptions;

export const REPORTING_MATRIX: Record<string, Row> = {
  'PUT /api/v1/plans/:code/reporting': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const { plan } = await makePlan(f.ctx, t.unit, []);
      return req('PUT', `/plans/${plan}/reporting`, { dueDay: 20 });
    },
  },
  'POST /api/v1/plans/:code/locks': {
    least: 'editor',
    unitBound: true,
    build: async (f, t) => {
      const { plan } = await makePlan(f.ctx, t.unit, []);
      return req('POST', `/plans/${plan}/locks`, { period: '2021-09' });
    },
  },
  'POST /api/v1/plans/:code/unlock': {
    least: 'admin',
    unitBound: true,
    build: async (f, t) => {
      const { plan } = await makePlan(f.ctx, t.unit, []);
      await lockPeriod(f.ctx, { planCode: plan, period: '2021-09' });
      return req('POST', `/plans/${plan}/unlock`, { period: '2021-09', reason: 'Điều chỉnh số liệu' });
    },
  },
  'POST /api/v1/inbox/read': {
    least: 'signed-in',
    unitBound: false,
    build: () => req('POST', '/inbox/read', {}),
  },
};
