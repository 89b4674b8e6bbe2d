import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Filled in by the units routes work (see the server issue).
export const unitsRoutes: FastifyPluginAsyncZod = async () => {};
