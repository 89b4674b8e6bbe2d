import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Filled in by the users routes work (see the server issue).
export const usersRoutes: FastifyPluginAsyncZod = async () => {};
