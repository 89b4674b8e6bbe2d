import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit.routes.js';
import { authRoutes } from './auth.routes.js';
import { directivesRoutes } from './directives.routes.js';
import { documentsRoutes } from './documents.routes.js';
import { extractionRoutes } from './extraction.routes.js';
import { figuresRoutes } from './figures.routes.js';
import { meetingsRoutes } from './meetings.routes.js';
import { peopleRoutes } from './people.routes.js';
import { plansRoutes } from './plans.routes.js';
import { progressRoutes } from './progress.routes.js';
import { reportingRoutes } from './reporting.routes.js';
import { transferRoutes } from './transfer.routes.js';
import { unitsRoutes } from './units.routes.js';
import { usersRoutes } from './users.routes.js';

/** Every feature's routes under /api/v1, one file each. */
export const routes: FastifyPluginAsync = async (app) => {
  for (const plugin of [
    authRoutes,
    unitsRoutes,
    plansRoutes,
    figuresRoutes,
    progressRoutes,
    meetingsRoutes,
    directivesRoutes,
    peopleRoutes,
    usersRoutes,
    auditRoutes,
    documentsRoutes,
    extractionRoutes,
    reportingRoutes,
    transferRoutes,
  ]) {
    await app.register(plugin);
  }
};
