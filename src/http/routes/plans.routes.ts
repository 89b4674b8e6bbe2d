import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Filled in by the plans routes work (see the server issue).
export const plansRoutes: FastifyPluginAsyncZod = async () => {};
