import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Filled in by the audit routes work (see the server issue).
export const auditRoutes: FastifyPluginAsyncZod = async () => {};
