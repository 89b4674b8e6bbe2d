import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Filled in by the people routes work (see the server issue).
export const peopleRoutes: FastifyPluginAsyncZod = async () => {};
