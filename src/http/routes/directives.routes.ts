import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Filled in by the directives routes work (see the server issue).
export const directivesRoutes: FastifyPluginAsyncZod = async () => {};
